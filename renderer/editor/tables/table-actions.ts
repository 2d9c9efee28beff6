/**
 * What the table toolbar and the cell menu do: insert a table, add and remove rows and columns,
 * set a column's alignment. The first row stays the header row (GFM has exactly one), and the
 * column alignments move with their columns (see table-align.ts).
 */
import {
  $createTableCellNode,
  $createTableNodeWithDimensions,
  $createTableRowNode,
  $deleteTableColumn,
  $findCellNode,
  $getTableColumnIndexFromTableCellNode,
  $getTableRowIndexFromTableCellNode,
  $insertTableColumnAtNode,
  $insertTableRowAtNode,
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  $isTableSelection,
  $removeTableRowAtIndex,
  TableCellHeaderStates,
  type TableCellNode,
  type TableNode,
} from '@lexical/table';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  type LexicalNode,
} from 'lexical';
import { $getTableAlign, $setTableAlign, type TableAlign } from '../../../shared/document';
import { $insertBlock, $paragraphAfter } from '../insert/insert-blocks';
import { alignWithColumnAt, alignWithColumnSet, alignWithoutColumn } from './table-align';

/** Everything the table toolbar and cell menu can do. */
export type TableAction =
  | 'row-above'
  | 'row-below'
  | 'column-left'
  | 'column-right'
  | 'delete-row'
  | 'delete-column'
  | 'delete-table'
  | 'align-left'
  | 'align-center'
  | 'align-right'
  | 'align-none';

/** The actions with the words the toolbar and menu show for them. */
export const TABLE_ACTIONS: ReadonlyArray<{ id: TableAction; label: string }> = [
  { id: 'row-above', label: 'Add row above' },
  { id: 'row-below', label: 'Add row below' },
  { id: 'column-left', label: 'Add column left' },
  { id: 'column-right', label: 'Add column right' },
  { id: 'align-left', label: 'Align column left' },
  { id: 'align-center', label: 'Align column center' },
  { id: 'align-right', label: 'Align column right' },
  { id: 'align-none', label: 'No column alignment' },
  { id: 'delete-row', label: 'Delete row' },
  { id: 'delete-column', label: 'Delete column' },
  { id: 'delete-table', label: 'Delete table' },
];

/** The largest table the picker offers in one go (bigger ones grow with the toolbar). */
export const MAX_PICK = { rows: 10, columns: 8 } as const;

/** The cell holding the caret (or the anchor of a cell selection), or null outside tables. */
export function $selectedCell(): TableCellNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) && !$isTableSelection(selection)) return null;
  return $findCellNode(selection.anchor.getNode());
}

function $tableOf(cell: LexicalNode): TableNode | null {
  const table = $findMatchingParent(cell, $isTableNode);
  return $isTableNode(table) ? table : null;
}

function $columnCount(table: TableNode): number {
  const first = table.getFirstChild();
  return $isTableRowNode(first) ? first.getChildrenSize() : 0;
}

/** GFM's header is the first row: its cells are header cells, every other cell is not. */
export function $keepHeaderRow(table: TableNode): void {
  table.getChildren().forEach((row, index) => {
    if (!$isTableRowNode(row)) return;
    const state = index === 0 ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS;
    for (const cell of row.getChildren()) {
      if ($isTableCellNode(cell) && cell.getHeaderStyles() !== state) cell.setHeaderStyles(state);
    }
  });
}

/** Inserts a `rows` × `columns` table (the first row its header) at the caret, caret in its first cell. */
export function $insertTable(rows: number, columns: number, header: readonly string[] = []): TableNode {
  const table = $createTableNodeWithDimensions(Math.max(1, rows), Math.max(1, columns), { rows: true, columns: false });
  $setTableAlign(
    table,
    Array.from({ length: columns }, () => null),
  );
  $insertBlock(table);
  $paragraphAfter(table);
  const first = table.getFirstChild();
  const cells = $isTableRowNode(first) ? first.getChildren().filter($isTableCellNode) : [];
  header.forEach((text, index) => {
    const paragraph = cells[index]?.getFirstChild();
    if ($isElementNode(paragraph) && text !== '') paragraph.append($createTextNode(text));
  });
  // With a typed header, the writer goes on in the first body cell; otherwise in the first header cell.
  const target = header.length > 0 ? table.getChildAtIndex(1) : table.getFirstChild();
  const cell = $isTableRowNode(target) ? target.getFirstChild() : null;
  if ($isTableCellNode(cell)) cell.selectStart();
  return table;
}

/** Runs a table action on the table holding `cell` (default: the caret's cell). Returns false outside tables. */
export function $runTableAction(action: TableAction, cell: TableCellNode | null = $selectedCell()): boolean {
  if (!cell) return false;
  const table = $tableOf(cell);
  if (!table) return false;
  const columns = $columnCount(table);
  const column = $getTableColumnIndexFromTableCellNode(cell);
  const row = $getTableRowIndexFromTableCellNode(cell);
  const align: TableAlign[] = $getTableAlign(table);
  switch (action) {
    case 'row-above':
    case 'row-below': {
      // The caret goes to the new row, ready for its first cell.
      const inserted = $insertTableRowAtNode(cell, action === 'row-below');
      const first = inserted?.getFirstChild();
      if ($isTableCellNode(first)) first.selectStart();
      break;
    }
    case 'column-left':
    case 'column-right': {
      const after = action === 'column-right';
      // The new column's cell in the caret's row takes the caret.
      $insertTableColumnAtNode(cell, after, false);
      $setTableAlign(table, alignWithColumnAt(align, columns, after ? column + 1 : column));
      $selectCell(table, row, after ? column + 1 : column);
      break;
    }
    case 'delete-row': {
      if (table.getChildrenSize() <= 1) return $runTableAction('delete-table', cell);
      const rows = table.getChildrenSize();
      $removeTableRowAtIndex(table, row);
      $selectCell(table, Math.min(row, rows - 2), column);
      break;
    }
    case 'delete-column':
      if (columns <= 1) return $runTableAction('delete-table', cell);
      $deleteTableColumn(table, column);
      $setTableAlign(table, alignWithoutColumn(align, columns, column));
      $selectCell(table, row, Math.min(column, columns - 2));
      break;
    case 'delete-table': {
      const paragraph = $createParagraphNode();
      table.replace(paragraph);
      paragraph.selectStart();
      return true;
    }
    default: {
      const value = action.slice('align-'.length);
      $setTableAlign(
        table,
        alignWithColumnSet(align, columns, column, value === 'none' ? null : (value as TableAlign)),
      );
      break;
    }
  }
  $keepHeaderRow(table);
  return true;
}

function $selectCell(table: TableNode, row: number, column: number): void {
  const rowNode = table.getChildAtIndex(row);
  const cell = $isTableRowNode(rowNode) ? rowNode.getChildAtIndex(column) : null;
  if ($isTableCellNode(cell)) cell.selectEnd();
}

/** A new cell like the ones the table plugin makes, for callers that build rows themselves. */
export function $createBodyCell(): TableCellNode {
  return $createTableCellNode(TableCellHeaderStates.NO_STATUS).append($createParagraphNode());
}

/** Appends an empty body row with `columns` cells. */
export function $appendBodyRow(table: TableNode, columns: number): void {
  const row = $createTableRowNode();
  for (let c = 0; c < columns; c += 1) row.append($createBodyCell());
  table.append(row);
}
