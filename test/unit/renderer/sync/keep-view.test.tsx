// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $setSelection,
  type LexicalEditor,
} from 'lexical';
import type { PostDocument, RepoSummary, RequestArg, RequestName, RequestResult } from '../../../../shared/api';
import { $exportMarkdown } from '../../../../shared/document';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { loadEditorChunk } from '../../../../renderer/editor/editor-loader';
import { PostPage } from '../../../../renderer/editor/PostPage';
import { capturePlace } from '../../../../renderer/sync/keep-view';
import { createSyncController } from '../../../../renderer/sync/sync-controller';
import { mount, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/tmp/harbour', name: 'harbour', branch: 'main', collections: [] };
const PATH = 'content/posts/2026-03-14-harbour-meetup.md';
const BEFORE =
  'We met on the quay.\n\nThe *ferry* was late again, so we talked about tides.\n\nNext time we bring chairs.\n';
// A co-author rewrote the first paragraph; the writer's caret is in the second.
const AFTER =
  'We met on the quay at six, twenty of us.\n\nThe *ferry* was late again, so we talked about tides.\n\nNext time we bring chairs.\n';
const doc = (version: string, body: string): PostDocument => ({
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Harbour Meetup' },
  body,
  version,
});

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function render() {
  let disk = doc('v1', BEFORE);
  const invoke = vi.fn(async <K extends RequestName>(name: K, _arg: RequestArg<K>): Promise<RequestResult<K>> => {
    if (name === 'post:read') return disk as RequestResult<K>;
    if (name === 'posts:list') return { version: '1', posts: [] } as RequestResult<K>;
    throw new Error(`unexpected request ${name}`);
  });
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const editorRef: { current: LexicalEditor | null } = { current: null };
  const controller = createWorkspaceController(store, {
    invoke,
    exportBody: () => editorRef.current?.read(() => $exportMarkdown()) ?? null,
  });
  const sync = createSyncController({ workspace: store, controller, invoke, editorRef });
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef }}>
      <PostPage />
    </WorkspaceProvider>,
  );
  await act(async () => controller.requestOpen(PATH));
  // The editor is a lazily loaded chunk: the page shows it once that has arrived.
  await vi.waitFor(async () => {
    await act(() => loadEditorChunk());
    expect(editorRef.current).not.toBeNull();
  });
  return { store, sync, editorRef, change: (next: PostDocument) => (disk = next), container: mounted.container };
}

// Selects `length` characters from `offset` in the text of block `block` (a paragraph of plain text nodes).
function select(editor: LexicalEditor, block: number, offset: number, length: number): void {
  editor.update(
    () => {
      const paragraph = $getRoot().getChildAtIndex(block);
      if (!$isElementNode(paragraph)) throw new Error('no paragraph');
      const find = (at: number) => {
        let left = at;
        for (const text of paragraph.getAllTextNodes()) {
          if (left <= text.getTextContentSize()) return { key: text.getKey(), offset: left };
          left -= text.getTextContentSize();
        }
        throw new Error('offset beyond the paragraph');
      };
      const start = find(offset);
      const end = find(offset + length);
      const selection = $createRangeSelection();
      selection.anchor.set(start.key, start.offset, 'text');
      selection.focus.set(end.key, end.offset, 'text');
      $setSelection(selection);
    },
    { discrete: true },
  );
}

function selectedText(editor: LexicalEditor): string | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    return $isRangeSelection(selection) ? selection.getTextContent() : null;
  });
}

describe('a post changed on disk', () => {
  it('reloads in place with the new text, keeping the writer’s selection and scroll', async () => {
    const { sync, editorRef, change, store, container } = await render();
    const first = editorRef.current!;
    // "late again" in the second paragraph, after the italic "ferry".
    select(first, 1, 'The ferry was '.length, 'late again'.length);
    expect(selectedText(first)).toBe('late again');
    const scroller = container.querySelector<HTMLElement>('.page__scroll')!;
    scroller.scrollTop = 240;
    expect(capturePlace(first)?.selection).toEqual({
      anchor: { block: 1, offset: 14 },
      focus: { block: 1, offset: 24 },
    });

    change(doc('v2', AFTER));
    await act(async () => {
      expect(await sync.filesChanged([PATH])).toBe('reloaded');
    });
    await vi.waitFor(() => expect(editorRef.current).not.toBe(first));
    const second = editorRef.current!;
    await vi.waitFor(() => expect(selectedText(second)).toBe('late again'));
    expect(second.read(() => $exportMarkdown())).toBe(AFTER);
    expect(store.getState()).toMatchObject({ dirty: false, post: { doc: { version: 'v2' } } });
    expect(container.querySelector<HTMLElement>('.page__scroll')!.scrollTop).toBe(240);
  });

  it('puts a caret past the end of a shortened post at its end', async () => {
    const { sync, editorRef, change } = await render();
    const first = editorRef.current!;
    select(first, 2, 'Next time we bring '.length, 0);
    change(doc('v2', 'We met on the quay.\n'));
    await act(async () => {
      await sync.filesChanged([PATH]);
    });
    await vi.waitFor(() => expect(editorRef.current).not.toBe(first));
    const second = editorRef.current!;
    await vi.waitFor(() =>
      expect(
        second.getEditorState().read(() => {
          const selection = $getSelection();
          return $isRangeSelection(selection)
            ? [selection.anchor.offset, selection.anchor.getNode().getTextContent()]
            : null;
        }),
      ).toEqual(['We met on the quay.'.length, 'We met on the quay.']),
    );
  });
});
