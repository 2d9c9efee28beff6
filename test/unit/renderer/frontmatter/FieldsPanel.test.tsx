// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { PostDocument, PostSummary, RepoSummary } from '../../../../shared/api';
import type { ContentModel, FolderCollection } from '../../../../shared/content/schema/types';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController, type Invoke } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import {
  initialWorkspaceState,
  workspaceReducer,
  type WorkspaceAction,
} from '../../../../renderer/app/workspace-state';
import { FieldsPanel } from '../../../../renderer/frontmatter/FieldsPanel';
import { allByRole, getByRole, mount, typeInto, type Mounted } from '../dom';
import { field } from './form-harness';
import { collectionId, repoFolder } from '../../../../shared/content/collection-ids';

vi.mock('../../../../renderer/api', () => ({ on: vi.fn(() => () => undefined), mediaUrl: vi.fn() }));

const recipes = {
  kind: 'folder',
  name: 'recipes',
  label: 'Recipes',
  labelSingular: 'Recipe',
  folder: 'content/recipes',
  extension: 'md',
  format: 'frontmatter',
  slug: '{{slug}}',
  identifierField: 'title',
  sortableFields: [],
  create: true,
  bodyField: 'body',
  inferred: false,
  i18n: { structure: 'multiple_files', locales: ['en', 'de', 'fr'], defaultLocale: 'en' },
  fields: [
    field('string', 'title', { required: true, i18n: 'translate' }),
    field('string', 'date', { i18n: 'duplicate' }),
    field('string', 'serves', { required: true, i18n: 'duplicate' }),
  ],
} as unknown as FolderCollection;
const model = {
  source: 'decap',
  configPath: 'static/admin/config.yml',
  commitMessages: {},
  collections: [recipes],
  problems: [],
} as unknown as ContentModel;
const repo: RepoSummary = {
  path: '/home/ada/kitchen',
  name: 'kitchen',
  branch: 'main',
  collections: [{ id: collectionId('recipes'), folder: repoFolder('content/recipes'), label: 'Recipes', postCount: 2 }],
};
const PATH = 'content/recipes/rye-bread.en.md';
const GERMAN = 'content/recipes/rye-bread.de.md';
const doc = (path: string, title: string): PostDocument => ({
  kind: 'post',
  path,
  collection: collectionId('recipes'),
  format: 'yaml',
  frontMatter: { title, date: '2026-01-20', serves: '8' },
  body: 'Mix, wait, bake.\n',
  version: 'v1',
});
const posts: PostSummary[] = [
  {
    path: PATH,
    collection: collectionId('recipes'),
    title: 'Rye bread',
    date: '2026-01-20',
    draft: false,
    locale: 'en',
    translationKey: 'rye-bread',
  },
  {
    path: GERMAN,
    collection: collectionId('recipes'),
    title: 'Roggenbrot',
    date: '2026-01-20',
    draft: false,
    locale: 'de',
    translationKey: 'rye-bread',
  },
];

const mockedInvoke = vi.fn<Invoke>();
let requests: Array<[string, unknown]>;
let mounted: Mounted | undefined;

beforeEach(() => {
  requests = [];
  mockedInvoke.mockReset();
  mockedInvoke.mockImplementation((async (name: string, arg: unknown) => {
    requests.push([name, arg]);
    if (name === 'post:read')
      return (arg as { path: string }).path === GERMAN ? doc(GERMAN, 'Roggenbrot') : doc(PATH, 'Rye bread');
    if (name === 'post:translate') return doc('content/recipes/rye-bread.fr.md', '');
    if (name === 'posts:list') return { version: String(posts.length), posts };
    throw new Error(`unexpected request ${name}`);
  }) as Invoke);
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function render(open: 'post' | 'data' | 'none' = 'post') {
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const controller = createWorkspaceController(store, {
    invoke: mockedInvoke,
    exportBody: () => null,
    journal: { enabled: false },
  });
  store.dispatch({ type: 'model-loaded', model });
  store.dispatch({ type: 'posts-loaded', posts });
  if (open === 'post') await controller.requestOpen(PATH);
  if (open === 'data')
    store.dispatch({
      type: 'open-done',
      doc: { ...doc('data/kitchen.yml', 'Kitchen'), kind: 'data', body: '' } as PostDocument,
    });
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef: { current: null } }}>
      <FieldsPanel />
    </WorkspaceProvider>,
  );
  requests.length = 0;
  const dispatch = async (action: WorkspaceAction) => act(async () => store.dispatch(action));
  return { panel: mounted.container, store, dispatch };
}

describe('FieldsPanel', () => {
  it('says what to do when no post is open, and that a data file’s fields are on the page', async () => {
    expect((await render('none')).panel.textContent).toBe('Open a post to edit its fields.');
    await mounted?.unmount();
    expect((await render('data')).panel.textContent).toBe('This data file’s fields are on the page.');
  });

  it('edits the post’s fields and counts the ones that need attention', async () => {
    const { panel, store } = await render();
    // The title is edited on the page; the form holds the other fields.
    expect(allByRole(panel, 'textbox', 'Title')).toHaveLength(0);
    const serves = getByRole(panel, 'textbox', 'Serves');
    expect((serves as HTMLInputElement).value).toBe('8');
    await typeInto(serves, '10');
    expect(store.getState().post?.frontMatter).toEqual({ title: 'Rye bread', date: '2026-01-20', serves: '10' });
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().fieldErrors).toBe(0);
    await typeInto(serves, '');
    expect(store.getState().fieldErrors).toBe(1);
    await mounted?.unmount();
    // Leaving the form clears the count, so the status bar does not point at a form that is gone.
    expect(store.getState().fieldErrors).toBe(0);
  });
});

describe('TranslationsPanel', () => {
  it('lists every locale: the one open, the ones written, and the ones missing', async () => {
    const { panel } = await render();
    const section = getByRole(panel, 'region', 'Translations 1 missing');
    const rows = Array.from(section.querySelectorAll('li')).map((item) => item.textContent);
    expect(rows).toEqual([
      'enEnglish · defaultOpen now',
      'deGermanOpen German',
      'frFrenchMissingAdd translation in French',
    ]);
    expect(section.textContent).toContain('Date and Serves are the same in every language');
  });

  it('opens a written translation and adds a missing one', async () => {
    const { panel, store } = await render();
    await act(async () => getByRole(panel, 'button', 'Open German').click());
    expect(requests[0]).toEqual(['post:read', { path: GERMAN }]);
    expect(store.getState().post?.doc.path).toBe(GERMAN);

    await mounted?.unmount();
    const again = await render();
    await act(async () => getByRole(again.panel, 'button', 'Add translation in French').click());
    expect(requests[0]).toEqual(['post:translate', { path: PATH, locale: 'fr' }]);
  });

  it('waits while a post is being created', async () => {
    const { panel, dispatch } = await render();
    await dispatch({ type: 'create-start', title: 'Rye bread' });
    expect((getByRole(panel, 'button', 'Add translation in French') as HTMLButtonElement).disabled).toBe(true);
    // Opening a written one stays possible.
    expect((getByRole(panel, 'button', 'Open German') as HTMLButtonElement).disabled).toBe(false);
  });
});
