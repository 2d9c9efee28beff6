/**
 * A table's column alignments kept in step with its columns: GFM stores one alignment per column
 * in the delimiter row, so adding or removing a column must add or remove its entry at the same
 * place, or every column after it would take its neighbour's alignment. Pure array code.
 */
import type { TableAlign } from '../../../shared/document';

/** The alignments as a full row of `columns` entries (missing ones are "none"). */
export function fullAlign(align: readonly TableAlign[], columns: number): TableAlign[] {
  return Array.from({ length: columns }, (_, column) => align[column] ?? null);
}

/** The alignments after a new column (aligned "none") is put at `index`. */
export function alignWithColumnAt(align: readonly TableAlign[], columns: number, index: number): TableAlign[] {
  const next = fullAlign(align, columns);
  next.splice(Math.max(0, Math.min(index, columns)), 0, null);
  return next;
}

/** The alignments after the column at `index` is removed. */
export function alignWithoutColumn(align: readonly TableAlign[], columns: number, index: number): TableAlign[] {
  const next = fullAlign(align, columns);
  next.splice(index, 1);
  return next;
}

/** The alignments with the column at `index` set to `value`. */
export function alignWithColumnSet(
  align: readonly TableAlign[],
  columns: number,
  index: number,
  value: TableAlign,
): TableAlign[] {
  const next = fullAlign(align, columns);
  if (index >= 0 && index < columns) next[index] = value;
  return next;
}

/**
 * Reads a typed header line such as `| Name | Role |` as its cells, or null when the line is not
 * one: it must start and end with a pipe and hold at least one cell. Escaped pipes stay in a cell.
 */
export function headerCells(line: string): string[] | null {
  const text = line.trim();
  if (text.length < 3 || !text.startsWith('|') || !text.endsWith('|') || text.endsWith('\\|')) return null;
  const cells: string[] = [];
  let current = '';
  for (let i = 1; i < text.length - 1; i += 1) {
    const char = text[i] as string;
    if (char === '\\' && text[i + 1] === '|') {
      current += '\\|';
      i += 1;
    } else if (char === '|') {
      cells.push(current.trim());
      current = '';
    } else current += char;
  }
  cells.push(current.trim());
  if (cells.every((cell) => cell === '')) return null;
  // A delimiter row typed on its own (`|---|---|`) is not a header.
  if (cells.every((cell) => /^:?-+:?$/.test(cell))) return null;
  return cells;
}
