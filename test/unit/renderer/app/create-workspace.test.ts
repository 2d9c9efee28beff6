// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  PostDocument,
  RepoSummary,
  RequestArg,
  RequestName,
  RequestResult,
  SaveRequest,
} from '../../../../shared/api';
import { loadDocument } from '../../../../shared/document';
import { createWorkspace, JOURNAL_OFF_KEY } from '../../../../renderer/app/create-workspace';
import { collectionId } from '../../../../shared/content/collection-ids';
import { loadEditorChunk } from '../../../../renderer/editor/editor-loader';

const repo: RepoSummary = { path: '/home/ada/orchard', name: 'orchard', branch: 'main', collections: [] };
const PATH = 'content/posts/grafting.md';
const doc: PostDocument = {
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Grafting' },
  body: 'Cut the scion in March.\n',
  version: 'v1',
};

// The workspace exports the body through the editor chunk, loaded in the app before any editor mounts.
beforeAll(async () => {
  await loadEditorChunk();
});

afterEach(() => {
  sessionStorage.clear();
});

function start() {
  const requests: Array<[string, unknown]> = [];
  const invoke = vi.fn(async <K extends RequestName>(name: K, arg: RequestArg<K>): Promise<RequestResult<K>> => {
    requests.push([name, arg]);
    if (name === 'post:read') return doc as RequestResult<K>;
    if (name === 'post:save')
      return { version: 'v2', written: true, savedAt: '2026-03-02T10:00:00.000Z' } as RequestResult<K>;
    return null as RequestResult<K>;
  });
  const workspace = createWorkspace(repo, invoke);
  return { workspace, requests };
}

describe('createWorkspace', () => {
  it('saves what the editor holds, and journals edits', async () => {
    const { workspace, requests } = start();
    const { store, controller, editorRef } = workspace;
    expect(store.getState().repo).toBe(repo);
    await controller.requestOpen(PATH);
    editorRef.current = loadDocument('Cut the scion in late March, before the buds break.\n');
    controller.editBody();
    expect(await controller.flushJournal()).toBe(true);
    const journalled = requests.find(([name]) => name === 'journal:write')?.[1] as { body: string } | undefined;
    expect(journalled?.body).toBe('Cut the scion in late March, before the buds break.\n');
    expect(await controller.save()).toBe(true);
    expect((requests.find(([name]) => name === 'post:save')?.[1] as SaveRequest).body).toBe(
      'Cut the scion in late March, before the buds break.\n',
    );
    controller.dispose();
  });

  it('journals nothing when the keystroke benchmark switched the journal off', async () => {
    sessionStorage.setItem(JOURNAL_OFF_KEY, '1');
    const { workspace, requests } = start();
    await workspace.controller.requestOpen(PATH);
    workspace.editorRef.current = loadDocument('Cut the scion in April.\n');
    workspace.controller.editBody();
    await workspace.controller.flushJournal();
    expect(requests.map(([name]) => name)).not.toContain('journal:write');
    workspace.controller.dispose();
  });
});
