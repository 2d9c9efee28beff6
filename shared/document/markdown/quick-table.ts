/**
 * The quick parser's GFM table reader (see quick-blocks.ts): a table whose every row starts and
 * ends with a pipe and has as many cells as the delimiter row, cells of quick inline content,
 * ending at a blank line or the end of the source.
 */
import type { AlignType, Table, TableCell, TableRow } from 'mdast';
import { quickInline } from './quick-inline';
import { linesUntilBlank, point, span, type Line } from './quick-lines';

const DELIMITER_CELL = /^ *(:?)-+(:?) *$/;

/** The offsets of the pipes of a row that starts and ends with one; null for any other line. */
function pipesOf(md: string, line: Line): number[] | null {
  if (line.end - line.start < 2 || md[line.start] !== '|' || md[line.end - 1] !== '|') return null;
  const pipes: number[] = [];
  for (let at = md.indexOf('|', line.start); at >= 0 && at < line.end; at = md.indexOf('|', at + 1)) pipes.push(at);
  // A backslash may escape a pipe, which then splits no cell.
  return /[\t\\]/.test(md.slice(line.start, line.end)) ? null : pipes;
}

function alignOf(md: string, from: number, to: number): AlignType | undefined {
  const cell = DELIMITER_CELL.exec(md.slice(from, to));
  if (cell === null) return undefined;
  if (cell[1] === ':') return cell[2] === ':' ? 'center' : 'left';
  return cell[2] === ':' ? 'right' : null;
}

function row(md: string, line: Line, pipes: readonly number[]): TableRow | null {
  const cells: TableCell[] = [];
  for (let index = 0; index + 1 < pipes.length; index++) {
    let from = pipes[index]! + 1;
    let to = pipes[index + 1]!;
    while (from < to && md.charCodeAt(from) === 32) from++;
    while (to > from && md.charCodeAt(to - 1) === 32) to--;
    const children =
      from === to ? [] : quickInline(md, [{ start: from, end: to, line: line.line, lineStart: line.start }]);
    if (children === null) return null;
    // A cell runs from its pipe to the next one; the last takes the row's closing pipe too.
    const end = index + 2 === pipes.length ? line.end : pipes[index + 1]!;
    cells.push({ type: 'tableCell', children, position: { start: point(pipes[index]!, line), end: point(end, line) } });
  }
  return { type: 'tableRow', children: cells, position: span(line, line) };
}

/** Reads the table starting at `first`, or null; with the last line it takes. */
export function table(md: string, first: Line): { node: Table; last: Line } | null {
  const lines = linesUntilBlank(md, first);
  const delimiter = lines[1] && pipesOf(md, lines[1]);
  if (!delimiter) return null;
  const align: AlignType[] = [];
  for (let index = 0; index + 1 < delimiter.length; index++) {
    const cell = alignOf(md, delimiter[index]! + 1, delimiter[index + 1]!);
    if (cell === undefined) return null;
    align.push(cell);
  }
  const rows: TableRow[] = [];
  for (const [index, line] of lines.entries()) {
    if (index === 1) continue;
    const pipes = pipesOf(md, line);
    if (pipes === null || pipes.length !== delimiter.length) return null;
    const read = row(md, line, pipes);
    if (read === null) return null;
    rows.push(read);
  }
  const last = lines[lines.length - 1]!;
  return { node: { type: 'table', align, children: rows, position: span(first, last) }, last };
}
