/**
 * What a table remembers, in Lexical NodeState so it survives cloning, undo/redo and JSON: the
 * column alignment (on the TableNode; a plain ElementNode property would be lost on clone), how
 * the table was laid out, and each row's source line with its cells as they were imported.
 */
import { $getState, $setState, createState, type LexicalNode } from 'lexical';
import type { Align, TableLayout } from './gfm-rows';

/** A row's original line and the Markdown of its cells right after import. */
export interface RowSource {
  line: string;
  cells: string[];
}

/** The table as written: its layout, delimiter row and alignment at import. */
export interface TableSource {
  layout: TableLayout;
  delimiter: string;
  align: Align[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseAlign(value: unknown): Align[] {
  if (!Array.isArray(value)) return [];
  return value.map((a) => (a === 'left' || a === 'right' || a === 'center' ? a : null));
}

function parseStrings(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;
}

function parseRowSource(value: unknown): RowSource | null {
  if (!isRecord(value) || typeof value.line !== 'string') return null;
  const cells = parseStrings(value.cells);
  return cells ? { line: value.line, cells } : null;
}

function parseLayout(value: unknown): TableLayout | null {
  if (!isRecord(value)) return null;
  const { lead, trail, pad, delimPad, aligned, widths, flush } = value;
  if (
    typeof lead !== 'boolean' ||
    typeof trail !== 'boolean' ||
    typeof pad !== 'boolean' ||
    typeof delimPad !== 'boolean'
  )
    return null;
  if (
    typeof aligned !== 'boolean' ||
    typeof flush !== 'string' ||
    !Array.isArray(widths) ||
    !widths.every((w) => typeof w === 'number')
  )
    return null;
  return { lead, trail, pad, delimPad, aligned, widths: widths as number[], flush };
}

function parseTableSource(value: unknown): TableSource | null {
  if (!isRecord(value) || typeof value.delimiter !== 'string') return null;
  const layout = parseLayout(value.layout);
  return layout ? { layout, delimiter: value.delimiter, align: parseAlign(value.align) } : null;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** NodeState on a TableNode: per-column alignment (`left`, `right`, `center` or null). */
const tableAlignState = createState('mdAlign', { parse: parseAlign, isEqual: jsonEqual });

/** NodeState on a TableNode: how it was written. */
export const tableSourceState = createState('mdTable', { parse: parseTableSource, isEqual: jsonEqual });

/** NodeState on a TableRowNode: its original line. */
export const rowSourceState = createState('mdRow', { parse: parseRowSource, isEqual: jsonEqual });

/** A table's column alignment. */
export function $getTableAlign(table: LexicalNode): Align[] {
  return $getState(table, tableAlignState);
}

/** Sets a table's column alignment (what the delimiter row will say). */
export function $setTableAlign<T extends LexicalNode>(table: T, align: readonly Align[]): T {
  return $setState(table, tableAlignState, [...align]);
}
