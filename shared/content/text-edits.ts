/**
 * Text edits by offset, and the line arithmetic the patchers share. Patching a file means
 * collecting non-overlapping replacements against the original text and applying them at once,
 * so every byte outside a replacement stays exactly as it was.
 */

/** Replace `source.slice(start, end)` with `text`. An insertion has `start === end`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits made against `source`. Throws on overlapping edits: that is a patcher bug. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  // At one offset, insertions go before a replacement that starts there; otherwise edits keep the
  // order they were made in, so several insertions at one point read in order.
  const sorted = edits
    .map((edit, index) => ({ edit, index, replaces: edit.end > edit.start ? 1 : 0 }))
    .sort((a, b) => a.edit.start - b.edit.start || a.replaces - b.replaces || a.index - b.index);
  let result = '';
  let cursor = 0;
  for (const { edit } of sorted) {
    if (edit.start < cursor || edit.end < edit.start)
      throw new Error(`Overlapping text edits at offset ${edit.start}.`);
    result += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + source.slice(cursor);
}

/** Offset of the first character of the line holding `offset`. */
export function lineStartOf(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line break ending the line holding `offset` (or the end of the text). */
export function nextLineStart(source: string, offset: number): number {
  const index = source.indexOf('\n', offset);
  return index === -1 ? source.length : index + 1;
}

/** Zero-based column of `offset` within its line. */
export function columnOf(source: string, offset: number): number {
  return offset - lineStartOf(source, offset);
}

/** True when only spaces or tabs precede `offset` on its line. */
export function startsLine(source: string, offset: number): boolean {
  return /^[ \t]*$/.test(source.slice(lineStartOf(source, offset), offset));
}

/** 1-based line number of `offset`. */
export function lineNumberAt(source: string, offset: number): number {
  let line = 1;
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1))
    line += 1;
  return line;
}
