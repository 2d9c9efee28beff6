/**
 * Mounts the real PostEditor for a body of Markdown, with a workspace store, its controller and the
 * writer tools' store, and drives it as a writer does: select words, press keys, read the Markdown
 * a save would write.
 */
import { act, type ReactNode } from 'react';
import { vi } from 'vitest';
import * as api from '../../../../renderer/api';
import {
  $getRoot,
  $isTextNode,
  $setSelection,
  $createRangeSelection,
  type LexicalEditor,
  type TextNode,
} from 'lexical';
import type { PostDocument, RepoSummary } from '../../../../shared/api';
import { $exportMarkdown } from '../../../../shared/document';
import { createStore, type Store } from '../../../../renderer/app/store';
import { createWorkspaceController, type WorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import {
  initialWorkspaceState,
  workspaceReducer,
  type WorkspaceAction,
  type WorkspaceState,
} from '../../../../renderer/app/workspace-state';
import { createToolsStore, ToolsContext, type ToolsStore } from '../../../../renderer/commands/tools-state';
import { PostEditor } from '../../../../renderer/editor/PostEditor';
import { mount, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';

/** The repository every harness opens. */
export const REPO: RepoSummary = { path: '/tmp/blog', name: 'blog', branch: 'main', collections: [] };

/** A mounted editor and the stores around it. */
export interface EditorHarness {
  mounted: Mounted;
  container: HTMLElement;
  editor: LexicalEditor;
  /** The contenteditable body. */
  body: HTMLElement;
  store: Store<WorkspaceState, WorkspaceAction>;
  controller: WorkspaceController;
  tools: ToolsStore;
  /** The body as a save would write it. */
  markdown(): string;
}

/** A post document for `body`. */
export function postDoc(body: string, path = 'content/posts/harbour.md'): PostDocument {
  return {
    kind: 'post',
    path,
    collection: collectionId('posts'),
    format: 'yaml',
    frontMatter: { title: 'Harbour' },
    body,
    version: 'v1',
  };
}

/** Mounts PostEditor on `body`; `wrap` may put more around it (the writer tools). */
export async function mountEditor(
  body: string,
  options: {
    path?: string;
    repo?: RepoSummary;
    invoke?: (name: string, arg: unknown) => Promise<unknown>;
    wrap?: (editor: ReactNode) => ReactNode;
  } = {},
): Promise<EditorHarness> {
  const doc = postDoc(body, options.path);
  const store = createStore(workspaceReducer, initialWorkspaceState(options.repo ?? REPO));
  const editorRef: { current: LexicalEditor | null } = { current: null };
  const tools = createToolsStore();
  const controller = createWorkspaceController(store, {
    // A test file that mocks renderer/api answers through its mock; otherwise there is no back end.
    invoke: (options.invoke ??
      ((name: string, arg: unknown) =>
        vi.isMockFunction(api.invoke)
          ? api.invoke(name as never, arg as never)
          : Promise.reject(new Error('no back end in this test')))) as never,
    exportBody: () => editorRef.current?.read(() => $exportMarkdown()) ?? null,
    journal: { enabled: false },
  });
  store.dispatch({ type: 'open-done', doc });
  const page = <PostEditor doc={doc} />;
  const mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef }}>
      {options.wrap ? options.wrap(page) : <ToolsContext.Provider value={tools}>{page}</ToolsContext.Provider>}
    </WorkspaceProvider>,
  );
  const editor = editorRef.current!;
  return {
    mounted,
    container: mounted.container,
    editor,
    body: editor.getRootElement()!,
    store,
    controller,
    tools,
    markdown: () => editor.read(() => $exportMarkdown()),
  };
}

/** Runs a Lexical update and lets React render what it changed. */
export async function update(editor: LexicalEditor, run: () => void): Promise<void> {
  await act(async () => editor.update(run, { discrete: true }));
}

function $textNodeWith(text: string): TextNode {
  const node = $getRoot()
    .getAllTextNodes()
    .find((candidate) => $isTextNode(candidate) && candidate.getTextContent().includes(text));
  if (!node) throw new Error(`No text node holds “${text}”`);
  return node;
}

/** Selects `text` where it first occurs (within one text node); `collapse` puts the caret at its end instead. */
export async function selectText(editor: LexicalEditor, text: string, collapse: 'end' | 'start' | false = false) {
  await update(editor, () => {
    const node = $textNodeWith(text);
    const start = node.getTextContent().indexOf(text);
    const end = start + text.length;
    const selection = $createRangeSelection();
    const from = collapse === 'end' ? end : start;
    const to = collapse === 'start' ? start : end;
    selection.anchor.set(node.getKey(), from, 'text');
    selection.focus.set(node.getKey(), to, 'text');
    $setSelection(selection);
  });
}

/** Presses a key in the post body (a real keydown on the contenteditable, as the browser sends it). */
export async function pressKey(
  editor: LexicalEditor,
  key: string,
  modifiers: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean; code?: string } = {},
): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', {
    key,
    code: modifiers.code ?? (/^\d$/.test(key) ? `Digit${key}` : ''),
    ctrlKey: modifiers.ctrl ?? false,
    shiftKey: modifiers.shift ?? false,
    altKey: modifiers.alt ?? false,
    metaKey: modifiers.meta ?? false,
    bubbles: true,
    cancelable: true,
  });
  await act(async () => {
    editor.getRootElement()!.dispatchEvent(event);
  });
  return event;
}
