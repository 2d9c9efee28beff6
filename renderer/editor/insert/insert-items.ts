/**
 * Everything the insert menu offers — the toolbar's "+", "/" at the start of an empty paragraph
 * and the command palette all list these — each with the words it can be found by and what it
 * does to the editor. Every item makes a node the document model already saves losslessly.
 */
import { $createQuoteNode } from '@lexical/rich-text';
import { INSERT_CHECK_LIST_COMMAND, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { $setBlocksType } from '@lexical/selection';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { $setBlockType, type HeadingKind } from '../format-commands';
import { OPEN_IMAGE_PICKER_COMMAND } from '../images/image-commands';
import { OPEN_TABLE_PICKER_COMMAND } from '../tables/table-commands';
import { $insertCodeBlock, $insertHorizontalRule, $insertRawBlock, $leaveTable } from './insert-blocks';

/** One thing the insert menu can put into the post. */
export interface InsertItem {
  id: string;
  label: string;
  /** Other words a writer might type to find it (lower case). */
  keywords: readonly string[];
  /** A short hint shown beside the label: the Markdown it becomes. */
  hint: string;
  /** Inserts it at the editor's current selection. */
  run: (editor: LexicalEditor) => void;
}

/** Runs a list command from a block the list can live in (not a table cell). */
function inBlock(editor: LexicalEditor, run: () => void): void {
  editor.update(() => $leaveTable(), { discrete: true });
  run();
}

function heading(level: 1 | 2 | 3 | 4): InsertItem {
  const kind = `h${level}` as HeadingKind;
  return {
    id: `heading-${level}`,
    label: `Heading ${level}`,
    keywords: [kind, 'heading', 'title', 'section', '#'.repeat(level)],
    hint: '#'.repeat(level),
    run: (editor) =>
      editor.update(() => {
        $leaveTable();
        $setBlockType(kind);
      }),
  };
}

/** The insert menu's items, in menu order. */
export const INSERT_ITEMS: readonly InsertItem[] = [
  heading(1),
  heading(2),
  heading(3),
  heading(4),
  {
    id: 'bulleted-list',
    label: 'Bulleted list',
    keywords: ['ul', 'unordered', 'bullet', 'list', 'points'],
    hint: '-',
    run: (editor) => inBlock(editor, () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)),
  },
  {
    id: 'numbered-list',
    label: 'Numbered list',
    keywords: ['ol', 'ordered', 'number', 'list', 'steps'],
    hint: '1.',
    run: (editor) => inBlock(editor, () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)),
  },
  {
    id: 'task-list',
    label: 'Task list',
    keywords: ['todo', 'checkbox', 'check', 'checklist', 'list'],
    hint: '- [ ]',
    run: (editor) => inBlock(editor, () => editor.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined)),
  },
  {
    id: 'quote',
    label: 'Quote',
    keywords: ['blockquote', 'citation', 'pull quote'],
    hint: '>',
    run: (editor) =>
      editor.update(() => {
        $leaveTable();
        const selection = $getSelection();
        if ($isRangeSelection(selection)) $setBlocksType(selection, () => $createQuoteNode());
      }),
  },
  {
    id: 'code-block',
    label: 'Code block',
    keywords: ['code', 'fence', 'pre', 'snippet', 'program'],
    hint: '```',
    run: (editor) => editor.update(() => $insertCodeBlock()),
  },
  {
    id: 'table',
    label: 'Table',
    keywords: ['grid', 'rows', 'columns', 'spreadsheet'],
    hint: '| |',
    run: (editor) => editor.dispatchCommand(OPEN_TABLE_PICKER_COMMAND, undefined),
  },
  {
    id: 'image',
    label: 'Image',
    keywords: ['picture', 'photo', 'img', 'media', 'figure'],
    hint: '![ ]( )',
    run: (editor) => editor.dispatchCommand(OPEN_IMAGE_PICKER_COMMAND, undefined),
  },
  {
    id: 'horizontal-rule',
    label: 'Horizontal rule',
    keywords: ['divider', 'separator', 'line', 'hr', 'thematic break', 'rule'],
    hint: '---',
    run: (editor) => editor.update(() => $insertHorizontalRule()),
  },
  {
    id: 'raw-block',
    label: 'Raw HTML / shortcode block',
    keywords: ['html', 'shortcode', 'embed', 'raw', 'source', 'iframe', 'template'],
    hint: '<>',
    run: (editor) => editor.update(() => $insertRawBlock()),
  },
];

function rank(item: InsertItem, query: string): number {
  const label = item.label.toLowerCase();
  if (label.startsWith(query)) return 0;
  if (label.split(/[\s/]+/).some((word) => word.startsWith(query))) return 1;
  if (item.keywords.some((keyword) => keyword.startsWith(query))) return 2;
  // Anywhere inside only for three letters or more: "ta" inside "horizontal" helps nobody.
  if (query.length >= 3 && (label.includes(query) || item.keywords.some((keyword) => keyword.includes(query))))
    return 3;
  return -1;
}

/**
 * The items matching what the writer typed, best first (label start, then a word of the label,
 * then a keyword, then anywhere for three letters or more); ties keep menu order. An empty query lists everything.
 */
export function filterInsertItems(items: readonly InsertItem[], query: string): InsertItem[] {
  const wanted = query.trim().toLowerCase().replace(/\s+/g, ' ');
  if (wanted === '') return [...items];
  return items
    .map((item, index) => ({ item, index, rank: rank(item, wanted) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.item);
}
