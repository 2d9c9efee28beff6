// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { CollectionId, PostDocument, RepoSummary } from '../../../../shared/api';
import type { ContentModel, FolderCollection } from '../../../../shared/content/schema/types';
import { NewPostDialog } from '../../../../renderer/library/NewPostDialog';
import { click, getByRole, mount, typeInto, type Mounted } from '../dom';
import { fakeBackend, fakeWorkspace, inWorkspace } from '../fake-backend';
import { postsCollection } from '../../../support/collections';
import { collectionId, repoFolder } from '../../../../shared/content/collection-ids';

const folder = (over: Partial<FolderCollection>): FolderCollection => postsCollection(over);
const posts = folder({});
const recipes = folder({
  name: collectionId('recipes'),
  label: 'Recipes',
  folder: repoFolder('content/recipes'),
  slug: '{{year}}-{{slug}}',
});
const locked = folder({
  name: collectionId('authors'),
  label: 'Authors',
  folder: repoFolder('data/authors'),
  create: false,
});
const model = {
  source: 'decap',
  configPath: 'static/admin/config.yml',
  collections: [posts, recipes, locked],
  problems: [],
} as unknown as ContentModel;
const repo: RepoSummary = {
  path: '/home/ada/kitchen',
  name: collectionId('kitchen'),
  branch: 'main',
  collections: [
    { id: collectionId('posts'), folder: repoFolder('content/posts'), label: 'Posts', postCount: 3 },
    { id: collectionId('recipes'), folder: repoFolder('content/recipes'), label: 'Recipes', postCount: 5 },
    { id: collectionId('authors'), folder: repoFolder('data/authors'), label: 'Authors', postCount: 1 },
  ],
};
const created: PostDocument = {
  kind: 'post',
  path: 'content/recipes/2026-onion-soup.md',
  collection: collectionId('recipes'),
  format: 'yaml',
  frontMatter: { title: 'Onion soup' },
  body: '',
  version: 'v1',
};

let mounted: Mounted | undefined;
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-05-02T10:00:00.000Z'));
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
});

async function render(options: { withModel?: boolean; initialCollection?: CollectionId | null } = {}) {
  const backend = fakeBackend({ 'post:create': () => created, 'posts:list': () => ({ version: '1', posts: [] }) });
  const workspace = fakeWorkspace(backend.invoke, repo);
  if (options.withModel ?? true) workspace.store.dispatch({ type: 'model-loaded', model });
  const onClose = vi.fn();
  mounted = await mount(
    inWorkspace(
      <NewPostDialog open initialCollection={options.initialCollection ?? null} onClose={onClose} />,
      workspace,
    ),
  );
  const dialog = mounted.container.querySelector('dialog')!;
  return { ...backend, workspace, onClose, dialog };
}

describe('NewPostDialog', () => {
  it('shows where the post will be saved as the title is typed, and creates it in the chosen collection', async () => {
    const { dialog, calls, workspace, onClose } = await render({ initialCollection: collectionId('recipes') });
    const collection = dialog.querySelector('select')!;
    // Only collections that allow new entries are offered.
    expect(Array.from(collection.options).map((option) => option.textContent)).toEqual(['Posts', 'Recipes']);
    expect(collection.value).toBe('recipes');
    expect(dialog.textContent).toContain('Saved in content/recipes/; the file name is made from the title.');
    const create = getByRole(dialog, 'button', 'Create post') as HTMLButtonElement;
    expect(create.disabled).toBe(true);

    await typeInto(getByRole(dialog, 'textbox', 'Title'), '  Onion soup ');
    expect(dialog.textContent).toContain('Saved as content/recipes/2026-onion-soup.md');
    expect(create.disabled).toBe(false);
    await click(create);
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
    expect(onClose).toHaveBeenCalledOnce();
    expect(calls[0]).toEqual({
      name: 'post:create',
      arg: { collection: collectionId('recipes'), title: 'Onion soup' },
    });
    expect(workspace.store.getState().post?.doc.path).toBe('content/recipes/2026-onion-soup.md');
  });

  it('says it is loading the collections until the model arrives, and cancels without writing', async () => {
    const { dialog, names, onClose } = await render({ withModel: false });
    expect(dialog.textContent).toContain('Loading the site’s collections…');
    await click(getByRole(dialog, 'button', 'Cancel'));
    expect(onClose).toHaveBeenCalledOnce();
    expect(names()).toEqual([]);
  });
});
