import { describe, expect, it } from 'vitest';
import { $findCellNode, $isTableCellNode, $isTableNode, $isTableRowNode, type TableCellNode } from '@lexical/table';
import { $createParagraphNode, $getRoot, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { loadDocument, saveDocument } from '../../../../../shared/document';
import { $insertTable, $runTableAction, type TableAction } from '../../../../../renderer/editor/tables/table-actions';

const POST = [
  'Tides at the harbour this week.',
  '',
  '| Day | High | Low |',
  '| --- | ---: | :-- |',
  '| Mon | 4.1 m | 0.6 m |',
  '| Tue | 4.3 m | 0.4 m |',
  '',
  'Spring tides come after the full moon.',
  '',
].join('\n');

function $cell(row: number, column: number): TableCellNode {
  const table = $getRoot().getChildren().find($isTableNode);
  const rowNode = table?.getChildAtIndex(row);
  const cell = $isTableRowNode(rowNode) ? rowNode.getChildAtIndex(column) : null;
  if (!$isTableCellNode(cell)) throw new Error(`no cell ${row},${column}`);
  return cell;
}

function act(
  action: TableAction,
  row: number,
  column: number,
  markdown = POST,
): { editor: LexicalEditor; saved: string } {
  const editor = loadDocument(markdown);
  editor.update(
    () => {
      const cell = $cell(row, column);
      cell.selectEnd();
      expect($runTableAction(action)).toBe(true);
    },
    { discrete: true },
  );
  return { editor, saved: saveDocument(editor) };
}

const tableLines = (saved: string): string[] => saved.split('\n').filter((line) => line.startsWith('|'));
const prose = (saved: string): string[] => saved.split('\n').filter((line) => !line.startsWith('|'));

describe('table actions, as saved', () => {
  it('adds a row below, written in the table’s own layout, other lines untouched', () => {
    const { saved } = act('row-below', 1, 0);
    expect(tableLines(saved)).toEqual([
      '| Day | High | Low |',
      '| --- | ---: | :-- |',
      '| Mon | 4.1 m | 0.6 m |',
      '|  |  |  |',
      '| Tue | 4.3 m | 0.4 m |',
    ]);
    expect(prose(saved)).toEqual(prose(POST));
  });

  it('adds a row above the header: the new row becomes the header, the old header a body row', () => {
    const { editor, saved } = act('row-above', 0, 1);
    expect(tableLines(saved)[0]).toBe('|  |  |  |');
    expect(tableLines(saved)[2]).toBe('| Day | High | Low |');
    editor.read(() => {
      expect($cell(0, 0).hasHeader()).toBe(true);
      expect($cell(1, 0).hasHeader()).toBe(false);
    });
  });

  it('adds a column right of "High": alignments stay with their columns', () => {
    const { saved } = act('column-right', 2, 1);
    const lines = tableLines(saved);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^\| -+ \| -+: \| -+ \| :-+ \|$/);
    expect(lines[2]?.split('|').map((cell) => cell.trim())).toEqual(['', 'Mon', '4.1 m', '', '0.6 m', '']);
    expect(prose(saved)).toEqual(prose(POST));
  });

  it('deletes a column and its alignment', () => {
    const { saved } = act('delete-column', 1, 1);
    const lines = tableLines(saved);
    expect(lines[0]?.split('|').map((cell) => cell.trim())).toEqual(['', 'Day', 'Low', '']);
    expect(lines[1]).toMatch(/^\| -+ \| :-+ \|$/);
  });

  it('deletes a row', () => {
    const { saved } = act('delete-row', 1, 2);
    expect(tableLines(saved)).toEqual(['| Day | High | Low |', '| --- | ---: | :-- |', '| Tue | 4.3 m | 0.4 m |']);
  });

  it('sets a column’s alignment in the delimiter row', () => {
    const { saved } = act('align-center', 2, 0);
    expect(tableLines(saved)[1]).toMatch(/^\| :-+: \| -+: \| :-+ \|$/);
    expect(tableLines(act('align-none', 2, 1).saved)[1]).toMatch(/^\| -+ \| -+ \| :-+ \|$/);
  });

  it('deletes the whole table and leaves the prose around it', () => {
    const { saved } = act('delete-table', 1, 1);
    expect(saved).toBe('Tides at the harbour this week.\n\nSpring tides come after the full moon.\n');
  });

  it('the last row or column going takes the table with it', () => {
    const single = 'Before.\n\n| Only |\n| ---- |\n\nAfter.\n';
    expect(act('delete-row', 0, 0, single).saved).toBe('Before.\n\nAfter.\n');
    expect(act('delete-column', 0, 0, single).saved).toBe('Before.\n\nAfter.\n');
  });
});

describe('inserting a table', () => {
  it('replaces the empty paragraph at the caret with a GFM table, header row first', () => {
    const editor = loadDocument('Opening line.\n\nClosing line.\n');
    editor.update(
      () => {
        const empty = $createParagraphNode();
        $getRoot().getFirstChild()?.insertAfter(empty);
        empty.select();
        $insertTable(2, 3);
      },
      { discrete: true },
    );
    expect(saveDocument(editor)).toBe(
      'Opening line.\n\n|   |   |   |\n| - | - | - |\n|   |   |   |\n\nClosing line.\n',
    );
  });

  it('from inside a table cell, puts the new table after that table, never inside a cell', () => {
    const editor = loadDocument('| Pier |\n| ---- |\n| North |\n');
    editor.update(
      () => {
        $cell(1, 0).selectEnd();
        $insertTable(1, 1, ['Gate']);
      },
      { discrete: true },
    );
    expect(saveDocument(editor)).toBe('| Pier |\n| ---- |\n| North |\n\n| Gate |\n| ---- |\n');
  });

  it('writes a typed header and an empty body row', () => {
    const editor = loadDocument('Opening line.\n');
    editor.update(
      () => {
        $getRoot().selectEnd();
        $insertTable(2, 2, ['Name', 'Role']);
      },
      { discrete: true },
    );
    expect(saveDocument(editor)).toBe('Opening line.\n\n| Name | Role |\n| ---- | ---- |\n|      |      |\n');
  });
});

describe('after an action the caret is where the writer goes on', () => {
  it('in the new row’s first cell, or the new column’s cell in the same row', () => {
    const { editor } = act('row-below', 1, 2);
    editor.read(() => {
      const selection = $getSelection();
      expect($isRangeSelection(selection) && $findCellNode(selection.anchor.getNode())?.is($cell(2, 0))).toBe(true);
    });
    const column = act('column-left', 2, 1).editor;
    column.read(() => {
      const selection = $getSelection();
      expect($isRangeSelection(selection) && $findCellNode(selection.anchor.getNode())?.is($cell(2, 1))).toBe(true);
      expect($cell(2, 1).getTextContent()).toBe('');
    });
  });
});
