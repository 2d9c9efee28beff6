/**
 * GFM table rows as text: splitting a row line into cells (escape-aware), reading the layout a
 * table was written in (outer pipes, cell padding, pipe-aligned columns and which side the padding
 * goes), and writing rows and delimiter rows in that layout. Pure string code, no Lexical.
 */

/** Column alignment as mdast spells it. */
export type Align = 'left' | 'right' | 'center' | null;

/** How a table was written; `widths` and `flush` only matter for pipe-aligned tables. */
export interface TableLayout {
  /** Rows start with `|`. */
  lead: boolean;
  /** Rows end with `|`. */
  trail: boolean;
  /** One space between a pipe and the cell text (`| a |` rather than `|a|`). */
  pad: boolean;
  /** The delimiter row has that space too (`| --- |` rather than `|-----|`). */
  delimPad: boolean;
  /** Every line has its pipes in the same columns. */
  aligned: boolean;
  /** Content width of each column in an aligned table. */
  widths: number[];
  /** Per column, where short content sits in an aligned table: `l`, `r` or `c`. */
  flush: string;
}

/** A row line split into cells. */
export interface SplitRow {
  indent: string;
  cells: string[];
  lead: boolean;
  trail: boolean;
}

/** The layout remark (mdast-util-to-markdown) would use: the one for tables the writer creates. */
export const DEFAULT_LAYOUT: TableLayout = {
  lead: true,
  trail: true,
  pad: true,
  delimPad: true,
  aligned: true,
  widths: [],
  flush: '',
};

/**
 * Splits a row at its unescaped pipes. GFM splits rows before inline parsing, so a pipe inside a
 * code span separates cells too unless escaped; a backslash escapes the next character.
 */
export function splitRow(line: string): SplitRow {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  const text = line.slice(indent.length).replace(/[ \t]+$/, '');
  const pipes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '|') pipes.push(i);
  }
  const lead = pipes[0] === 0;
  const trail = pipes.length > (lead ? 1 : 0) && pipes[pipes.length - 1] === text.length - 1;
  const bounds = [
    lead ? 0 : -1,
    ...pipes.filter((p) => p !== 0 && !(trail && p === text.length - 1)),
    trail ? text.length - 1 : text.length,
  ];
  const cells: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i += 1) cells.push(text.slice((bounds[i] as number) + 1, bounds[i + 1]));
  return { indent, cells, lead, trail };
}

function padOf(cell: string): [number, number] {
  return [cell.length - cell.trimStart().length, cell.length - cell.trimEnd().length];
}

/** Where short content sits by default in an aligned column: by its alignment. */
export function defaultFlush(align: Align): string {
  return align === 'right' ? 'r' : align === 'center' ? 'c' : 'l';
}

/** Infers the layout of a table from its lines (header, delimiter, rows). */
export function detectLayout(lines: readonly string[], align: readonly Align[]): TableLayout {
  const rows = lines.map(splitRow);
  const header = rows[0] as SplitRow;
  const delimiter = rows[1] as SplitRow;
  const first = header.cells.find((cell) => cell.trim() !== '') ?? ' ';
  const pad = /^[ \t]/.test(first) || /[ \t]$/.test(first);
  const delimPad = delimiter.cells.some((cell) => /^[ \t]|[ \t]$/.test(cell));
  // Pipe-aligned: every line has cells of the same widths (no tabs: their width is unknowable).
  const widthsOf = (row: SplitRow): string => row.cells.map((cell) => cell.length).join(',');
  // Evidence is needed too: in `| a | b |` over `|---|---|` every cell just happens to be as wide.
  const base = pad ? 2 : 0;
  const slack = [header, ...rows.slice(2)].some((row) =>
    row.cells.some((cell) => cell.length - cell.trim().length > base),
  );
  const aligned =
    slack && !lines.some((line) => line.includes('\t')) && rows.every((row) => widthsOf(row) === widthsOf(header));
  const inner = header.cells.map((cell) => cell.length);
  const widths = aligned ? inner.map((width) => Math.max(1, width - (pad ? 2 : 0))) : [];
  let flush = '';
  if (aligned) {
    flush = inner
      .map((_, column) => {
        const tally = { l: 0, r: 0, c: 0 };
        for (const row of [header, ...rows.slice(2)]) {
          const cell = row.cells[column] ?? '';
          if (cell.trim() === '') continue;
          const [before, after] = padOf(cell);
          const one = pad ? 1 : 0;
          if (before === one && after > one) tally.l += 1;
          else if (after === one && before > one) tally.r += 1;
          else if (before > one && after > one) tally.c += 1;
        }
        const best = (['l', 'r', 'c'] as const).reduce((a, b) => (tally[b] > tally[a] ? b : a));
        return tally[best] > 0 ? best : defaultFlush(align[column] ?? null);
      })
      .join('');
  }
  return { lead: header.lead, trail: header.trail, pad, delimPad, aligned, widths, flush };
}

/** The width of a cell's text as an editor lays it out in a monospace font (code points). */
export function textWidth(text: string): number {
  return Array.from(text).length;
}

function fit(text: string, width: number, flush: string): string {
  const slack = width - textWidth(text);
  if (slack <= 0) return text;
  if (flush === 'r') return ' '.repeat(slack) + text;
  if (flush === 'c') return ' '.repeat(Math.floor(slack / 2)) + text + ' '.repeat(Math.ceil(slack / 2));
  return text + ' '.repeat(slack);
}

/**
 * Writes one row of cell Markdown in the layout; `widths` pads cells when the table is aligned, and
 * `kept` holds original cells (with their spacing) to write as they were, for unchanged cells.
 */
export function formatRow(
  cells: readonly string[],
  layout: TableLayout,
  widths: readonly number[] | null,
  indent = '',
  kept: ReadonlyArray<string | undefined> = [],
): string {
  const firstCell = cells[0] ?? '';
  // A row without a leading pipe must not start like another block, nor be blank (it would end the table).
  const lead = layout.lead || (kept[0] === undefined && (firstCell === '' || /^[#>*+\-=`~<\d]/.test(firstCell)));
  const trail = layout.trail || (lead && cells.length === 1);
  const written = cells.map((cell, column) => {
    const original = kept[column];
    if (original !== undefined) return original;
    let text = widths ? fit(cell, widths[column] ?? 0, layout.flush[column] ?? 'l') : cell;
    // Without padding a trailing backslash would escape the next pipe.
    if (!layout.pad && text.endsWith('\\')) text += ' ';
    if (!layout.pad) return text;
    const before = column === 0 && !lead ? '' : ' ';
    const after = column === cells.length - 1 && !trail ? '' : ' ';
    return `${before}${text}${after}`;
  });
  return `${indent}${lead ? '|' : ''}${written.join('|')}${trail ? '|' : ''}`;
}

/** Writes a delimiter row for the alignments; `widths` sizes it to match an aligned table. */
export function formatDelimiter(
  align: readonly Align[],
  layout: TableLayout,
  widths: readonly number[] | null,
  indent = '',
): string {
  const cells = align.map((a, column) => {
    const colons = a === 'center' ? 2 : a === null ? 0 : 1;
    const inner = widths ? (widths[column] ?? 1) + (layout.pad && !layout.delimPad ? 2 : 0) : 3;
    const dashes = '-'.repeat(Math.max(1, inner - colons));
    const text = `${a === 'left' || a === 'center' ? ':' : ''}${dashes}${a === 'right' || a === 'center' ? ':' : ''}`;
    return layout.delimPad ? ` ${text} ` : text;
  });
  let line = cells.join('|');
  if (layout.lead || align.length === 1) line = `|${line}`;
  else if (layout.delimPad) line = line.slice(1);
  if (layout.trail || align.length === 1) line = `${line}|`;
  else if (layout.delimPad) line = line.replace(/ $/, '');
  return indent + line;
}

/** The narrowest content width a column can have and still hold its delimiter (`:-:` needs 3). */
export function minWidth(align: Align, layout: TableLayout): number {
  const colons = align === 'center' ? 2 : align === null ? 0 : 1;
  return Math.max(1, colons + 1 - (layout.pad && !layout.delimPad ? 2 : 0));
}
