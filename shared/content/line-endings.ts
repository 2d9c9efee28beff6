/**
 * Line-ending helpers. The editor and the patchers work in LF; files keep whatever style they were
 * written in, so every save converts back to the file's own line ending.
 */

/** A line ending style. */
export type LineEnding = '\n' | '\r\n';

/** The file's line ending, judged by its first line break (LF when the text has none). */
export function detectLineEnding(text: string): LineEnding {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

/** Converts CRLF line breaks to LF. */
export function toLf(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

/** Converts LF text to the given line ending. */
export function fromLf(text: string, eol: LineEnding): string {
  return eol === '\n' ? text : text.replace(/\n/g, '\r\n');
}
