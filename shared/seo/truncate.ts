/**
 * Snippet truncation by pixel width, as search results cut titles and descriptions. Text width
 * comes from an injected {@link MeasureText} so the same rules run with canvas in the app and with
 * opentype.js in tests.
 *
 * The numbers below are the widely used working values of SERP preview tools (Moz, Portent,
 * Yoast), checked against Google's own CSS. Google publishes no limits and changes its layout, so
 * they are estimates and the UI says "about".
 */
import type { FontSpec, MeasureText } from './types';

/** Arial on Windows/macOS, Liberation Sans (metric-compatible with Arial) everywhere we bundle it. */
export const SNIPPET_FONT_FAMILY = 'Arial';

/** Desktop result titles: 20px Arial, cut to a ~600px-wide column (Google's 2016 redesign; still current). */
export const DESKTOP_TITLE = {
  font: { family: SNIPPET_FONT_FAMILY, sizePx: 20, weight: 400 } as FontSpec,
  limitPx: 600,
};

/**
 * Mobile titles are 20px too but wrap instead of being cut on one line: Google shows up to two
 * lines on a 360px-wide phone (the most common Android viewport) inside 16px side padding, i.e.
 * two lines of 328px each, and ends the second line with an ellipsis.
 */
export const MOBILE_TITLE = {
  font: { family: SNIPPET_FONT_FAMILY, sizePx: 20, weight: 400 } as FontSpec,
  lineWidthPx: 328,
  lines: 2,
};

/**
 * Descriptions are 14px Arial. Google cuts them at about 920px of text on desktop (two lines of a
 * ~600px column, less the date prefix and word-break slack) and about 680px on mobile; preview
 * tools translate these to the familiar 156 / 120 characters when no font is at hand.
 */
export const DESKTOP_DESCRIPTION = {
  font: { family: SNIPPET_FONT_FAMILY, sizePx: 14, weight: 400 } as FontSpec,
  limitPx: 920,
  limitChars: 156,
};
/** See {@link DESKTOP_DESCRIPTION}. */
export const MOBILE_DESCRIPTION = {
  font: { family: SNIPPET_FONT_FAMILY, sizePx: 14, weight: 400 } as FontSpec,
  limitPx: 680,
  limitChars: 120,
};

/** Google ends a cut snippet with a space and an ellipsis character after the last whole word. */
export const ELLIPSIS = ' …';

/** A truncated line of text. `widthPx` is the width of the full, uncut text. */
export interface Truncation {
  text: string;
  truncated: boolean;
  widthPx: number;
  limitPx: number;
}

/** A title wrapped to lines, the last one cut when the text does not fit. */
export interface LineClamp extends Truncation {
  lines: string[];
}

/** A description with its date prefix (`Mar 14, 2026 — `), which counts against the limit. */
export interface DescriptionSnippet extends Truncation {
  prefix: string;
}

// Words cut before the ellipsis shouldn't end on punctuation that reads as a dangling clause.
const TRAILING_PUNCTUATION = /[\s,;:|\-–—·•/]+$/u;

/**
 * Cuts `text` to fit `limitPx` with a trailing ellipsis, at a word boundary when there is one.
 * A binary search keeps the number of measurements logarithmic in the text length.
 */
export function truncateToWidth(text: string, limitPx: number, font: FontSpec, measure: MeasureText): Truncation {
  const clean = text.replace(/\s+/g, ' ').trim();
  const widthPx = measure(clean, font);
  if (widthPx <= limitPx) return { text: clean, truncated: false, widthPx, limitPx };
  const chars = Array.from(clean);
  const fits = (count: number): boolean => measure(cut(chars, count) + ELLIPSIS, font) <= limitPx;
  let low = 0;
  let high = chars.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  let kept = chars.slice(0, low).join('');
  // Back off to the last word boundary unless the cut is already at one or there is none.
  const nextChar = chars[low];
  if (nextChar !== undefined && nextChar !== ' ') {
    const space = kept.lastIndexOf(' ');
    if (space > 0) kept = kept.slice(0, space);
  }
  kept = kept.replace(TRAILING_PUNCTUATION, '');
  return { text: kept === '' ? ELLIPSIS.trim() : kept + ELLIPSIS, truncated: true, widthPx, limitPx };
}

function cut(chars: readonly string[], count: number): string {
  return chars.slice(0, count).join('').trimEnd();
}

/** Wraps `text` into at most `lines` lines of `lineWidthPx`, cutting the last line with an ellipsis. */
export function clampLines(
  text: string,
  lineWidthPx: number,
  lines: number,
  font: FontSpec,
  measure: MeasureText,
): LineClamp {
  const clean = text.replace(/\s+/g, ' ').trim();
  const widthPx = measure(clean, font);
  const limitPx = lineWidthPx * lines;
  const words = clean === '' ? [] : clean.split(' ');
  const out: string[] = [];
  let index = 0;
  while (index < words.length && out.length < lines - 1) {
    let line = words[index] ?? '';
    index += 1;
    while (index < words.length && measure(`${line} ${words[index]}`, font) <= lineWidthPx) {
      line += ` ${words[index]}`;
      index += 1;
    }
    out.push(line);
  }
  if (index < words.length) {
    const last = truncateToWidth(words.slice(index).join(' '), lineWidthPx, font, measure);
    out.push(last.text);
    return { text: out.join(' '), lines: out, truncated: last.truncated, widthPx, limitPx };
  }
  // A single word wider than a line is cut as well: browsers would overflow, Google cuts.
  const truncatedLines = out.map((line) => truncateToWidth(line, lineWidthPx, font, measure));
  const truncated = truncatedLines.some((line) => line.truncated);
  const shown = truncatedLines.map((line) => line.text);
  return { text: shown.join(' '), lines: shown, truncated, widthPx, limitPx };
}

/** The desktop Google title. */
export function desktopTitle(title: string, measure: MeasureText): Truncation {
  return truncateToWidth(title, DESKTOP_TITLE.limitPx, DESKTOP_TITLE.font, measure);
}

/** The mobile Google title (two lines). */
export function mobileTitle(title: string, measure: MeasureText): LineClamp {
  return clampLines(title, MOBILE_TITLE.lineWidthPx, MOBILE_TITLE.lines, MOBILE_TITLE.font, measure);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `2026-03-14…` → `Mar 14, 2026`, as Google prints dates (US English). Read from the written
 * calendar date, not through a time zone, so `2026-03-14T23:30:00-05:00` stays the 14th.
 */
export function formatSnippetDate(date: string | null | undefined): string | null {
  const match = date ? /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(date.trim()) : null;
  if (!match) return null;
  const month = MONTHS[Number(match[2]) - 1];
  const day = Number(match[3]);
  if (month === undefined || day < 1 || day > 31) return null;
  return `${month} ${day}, ${match[1]}`;
}

/** The description as Google shows it on `device`, the date prefix counted in the width. */
export function snippetDescription(
  description: string,
  date: string | null | undefined,
  device: 'desktop' | 'mobile',
  measure: MeasureText,
): DescriptionSnippet {
  const spec = device === 'desktop' ? DESKTOP_DESCRIPTION : MOBILE_DESCRIPTION;
  const formatted = formatSnippetDate(date);
  const prefix = formatted === null ? '' : `${formatted} — `;
  const prefixPx = prefix === '' ? 0 : measure(prefix, spec.font);
  const body = truncateToWidth(description, spec.limitPx - prefixPx, spec.font, measure);
  return {
    prefix,
    text: body.text,
    truncated: body.truncated,
    widthPx: prefixPx + body.widthPx,
    limitPx: spec.limitPx,
  };
}

/** The character-count fallback when no font can be measured: cut at a word before `maxChars`. */
export function truncateToChars(
  text: string,
  maxChars: number,
): { text: string; truncated: boolean; length: number; limit: number } {
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  if (chars.length <= maxChars) return { text: clean, truncated: false, length: chars.length, limit: maxChars };
  // The ellipsis counts against the limit, as it does in pixels.
  const room = Math.max(0, maxChars - ELLIPSIS.length);
  let kept = chars.slice(0, room).join('');
  if (chars[room] !== ' ') {
    const space = kept.lastIndexOf(' ');
    if (space > 0) kept = kept.slice(0, space);
  }
  kept = kept.replace(TRAILING_PUNCTUATION, '');
  return { text: `${kept}${ELLIPSIS}`, truncated: true, length: chars.length, limit: maxChars };
}
