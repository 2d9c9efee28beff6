/**
 * While a long post's body is still arriving (body-loading.ts), anything that reads or replaces
 * the whole document brings the rest in first: saves, the journal, find, restoring a version,
 * putting the caret back after a reload. Kept apart from the loader so the workspace can hold it
 * without loading the editor.
 */
import type { LexicalEditor } from 'lexical';

const finishers = new WeakMap<LexicalEditor, () => void>();

/** Brings the rest of the post into `editor` now, if it is still arriving. Call outside editor updates. */
export function finishLoading(editor: LexicalEditor): void {
  finishers.get(editor)?.();
}

/** Registers how to finish loading `editor` until the returned function is called. */
export function whileLoading(editor: LexicalEditor, finish: () => void): () => void {
  finishers.set(editor, finish);
  return () => {
    if (finishers.get(editor) === finish) finishers.delete(editor);
  };
}
