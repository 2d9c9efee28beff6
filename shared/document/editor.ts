/** The node set every Masthead editor registers, and a headless editor for the CLI and tests. */
import { CodeHighlightNode, CodeNode } from '@lexical/code';
import { createHeadlessEditor } from '@lexical/headless';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalEditor, LexicalNode } from 'lexical';
import { AlertNode } from './constructs/alert/alert-node';
import { ImageNode } from './constructs/image/image-node';
import { RawBlockNode } from './constructs/raw/raw-block-node';
import { RawTextNode } from './constructs/raw/raw-text-node';
import { ThematicBreakNode } from './constructs/thematic-break/thematic-break-node';
import { $exportMarkdown } from './convert/export';
import { $importMarkdown } from './convert/import';
import type { ParseOptions } from './markdown/parse';

/** The node classes to register in any editor that edits Markdown documents. */
export const documentNodes: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  CodeNode,
  CodeHighlightNode,
  ImageNode,
  ThematicBreakNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  RawBlockNode,
  RawTextNode,
  AlertNode,
];

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
