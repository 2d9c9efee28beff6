// @vitest-environment happy-dom
// The form's back-end services, as the Fields tab wires them to the workspace controller: relation
// choices and image fields' Choose….
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { PostDocument, RepoSummary } from '../../../../shared/api';
import type { ContentModel } from '../../../../shared/content/schema/types';
import type * as ImageFiles from '../../../../renderer/editor/images/image-files';
import { FieldsPanel } from '../../../../renderer/frontmatter/FieldsPanel';
import { mount, type Mounted } from '../dom';
import { fakeBackend, fakeWorkspace, inWorkspace } from '../fake-backend';
import { field } from './form-harness';
import { postsCollection } from '../../../support/collections';
import { collectionId, repoFolder } from '../../../../shared/content/collection-ids';

vi.mock('../../../../renderer/api', () => ({ on: vi.fn(() => () => undefined), mediaUrl: vi.fn(() => '') }));
// happy-dom's FileReader runs on the real clock; these tests run on a fake one.
vi.mock('../../../../renderer/editor/images/image-files', async (original) => ({
  ...(await original<typeof ImageFiles>()),
  base64Of: async () => 'iVBORw==',
}));

const author = field('relation', 'author', {
  label: 'Author',
  collection: collectionId('authors'),
  valueField: 'slug',
  searchFields: ['name'],
  displayFields: ['name'],
  multiple: false,
});
const cover = field('image', 'cover', { label: 'Cover image', mediaFolder: 'static/covers', publicFolder: '/covers' });
const posts = postsCollection({ fields: [field('string', 'title'), author, cover] });
const model = { source: 'decap', configPath: null, commitMessages: {}, collections: [posts], problems: [] };
const repo: RepoSummary = {
  path: '/home/ada/harbour',
  name: collectionId('harbour'),
  branch: 'main',
  collections: [{ id: collectionId('posts'), folder: repoFolder('content/posts'), label: 'Posts', postCount: 1 }],
};
const PATH = 'content/posts/ferries.md';
const doc: PostDocument = {
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Ferries', author: 'ada' },
  body: 'The first boat leaves at six.\n',
  version: 'v1',
};

let mounted: Mounted | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
});

async function render() {
  const backend = fakeBackend({
    'post:read': () => doc,
    'relation:options': () => [{ value: 'ada', label: 'Ada Lovelace' }],
    'media:import': () => ({
      src: '/covers/harbour.png',
      path: 'static/covers/harbour.png',
      reused: false,
      info: { width: 800, height: 600, bytes: 4, format: 'png' },
      reason: 'the field’s media_folder',
    }),
  });
  const workspace = fakeWorkspace(backend.invoke, repo);
  workspace.store.dispatch({ type: 'model-loaded', model: model as unknown as ContentModel });
  await workspace.controller.requestOpen(PATH);
  mounted = await mount(inWorkspace(<FieldsPanel />, workspace));
  await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
  return { ...backend, workspace, panel: mounted.container };
}

describe('FieldsPanel services', () => {
  it('asks the back end for a relation field’s choices, with the field’s collection and keys', async () => {
    const { calls, panel } = await render();
    expect(calls.find((call) => call.name === 'relation:options')?.arg).toEqual({
      collection: collectionId('authors'),
      valueField: 'slug',
      searchFields: ['name'],
      displayFields: ['name'],
      query: '',
    });
    // The stored value is shown by its label.
    expect(panel.querySelector<HTMLInputElement>('input[role="combobox"]')?.value).toBe('Ada Lovelace');
  });

  it('copies an image chosen for an image field with the field’s folders, and writes the path it gets', async () => {
    const { calls, panel, workspace } = await render();
    const input = panel.querySelector<HTMLInputElement>('input[type="file"]')!;
    const picture = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'Harbour.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [picture], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(calls.find((call) => call.name === 'media:import')?.arg).toEqual({
      post: PATH,
      name: collectionId('Harbour.png'),
      data: 'iVBORw==',
      forField: true,
      mediaFolder: 'static/covers',
      publicFolder: '/covers',
    });
    expect(workspace.store.getState().post?.frontMatter['cover']).toBe('/covers/harbour.png');
    expect(workspace.store.getState().dirty).toBe(true);
  });
});
