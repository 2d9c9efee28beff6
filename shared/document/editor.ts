/** The node set every Masthead editor registers, and a headless editor for the CLI and tests. */
import { createHeadlessEditor } from '@lexical/headless';
import type { Klass, LexicalEditor, LexicalNode } from 'lexical';
import { $exportMarkdown } from './convert/export';
import { $importMarkdown } from './convert/import';
import { constructNodes } from './convert/registry';
import type { ParseOptions } from './markdown/parse';

/** The node classes to register in any editor that edits Markdown documents (each construct declares its own). */
export const documentNodes: ReadonlyArray<Klass<LexicalNode>> = constructNodes;

/** Creates a headless editor with {@link documentNodes}; errors are thrown, not swallowed. */
export function createDocumentEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'masthead-document',
    nodes: [...documentNodes],
    onError: (error) => {
      throw error;
    },
  });
}

/** Imports Markdown into a fresh headless editor, synchronously. */
export function loadDocument(markdown: string, options: ParseOptions = {}): LexicalEditor {
  const editor = createDocumentEditor();
  editor.update(() => $importMarkdown(markdown, options), { discrete: true });
  return editor;
}

/** Reads an editor's document back as Markdown. */
export function saveDocument(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => $exportMarkdown());
}

/** Imports and exports without editing: byte-identical for every document Masthead supports. */
export function roundtripMarkdown(markdown: string, options: ParseOptions = {}): string {
  return saveDocument(loadDocument(markdown, options));
}
