/**
 * Plain text from the clipboard → Markdown source. Text a writer copies comes in two shapes:
 * paragraphs separated by blank lines (often hard-wrapped, so a single newline is just a wrapped
 * line), or one paragraph per line with no blank line anywhere (what browsers, Notion and most
 * apps put on the clipboard for an article). The second shape is given the blank lines Markdown
 * needs, unless its lines are visibly hard-wrapped at one width; Markdown in either shape
 * (headings, lists, fences, quotes) is then read by the document's own parser.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const CONTINUATION = /^(?: {2,}|\t)\S/;
const QUOTE = /^ {0,3}>/;
const TABLE_ROW = /^ {0,3}\|/;
const UNICODE_BULLET = /^(\s*)[•◦▪‣·●○■–](?:[ \t]+)/;
const MAX_WRAP_WIDTH = 100;

/** Normalises line endings and (for Markdown) turns `•`-style bullets from Word, Pages or PDFs into `-`. */
function normalise(text: string, bullets: boolean): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
  return bullets ? lines.map((line) => line.replace(UNICODE_BULLET, '$1- ')) : lines;
}

/** Whether paragraphs are marked by blank lines (leading and trailing ones do not count). */
function hasBlankLine(lines: readonly string[]): boolean {
  const first = lines.findIndex((line) => line.trim() !== '');
  const last = lines.findLastIndex((line) => line.trim() !== '');
  return lines.some((line, index) => line.trim() === '' && index > first && index < last);
}

/** The width the text is hard-wrapped at, or null when its lines are whole paragraphs. */
export function wrapWidth(lines: readonly string[]): number | null {
  const prose = lines.filter(
    (line) => line.trim() !== '' && !LIST_ITEM.test(line) && !QUOTE.test(line) && !line.startsWith('#'),
  );
  if (prose.length < 3) return null;
  const widest = Math.max(...prose.map((line) => line.length));
  if (widest > MAX_WRAP_WIDTH) return null;
  // Wrapped text has most lines close to one width; a list of short titles does not.
  const nearWidth = prose.filter((line) => line.length >= widest * 0.75).length;
  return nearWidth >= Math.max(2, prose.length / 2) ? widest : null;
}

/**
 * Text with no blank line at all: every line is its own paragraph (the shape of a copied article),
 * except runs of list items, quote lines and table rows, and lines wrapped at the text's width.
 */
function separateLines(lines: readonly string[]): string[] {
  const width = wrapWidth(lines);
  const out: string[] = [];
  let inFence: string | null = null;
  lines.forEach((line, index) => {
    const fence = FENCE.exec(line)?.[1];
    const previous = index > 0 ? lines[index - 1] : undefined;
    if (inFence !== null) {
      out.push(line);
      if (fence !== undefined && fence[0] === inFence[0] && fence.length >= inFence.length) inFence = null;
      return;
    }
    if (previous !== undefined && !joins(previous, line, width)) out.push('');
    out.push(line);
    if (fence !== undefined) inFence = fence;
  });
  return out;
}

/** Whether `line` continues the block `previous` started (no blank line between them). */
function joins(previous: string, line: string, width: number | null): boolean {
  if (LIST_ITEM.test(line)) return LIST_ITEM.test(previous) || CONTINUATION.test(previous);
  if (CONTINUATION.test(line)) return LIST_ITEM.test(previous) || CONTINUATION.test(previous);
  if (QUOTE.test(line)) return QUOTE.test(previous);
  if (TABLE_ROW.test(line)) return TABLE_ROW.test(previous);
  if (LIST_ITEM.test(previous) || QUOTE.test(previous) || TABLE_ROW.test(previous) || previous.startsWith('#'))
    return false;
  return width !== null && previous.length >= width * 0.6;
}

/**
 * Markdown source for pasted plain text, read as Markdown by the caller. Text with blank lines keeps
 * Markdown's own reading (blank lines split paragraphs); text without any gets one paragraph per line.
 */
export function plainTextToMarkdownSource(text: string): string {
  const lines = normalise(text, true);
  return (hasBlankLine(lines) ? lines : separateLines(lines)).join('\n').trim();
}

/**
 * Paragraphs for "paste as plain text": the same paragraph rules, nothing else interpreted. Each
 * entry is one paragraph's text, its wrapped lines joined by spaces.
 */
export function plainTextParagraphs(text: string): string[] {
  const lines = normalise(text, false);
  const blankLines = hasBlankLine(lines);
  const width = wrapWidth(lines);
  const paragraphs: string[][] = [];
  let current: string[] | null = null;
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      current = null;
      return;
    }
    const previous = lines[index - 1];
    const continues =
      current !== null && (blankLines || (previous !== undefined && width !== null && previous.length >= width * 0.6));
    if (!continues || current === null) {
      current = [];
      paragraphs.push(current);
    }
    current.push(line.trim());
  });
  return paragraphs.map((paragraph) => paragraph.join(' '));
}
