/**
 * GFM tables as Lexical tables (TableNode › TableRowNode › TableCellNode › ParagraphNode), the
 * first row a header row. Column alignment is NodeState on the table. An unchanged table is
 * written from its source by the block-level preservation; an edited one is written row by row:
 * rows whose cells are unchanged keep their exact line, changed rows are written in the table's
 * own layout (outer pipes, padding, pipe-aligned columns; text wider than its column overflows it
 * on that row alone), and only a change of the columns re-aligns the whole table. Cell Markdown (emphasis, code, links, `\|`)
 * comes from mdast-util-gfm's table serializer, which knows what must be escaped in a cell.
 */
import type { Table, TableCell, TableRow, PhrasingContent } from 'mdast';
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  TableCellHeaderStates,
  TableNode,
  TableRowNode,
  TableCellNode,
} from '@lexical/table';
import {
  $createParagraphNode,
  $getState,
  $isDecoratorNode,
  $isElementNode,
  $setState,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import type {
  BlockExportVisitor,
  BlockImportVisitor,
  Construct,
  ExportContext,
  ImportContext,
} from '../../convert/types';
import { serializeBlocks, type VerbatimNode } from '../../markdown/serialize';
import { DEFAULT_STYLE } from '../../markdown/style';
import { NO_INHERIT } from '../paragraph';
import {
  defaultFlush,
  detectLayout,
  DEFAULT_LAYOUT,
  formatDelimiter,
  formatRow,
  minWidth,
  splitRow,
  textWidth,
  type Align,
} from './gfm-rows';
import {
  $getTableAlign,
  $setTableAlign,
  rowSourceState,
  tableSourceState,
  type RowSource,
  type TableSource,
} from './table-state';

export { $getTableAlign, $setTableAlign } from './table-state';
export type { Align } from './gfm-rows';

/** A cell's inline content, block by block (Enter or a paste can leave several paragraphs in a cell). */
function $inlineGroups(node: ElementNode): LexicalNode[][] {
  const groups: LexicalNode[][] = [];
  let current: LexicalNode[] = [];
  for (const child of node.getChildren()) {
    const block = ($isElementNode(child) || $isDecoratorNode(child)) && !child.isInline();
    if (!block) {
      current.push(child);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [];
    if ($isElementNode(child)) groups.push(...$inlineGroups(child));
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A cell as one line of phrasing: a GFM cell cannot hold blocks, so its paragraphs join with a space. */
function $cellPhrasing(cell: ElementNode, ctx: ExportContext): PhrasingContent[] {
  const parts = $inlineGroups(cell)
    .map((group) => ctx.$exportInline(group))
    .filter((part) => part.length > 0);
  return parts.flatMap((part, index) =>
    index === 0 ? part : [{ type: 'text', value: ' ' } as PhrasingContent, ...part],
  );
}

/** Each row's cells as Markdown, escaped for a table cell; null for a table without rows. */
function $cellMarkdown(table: TableNode, ctx: ExportContext): string[][] | null {
  const rows = table.getChildren().filter($isTableRowNode);
  if (rows.length === 0) return null;
  const children: TableRow[] = rows.map((row) => ({
    type: 'tableRow',
    children: row
      .getChildren()
      .filter($isTableCellNode)
      .map((cell): TableCell => ({ type: 'tableCell', children: $cellPhrasing(cell, ctx) })),
  }));
  const lines = serializeBlocks([{ type: 'table', align: null, children } satisfies Table], ctx.style).split('\n');
  if (lines.length !== rows.length + 1) return null;
  // The serializer always writes outer pipes and padding, so splitting its lines is unambiguous.
  return lines.filter((_, index) => index !== 1).map((line) => splitRow(line).cells.map((cell) => cell.trim()));
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((cell, index) => cell === b[index]);
}

/**
 * Writes a table's lines: unchanged rows from their source, changed ones in the table's layout.
 * `kept` is each row's cells as kept source (what import recorded, to tell unchanged rows);
 * `cells` the same in the mode being written.
 */
function writeTable(
  rows: ReadonlyArray<RowSource | null>,
  cells: string[][],
  kept: string[][],
  align: Align[],
  source: TableSource | null,
): string {
  const base = source?.layout ?? DEFAULT_LAYOUT;
  const layout = { ...base, flush: align.map((a, column) => base.flush[column] ?? defaultFlush(a)).join('') };
  const indent = (r: number): string => (rows[r] ? splitRow((rows[r] as RowSource).line).indent : '');
  const unchanged = (r: number): boolean =>
    rows[r] !== null && rows[r] !== undefined && sameCells((rows[r] as RowSource).cells, kept[r] ?? []);
  const delimiterKept =
    source !== null && source.align.length === align.length && source.align.every((a, i) => a === align[i]);
  const delimiterIndent = source ? splitRow(source.delimiter).indent : '';
  let widths: number[] | null = null;
  if (layout.aligned) {
    const columns = delimiterKept ? layout.widths : [];
    if (columns.length !== align.length) {
      // The columns themselves changed (alignment, count): every line is re-aligned.
      const wide = align.map((a, c) => Math.max(minWidth(a, layout), ...cells.map((row) => textWidth(row[c] ?? ''))));
      const body = cells.map((row, r) => formatRow(row, layout, wide, indent(r)));
      return [body[0], formatDelimiter(align, layout, wide, delimiterIndent), ...body.slice(1)].join('\n');
    }
    // Text wider than its column overflows it on its own row only: the other rows stay as they are.
    widths = columns;
  }
  const body = cells.map((row, r) => {
    const original = rows[r];
    if (!original) return formatRow(row, layout, widths);
    if (unchanged(r)) return original.line;
    // Cells the writer did not touch keep their exact text and spacing, so the diff is just the edit.
    const split = splitRow(original.line);
    if (split.cells.length !== row.length) return formatRow(row, layout, widths, split.indent);
    const keptCells = row.map((_, c) => (kept[r]?.[c] === original.cells[c] ? split.cells[c] : undefined));
    return formatRow(row, { ...layout, lead: split.lead, trail: split.trail }, widths, split.indent, keptCells);
  });
  const delimiter =
    delimiterKept && source ? source.delimiter : formatDelimiter(align, layout, widths, delimiterIndent);
  return [body[0], delimiter, ...body.slice(1)].join('\n');
}

/**
 * The table's lines without the `>` markers of the quotes around it (the quote's exporter writes
 * those again), or null when they cannot be told apart from the rows. Each row's line starts where
 * mdast says the row starts; the delimiter line, which has no node, loses its leading `>` and spaces.
 */
function tableLines(table: Table, source: string, ctx: ImportContext): string[] | null {
  const lines = source.split('\n');
  if (ctx.depth === 0) return lines;
  const start = table.position?.start.offset;
  if (start === undefined || lines.length !== table.children.length + 1) return null;
  const stripped = table.children.map((row, r) => {
    const rowStart = row.position?.start.offset;
    const line = lines[r === 0 ? 0 : r + 1] ?? '';
    if (rowStart === undefined) return null;
    const relative = rowStart - start;
    const lineStart = source.lastIndexOf('\n', relative - 1) + 1;
    return line.slice(relative - lineStart);
  });
  if (stripped.some((line) => line === null)) return null;
  const delimiter = (lines[1] ?? '').replace(/^[ \t>]*/, '');
  return [stripped[0] as string, delimiter, ...(stripped.slice(1) as string[])];
}

/**
 * Imports a table, also inside block quotes. Null (a raw block) for shapes a grid cannot hold (a
 * row wider than the header, lines that are not one row each).
 */
export const tableImport: BlockImportVisitor<'table'> = {
  types: ['table'],
  $import(table, ctx) {
    const source = ctx.slice(table);
    if (source === '' || source.includes('\r')) return null;
    const lines = tableLines(table, source, ctx);
    const columns = table.children[0]?.children.length ?? 0;
    if (lines === null || columns === 0 || lines.length !== table.children.length + 1) return null;
    if (table.children.some((row) => row.children.length > columns)) return null;
    const align: Align[] = Array.from({ length: columns }, (_, c) => table.align?.[c] ?? null);

    const lexical = $setTableAlign($createTableNode(), align);
    const rows = table.children.map((row, r) => {
      const rowNode = $createTableRowNode();
      // Short rows are padded: the table plugin expects a full grid, and an empty cell means the same.
      for (let c = 0; c < columns; c += 1) {
        const cell = row.children[c];
        const cellNode = $createTableCellNode(r === 0 ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS);
        cellNode.append($createParagraphNode().append(...(cell ? ctx.$importInline(cell.children, NO_INHERIT) : [])));
        rowNode.append(cellNode);
      }
      lexical.append(rowNode);
      return rowNode;
    });
    // The cells as the exporter will write them, to tell later which rows the writer changed.
    const cells = $cellMarkdown(lexical, ctx.exportContext(DEFAULT_STYLE, 'preserve'));
    if (!cells) return null;
    rows.forEach((rowNode, r) => {
      $setState(rowNode, rowSourceState, { line: lines[r === 0 ? 0 : r + 1] ?? '', cells: cells[r] ?? [] });
    });
    const delimiter = lines[1] ?? '';
    return $setState(lexical, tableSourceState, { layout: detectLayout(lines, align), delimiter, align });
  },
};

/** Exports a table as its GFM lines, carried verbatim (see the module comment for how they are written). */
export const tableExport: BlockExportVisitor<TableNode> = {
  $test: $isTableNode,
  $export(table, ctx) {
    const cells = $cellMarkdown(table, ctx);
    const kept = ctx.mode === 'preserve' ? cells : $cellMarkdown(table, ctx.withMode('preserve'));
    if (!cells || !kept) return null;
    const stored = $getTableAlign(table);
    const align: Align[] = Array.from({ length: cells[0]?.length ?? 0 }, (_, c) => stored[c] ?? null);
    const rows = table
      .getChildren()
      .filter($isTableRowNode)
      .map((row) => $getState(row, rowSourceState));
    const verbatim: VerbatimNode = {
      type: 'mastheadVerbatim',
      value: writeTable(rows, cells, kept, align, $getState(table, tableSourceState)),
    };
    return verbatim;
  },
};

/** The construct: its nodes and visitors, as the registry lists them. */
export const tableConstruct: Construct = {
  name: 'table',
  nodes: [TableNode, TableRowNode, TableCellNode],
  blockImports: [tableImport],
  blockExports: [tableExport],
};
