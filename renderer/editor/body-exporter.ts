/**
 * The body as Markdown for saves and the journal, through the editor chunk (block-export.ts does
 * the work). The workspace holds this without loading the editor: it is only called while an
 * editor is mounted, and so while the chunk is loaded.
 */
import type { LexicalEditor } from 'lexical';
import { loadedEditorChunk } from './editor-loader';

/** The editor's body as Markdown, byte for byte what a full export gives (see block-export.ts). */
export function exportBodyIncrementally(editor: LexicalEditor): string {
  const chunk = loadedEditorChunk();
  if (!chunk) throw new Error('Masthead: the body was exported before the editor had loaded.');
  return chunk.exportBodyIncrementally(editor);
}
