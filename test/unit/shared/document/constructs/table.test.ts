/**
 * GFM tables as editable cells: import to a Lexical grid, byte-identical round trips, and edits
 * through the Lexical API that change only the edited row's line (text wider than an aligned
 * column overflows it on that row), keeping alignment, escaped pipes and inline formatting.
 */
import { readFileSync } from 'node:fs';
import {
  $createTableNodeWithDimensions,
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  TableCellHeaderStates,
  type TableCellNode,
  type TableNode,
} from '@lexical/table';
import { $createTextNode, $getRoot, $isElementNode, $parseSerializedNode, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  $getTableAlign,
  $isRawBlockNode,
  $setTableAlign,
  loadDocument,
  parseMarkdown,
  roundtripMarkdown,
  saveDocument,
} from '../../../../../shared/document';
import { changedLines, edit, meaningOf } from '../helpers';

const read = (path: string): string => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');
const ALIGNMENT = read('posts/table-alignment.md');
const CHECKLIST = read('blog/content/posts/2025-11-02-release-checklist.md');

function $tables(): TableNode[] {
  return $getRoot().getChildren().filter($isTableNode);
}

function $cell(table: TableNode, row: number, column: number): TableCellNode {
  const rowNode = table.getChildren().filter($isTableRowNode)[row];
  const cell = rowNode?.getChildren().filter($isTableCellNode)[column];
  if (!cell) throw new Error(`no cell ${row},${column}`);
  return cell;
}

/** Replaces a cell's content with plain text (what typing over it does). */
function $setCellText(cell: TableCellNode, text: string): void {
  const paragraph = cell.getFirstChild();
  if (!$isElementNode(paragraph)) throw new Error('cell without paragraph');
  paragraph.clear().append($createTextNode(text));
}

/** Loads `markdown`, runs `fn` in an update, and returns the saved Markdown. */
function editDoc(markdown: string, fn: (tables: TableNode[]) => void, frontMatter = true): string {
  const editor = loadDocument(markdown, { frontMatter });
  edit(editor, () => fn($tables()));
  return saveDocument(editor);
}

function tableAligns(markdown: string): unknown[] {
  return parseMarkdown(markdown, { frontMatter: true }).children.flatMap((node) =>
    node.type === 'table' ? [node.align] : [],
  );
}

describe('GFM tables import as editable grids', () => {
  it('a table becomes a TableNode with a header row, its cells and its column alignment', () => {
    const editor = loadDocument(ALIGNMENT, { frontMatter: true });
    editor.getEditorState().read(() => {
      const [tide, small] = $tables();
      expect(tide && small).toBeTruthy();
      if (!tide || !small) return;
      const rows = tide.getChildren().filter($isTableRowNode);
      expect(rows.map((row) => row.getChildren().map((cell) => cell.getTextContent()))).toEqual([
        ['Day', 'High', 'Low', 'Notes'],
        ['Monday', '06:12', '12:30', 'calm'],
        ['Tuesday', '06:55', '13:14', 'windy'],
        ['Wednesday', '7:40', '13:58', 'gale alert'],
      ]);
      expect($cell(tide, 0, 0).hasHeaderState(TableCellHeaderStates.ROW)).toBe(true);
      expect($cell(tide, 1, 0).hasHeader()).toBe(false);
      expect($getTableAlign(tide)).toEqual(['left', 'right', 'right', 'center']);
      expect($getTableAlign(small)).toEqual(['left', 'right']);
    });
  });

  it('fixtures with tables round-trip byte for byte', () => {
    expect(roundtripMarkdown(ALIGNMENT, { frontMatter: true })).toBe(ALIGNMENT);
    expect(roundtripMarkdown(CHECKLIST, { frontMatter: true })).toBe(CHECKLIST);
  });

  it('odd shapes round-trip too: no outer pipes, short rows, indentation, escapes, a one-column table', () => {
    const cases = [
      'a|b\n-|-\n1|2\n',
      '| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 |\n',
      '  | a |\n  |---|\n  | x |\n',
      '| x | y |\n| --- | :-: |\n| a \\| b | `c \\| d` |\n| \\\\ | [l](u "t") |\n',
      '| solo |\n| ---- |\n| one  |\n',
      'Intro\n\n|a|\n|-|\n\ntext\n',
    ];
    for (const md of cases) expect(roundtripMarkdown(md)).toBe(md);
  });
});

describe('editing a table changes only its lines', () => {
  it('editing one cell of an aligned table rewrites only that row, padded to its column', () => {
    const out = editDoc(ALIGNMENT, ([tide]) => tide && $setCellText($cell(tide, 1, 3), 'calm seas'));
    expect(changedLines(ALIGNMENT, out)).toEqual([
      [9, '| Monday    | 06:12 | 12:30 | calm         |', '| Monday    | 06:12 | 12:30 | calm seas    |'],
    ]);
  });

  it('a right-aligned column keeps its padding on the left', () => {
    const out = editDoc(ALIGNMENT, ([tide]) => tide && $setCellText($cell(tide, 3, 1), '8:05'));
    expect(changedLines(ALIGNMENT, out)).toEqual([
      [11, '| Wednesday |  7:40 | 13:58 | `gale` alert |', '| Wednesday |  8:05 | 13:58 | `gale` alert |'],
    ]);
  });

  it('text wider than its column overflows it on that row alone, keeping the padding style', () => {
    const out = editDoc(ALIGNMENT, ([tide]) => tide && $setCellText($cell(tide, 1, 3), 'flat calm, light airs'));
    expect(changedLines(ALIGNMENT, out)).toEqual([
      [9, '| Monday    | 06:12 | 12:30 | calm         |', '| Monday    | 06:12 | 12:30 | flat calm, light airs |'],
    ]);
    expect(tableAligns(out)).toEqual(tableAligns(ALIGNMENT));
  });

  it('a table without outer pipes keeps that style', () => {
    const out = editDoc(ALIGNMENT, ([, small]) => small && $setCellText($cell(small, 1, 0), 'alpha'));
    expect(changedLines(ALIGNMENT, out)).toEqual([[17, 'a | b', 'alpha | b']]);
  });

  it('the release checklist: editing one cell changes only that cell of its row line, spacing elsewhere kept', () => {
    const out = editDoc(CHECKLIST, ([table]) => table && $setCellText($cell(table, 2, 2), '15 min'));
    expect(changedLines(CHECKLIST, out)).toEqual([[31, '| Build | CI   | 12 min |', '| Build | CI   | 15 min |']]);
  });

  it('escaped pipes and inline code with pipes survive an edit of their row', () => {
    const md = '| x | y | z |\n| :-- | --: | --- |\n| a \\| b | `c \\| d` | *e* [l](https://u.example "t") |\n';
    const out = editDoc(md, ([table]) => table && $setCellText($cell(table, 1, 0), 'a | b | c'), false);
    expect(out).toBe(
      '| x | y | z |\n| :-- | --: | --- |\n| a \\| b \\| c | `c \\| d` | *e* [l](https://u.example "t") |\n',
    );
    expect(tableAligns(out)).toEqual([['left', 'right', null]]);
  });

  it('reading the cells unescapes the pipes, as the writer sees them', () => {
    const editor = loadDocument('| a \\| b | `c \\| d` |\n|---|---|\n');
    editor.getEditorState().read(() => {
      const [table] = $tables();
      expect(table && [$cell(table, 0, 0).getTextContent(), $cell(table, 0, 1).getTextContent()]).toEqual([
        'a | b',
        'c | d',
      ]);
    });
  });

  it('changing the alignment rewrites the delimiter row only', () => {
    const out = editDoc(ALIGNMENT, ([, small]) => small && $setTableAlign(small, ['center', null]));
    expect(changedLines(ALIGNMENT, out)).toEqual([[16, ':--- | ---:', ':-: | ---']]);
  });

  it('alignment and row sources survive a JSON round trip and a clone of the table', () => {
    const editor = loadDocument(ALIGNMENT, { frontMatter: true });
    const json = editor.getEditorState().toJSON();
    const copy = loadDocument('');
    copy.setEditorState(copy.parseEditorState(json));
    expect(saveDocument(copy)).toBe(ALIGNMENT);
    edit(copy, () => {
      const [tide] = $tables();
      if (!tide) throw new Error('no table');
      const clone = $parseSerializedNode(tide.exportJSON()) as LexicalNode;
      expect($isTableNode(clone) && $getTableAlign(clone)).toEqual(['left', 'right', 'right', 'center']);
      $setCellText($cell(tide, 2, 0), 'Tue');
    });
    expect(changedLines(ALIGNMENT, saveDocument(copy))).toEqual([
      [10, '| Tuesday   | 06:55 | 13:14 | *windy*      |', '| Tue       | 06:55 | 13:14 | *windy*      |'],
    ]);
  });

  it('a table the writer inserts is written as GFM that parses back to the same grid', () => {
    const editor = loadDocument('Before.\n');
    edit(editor, () => {
      const table = $createTableNodeWithDimensions(2, 2, true);
      $setCellText($cell(table, 0, 0), 'Name');
      $setCellText($cell(table, 1, 1), 'x | y');
      $getRoot().append(table);
    });
    const out = saveDocument(editor);
    expect(out).toBe('Before.\n\n| Name |        |\n| ---- | ------ |\n|      | x \\| y |\n');
    expect(parseMarkdown(out).children.map((node) => node.type)).toEqual(['paragraph', 'table']);
  });

  it('several paragraphs in a cell (Enter pressed) are joined into one line, never breaking the table', () => {
    const md = '| a | b |\n|---|---|\n| 1 | 2 |\n';
    const editor = loadDocument(md);
    edit(editor, () => {
      const [table] = $tables();
      const cell = table && $cell(table, 1, 0);
      const paragraph = cell?.getFirstChild();
      if ($isElementNode(paragraph))
        paragraph.insertAfter(paragraph.createParentElementNode().append($createTextNode('more')));
    });
    const out = saveDocument(editor);
    expect(out).toBe('| a | b |\n|---|---|\n| 1 more | 2 |\n');
  });
});

describe('tables inside other blocks', () => {
  it('a table inside a block quote is an editable grid too; editing a cell changes only its row', () => {
    const md =
      '> Tide times:\n>\n> | Day | High |\n> |:----|-----:|\n> | Mon | 06:12 |\n> | Tue | 06:55 |\n>\n> > | nested |\n> > |---|\n> > | 1 |\n';
    expect(roundtripMarkdown(md)).toBe(md);
    const findTables = (node: LexicalNode): TableNode[] =>
      $isTableNode(node) ? [node] : $isElementNode(node) ? node.getChildren().flatMap(findTables) : [];
    const editor = loadDocument(md);
    editor.getEditorState().read(() => {
      expect($getRoot().getChildren().some($isRawBlockNode)).toBe(false);
      expect(findTables($getRoot())).toHaveLength(2);
    });
    edit(editor, () => {
      const [outer, nested] = findTables($getRoot());
      if (!outer || !nested) throw new Error('tables missing');
      $setCellText($cell(outer, 2, 1), '07:01');
      $setCellText($cell(nested, 1, 0), '2');
    });
    const out = saveDocument(editor);
    expect(out).toBe(md.replace('| Tue | 06:55 |', '| Tue | 07:01 |').replace('> > | 1 |', '> > | 2 |'));
    expect(changedLines(md, out).map(([line]) => line)).toEqual([6, 10]);
  });

  it('a table inside a list item round-trips and survives an edit elsewhere in the list', () => {
    const md = '- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n- next\n';
    expect(roundtripMarkdown(md)).toBe(md);
    const editor = loadDocument(md);
    edit(editor, () => {
      const last = $getRoot().getLastDescendant();
      if (last) last.insertAfter($createTextNode(' item'));
    });
    const out = saveDocument(editor);
    expect(meaningOf(out.replace('next item', 'next'))).toEqual(meaningOf(md));
  });
});
