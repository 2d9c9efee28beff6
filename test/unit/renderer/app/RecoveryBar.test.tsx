// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import type {
  PostDocument,
  RecoverablePost,
  RecoveredEdits,
  RepoSummary,
  RequestArg,
  RequestName,
  RequestResult,
} from '../../../../shared/api';
import { formatEditedAt, RecoveryBar } from '../../../../renderer/app/RecoveryBar';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { allByRole, click, getByRole, mount, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/tmp/blog', name: 'blog', branch: 'main', collections: [] };
const PATH = 'content/posts/2026-02-11-lighthouse.md';
const editedAt = new Date(2026, 2, 1, 14, 32).toISOString();
const file: PostDocument = {
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'The Lighthouse Keeper' },
  body: 'The lamp turned all night.\n',
  version: 'v1',
};

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function show(recovered: RecoveredEdits | null, others: RecoverablePost[] = []) {
  const calls: Array<{ name: RequestName; arg: unknown }> = [];
  let journalled = recovered;
  const invoke = async <K extends RequestName>(name: K, arg: RequestArg<K>): Promise<RequestResult<K>> => {
    calls.push({ name, arg });
    if (name === 'post:read') return (journalled ? { ...file, recovered: journalled } : file) as RequestResult<K>;
    if (name === 'journal:discard') {
      journalled = null;
      return null as RequestResult<K>;
    }
    if (name === 'journal:recoverable')
      return [{ path: PATH, title: 'The Lighthouse Keeper', editedAt }, ...others] as RequestResult<K>;
    throw new Error(`unexpected ${name}`);
  };
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const controller = createWorkspaceController(store, { invoke, exportBody: () => null });
  await controller.recover();
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef: { current: null } }}>
      <RecoveryBar />
    </WorkspaceProvider>,
  );
  return { store, calls, container: mounted.container };
}

const recovered = (state: RecoveredEdits['state'], conflicts?: string[]): RecoveredEdits => ({
  frontMatter: { title: 'The Lighthouse Keeper' },
  body: 'The lamp turned all night. Nobody came.\n',
  editedAt,
  state,
  conflicts,
});

describe('recovery bar', () => {
  it('says when the recovered edits are from and offers Keep and Discard', async () => {
    const { store, container } = await show(recovered('exact'));
    const bar = getByRole(container, 'region', 'Recovered work');
    expect(getByRole(bar, 'status').textContent).toBe(`Recovered unsaved changes from ${formatEditedAt(editedAt)}.`);
    expect(formatEditedAt(editedAt, new Date(2026, 2, 1, 18, 0))).toMatch(/^(14|02):32/);
    await click(getByRole(bar, 'button', 'Keep'));
    expect(allByRole(container, 'region')).toHaveLength(0);
    expect(store.getState().dirty).toBe(true);
  });

  it('tells a merge with changes made on disk since', async () => {
    const { container } = await show(recovered('merged'));
    expect(getByRole(container, 'status').textContent).toBe(
      `Recovered unsaved changes from ${formatEditedAt(editedAt)}, merged with changes made on disk since.`,
    );
    getByRole(container, 'button', 'Keep');
    getByRole(container, 'button', 'Discard');
  });

  it('lists the places that changed on both sides, and “Keep the file’s” reopens the file', async () => {
    const { store, calls, container } = await show(
      recovered('conflict', ['Field “title”', 'Paragraph 2 (“The lamp turned all night…”)']),
    );
    expect(getByRole(container, 'status').textContent).toBe(
      `Recovered unsaved changes from ${formatEditedAt(editedAt)} — the file changed on disk since, in the same places: Field “title”; Paragraph 2 (“The lamp turned all night…”).`,
    );
    getByRole(container, 'button', 'Keep mine');
    await click(getByRole(container, 'button', 'Keep the file’s'));
    // Let the discard and the fresh read settle.
    await act(async () => undefined);
    expect(calls.map((call) => call.name)).toEqual([
      'journal:recoverable',
      'post:read',
      'journal:discard',
      'post:read',
    ]);
    expect(store.getState().dirty).toBe(false);
    expect(allByRole(container, 'region')).toHaveLength(0);
  });

  it('offers the other posts with recovered changes, one click each', async () => {
    const others = [
      { path: 'content/posts/ferry.md', title: 'The Last Ferry', editedAt },
      { path: 'content/posts/nets.md', title: 'Mending Nets', editedAt },
    ];
    const { container } = await show(recovered('exact'), others);
    const bar = getByRole(container, 'region', 'Recovered work');
    expect(bar.textContent).toContain('2 other posts have recovered changes:');
    const list = bar.querySelector<HTMLElement>('ul[aria-label="Other posts with recovered changes"]')!;
    expect(allByRole(list, 'button').map((button) => button.textContent)).toEqual([
      `The Last Ferry · ${formatEditedAt(editedAt)}`,
      `Mending Nets · ${formatEditedAt(editedAt)}`,
    ]);
    await click(getByRole(bar, 'button', 'Not now'));
    expect(bar.textContent).not.toContain('other posts');
  });
});
