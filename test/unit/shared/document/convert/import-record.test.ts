import { describe, expect, it } from 'vitest';
import { $isListItemNode, $isListNode } from '@lexical/list';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $isTableCellNode, $isTableNode } from '@lexical/table';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getState,
  $isElementNode,
  $isParagraphNode,
  $isTextNode,
  $parseSerializedNode,
  REDO_COMMAND,
  TextNode,
  UNDO_COMMAND,
  type LexicalNode,
  type SerializedLexicalNode,
} from 'lexical';
import {
  $exportBlocks,
  $importMarkdown,
  createDocumentEditor,
  loadDocument,
  saveDocument,
} from '../../../../../shared/document';
import { $isUntouchedImport } from '../../../../../shared/document/convert/import-record';
import { blockSourceState } from '../../../../../shared/document/state';
import { changedLines, edit } from '../helpers';

// Blocks whose source differs from how they would be serialized (markers, wraps, escapes,
// alignment rows, nested markers), so a block wrongly judged changed shows in the bytes.
const BODY =
  [
    'The keeper lit the lamp at dusk, as his father had,\nand wrote the time in the log.',
    'Setext heading\n==============',
    '* gulls circle the rock\n* the tide *comes* in\n    + twice a day\n    + and twice a night',
    '| Hour  | Lamp |\n|-------|:----:|\n| 18:00 | lit  |\n| 06:00 | out  |',
    '> A quote of __five__ words.',
    'Snake_case_words and 2 * 3 stay as\\* written. Second sentence here.',
  ].join('\n\n') + '\n';

function $textContaining(text: string): TextNode {
  const found = $getRoot()
    .getAllTextNodes()
    .find((node) => node.getTextContent().includes(text));
  if (!found) throw new Error(`no text containing ${text}`);
  return found;
}

function $blockContaining(text: string): LexicalNode {
  const found = $getRoot()
    .getChildren()
    .find((node) => node.getTextContent().includes(text));
  if (!found) throw new Error(`no block containing ${text}`);
  return found;
}

const origins = (editor: ReturnType<typeof loadDocument>): string[] =>
  editor.getEditorState().read(() => $exportBlocks().blocks.map((block) => block.origin));

describe('telling untouched blocks from edited ones without fingerprints at open', () => {
  it('writes an unedited post back byte for byte, every block from its source', () => {
    const editor = loadDocument(BODY);
    expect(saveDocument(editor)).toBe(BODY);
    expect(origins(editor)).toEqual(Array(6).fill('source'));
  });

  it('knows every block of a post just opened is untouched without serializing any', () => {
    const editor = loadDocument(BODY);
    const untouched = editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((block) => $isUntouchedImport(block, $getState(block, blockSourceState)!)),
    );
    // Lists too: their items are numbered at import, so Lexical's list transform leaves them be.
    expect(untouched).toEqual(Array(6).fill(true));
  });

  it('writes an edit made in the same update as the import', () => {
    const editor = createDocumentEditor();
    edit(editor, () => {
      $importMarkdown(BODY);
      const text = $textContaining('wrote the time');
      text.setTextContent(text.getTextContent().replace('the time', 'the hour'));
    });
    const out = saveDocument(editor);
    expect(out).toContain('the hour');
    expect(changedLines(BODY, out).map(([line]) => line)).toEqual([2]);
  });

  it('writes edits batched with the import into one commit', () => {
    const editor = createDocumentEditor();
    editor.update(() => $importMarkdown(BODY));
    editor.update(() => $textContaining('gulls').setTextContent('terns circle the rock'));
    const out = editor.read(() => $exportBlocks().markdown);
    expect(out).toContain('terns circle the rock');
    expect(out).toContain('    + twice a day');
  });

  it('writes what a node transform changed while the import was committed', () => {
    const editor = createDocumentEditor();
    editor.registerNodeTransform(TextNode, (node) => {
      if (node.getTextContent().includes('lamp')) node.setTextContent(node.getTextContent().replace('lamp', 'LAMP'));
    });
    edit(editor, () => $importMarkdown(BODY));
    const out = saveDocument(editor);
    expect(out).toContain('the LAMP at dusk');
    expect(out).toContain('Setext heading\n==============');
  });

  it('writes the original bytes again after an edit is undone, and the edit after redo', () => {
    const editor = createDocumentEditor();
    registerHistory(editor, createEmptyHistoryState(), 0);
    edit(editor, () => $importMarkdown(BODY));
    edit(editor, () => $textContaining('twice a day').setTextContent('twice a day, always'));
    // editor.read: undo and redo land through the editor's pending state.
    const saved = () => editor.read(() => $exportBlocks().markdown);
    expect(saved()).toContain('    + twice a day, always');
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    expect(saved()).toBe(BODY);
    expect(editor.read(() => $exportBlocks().blocks.map((block) => block.origin))).toEqual(Array(6).fill('source'));
    editor.dispatchCommand(REDO_COMMAND, undefined);
    expect(saved()).toContain('    + twice a day, always');
  });

  it('writes a block edited and typed back as it was from its source', () => {
    const editor = loadDocument(BODY);
    edit(editor, () => $textContaining('A quote of').setTextContent('A quote of many'));
    edit(editor, () => $textContaining('A quote of').setTextContent('A quote of '));
    expect(saveDocument(editor)).toBe(BODY);
  });

  it('writes a moved block from its source', () => {
    const editor = loadDocument(BODY);
    edit(editor, () => $getRoot().getFirstChildOrThrow().insertBefore($blockContaining('Hour')));
    const out = saveDocument(editor);
    expect(out.startsWith('| Hour  | Lamp |\n|-------|:----:|\n| 18:00 | lit  |\n| 06:00 | out  |\n\n')).toBe(true);
    expect(out).toContain('Setext heading\n==============');
    expect(out).toContain('The keeper lit the lamp at dusk, as his father had,\nand wrote the time in the log.');
  });

  it('writes a split paragraph as two, and two merged paragraphs as one, keeping the other blocks', () => {
    const editor = loadDocument(BODY);
    edit(editor, () => {
      const paragraph = $blockContaining('Second sentence');
      const text = $textContaining('Second sentence');
      const [, second] = text.splitText(text.getTextContent().indexOf('Second'));
      if (!second || !$isElementNode(paragraph)) throw new Error('expected a split');
      paragraph.insertAfter($createParagraphNode().append(second));
    });
    let out = saveDocument(editor);
    expect(out.startsWith(BODY.slice(0, BODY.indexOf('Snake')))).toBe(true);
    expect(out).toMatch(/stay as\\\* written\.(&#x20;)?\n\nSecond sentence here\.\n$/);

    edit(editor, () => {
      const first = $blockContaining('The keeper');
      const heading = $blockContaining('Setext');
      if (!$isElementNode(first) || !$isElementNode(heading)) throw new Error('expected elements');
      first.append($createTextNode(' '), ...heading.getChildren());
      heading.remove();
    });
    out = saveDocument(editor);
    expect(out).toContain('in the log. Setext heading\n\n* gulls');
    expect(out).toContain('* gulls circle the rock\n* the tide *comes* in\n    + twice a day\n');
  });

  it('rewrites only the edited row of a table', () => {
    const editor = loadDocument(BODY);
    edit(editor, () => {
      const table = $blockContaining('Hour');
      if (!$isTableNode(table)) throw new Error('expected a table');
      const cell = table.getChildAtIndex<LexicalNode & { getChildren(): LexicalNode[] }>(1)?.getChildren()[1];
      if (!$isTableCellNode(cell)) throw new Error('expected a cell');
      const paragraph = cell.getFirstChild();
      if (!$isParagraphNode(paragraph)) throw new Error('expected a paragraph');
      paragraph.clear().append($createTextNode('dim'));
    });
    const out = saveDocument(editor);
    const changed = changedLines(BODY, out);
    expect(changed.length).toBe(1);
    expect(changed[0]![2]).toMatch(/^\| 18:00 \| +dim +\|$/);
  });

  it('rewrites only the edited item of a nested list', () => {
    const editor = loadDocument(BODY);
    edit(editor, () => {
      const nested = $getRoot()
        .getAllTextNodes()
        .find((node) => node.getTextContent() === 'and twice a night');
      const item = nested?.getParent();
      if (!nested || !$isListItemNode(item) || !$isListNode(item.getParent()))
        throw new Error('expected a nested item');
      nested.setTextContent('and twice a night, too');
    });
    const out = saveDocument(editor);
    expect(changedLines(BODY, out)).toEqual([[10, '    + and twice a night', '    + and twice a night, too']]);
  });

  it('writes a block copied as JSON (as the clipboard carries it) from its source', () => {
    const editor = loadDocument(BODY);
    // The whole state's JSON, as the clipboard's nests children (a node's own exportJSON does not).
    const json = editor.getEditorState().toJSON().root.children[1] as SerializedLexicalNode;
    edit(editor, () => $getRoot().append($parseSerializedNode(json)));
    const out = saveDocument(editor);
    expect(out.endsWith('Second sentence here.\n\nSetext heading\n==============\n')).toBe(true);
  });

  it('writes from source, and writes edits, after an import into a state being parsed (no editor update)', () => {
    const editor = createDocumentEditor();
    const empty = editor.getEditorState().toJSON();
    const state = editor.parseEditorState(empty, () => $importMarkdown(BODY));
    expect(state.read(() => $exportBlocks().markdown)).toBe(BODY);
    expect(state.read(() => $exportBlocks().blocks.map((block) => block.origin))).toEqual(Array(6).fill('source'));
    editor.setEditorState(state);
    edit(editor, () => $textContaining('A quote of').setTextContent('A quote of six '));
    expect(changedLines(BODY, saveDocument(editor)).map(([line]) => line)).toEqual([17]);
  });

  it('keeps telling blocks apart in a second import into the same editor', () => {
    const editor = loadDocument(BODY);
    const other = 'Another post.\n\n- one\n- two\n';
    edit(editor, () => $importMarkdown(other));
    expect(saveDocument(editor)).toBe(other);
    edit(editor, () => {
      const text = $textContaining('two');
      expect($isTextNode(text)).toBe(true);
      text.setTextContent('three');
    });
    expect(saveDocument(editor)).toBe('Another post.\n\n- one\n- three\n');
  });
});
