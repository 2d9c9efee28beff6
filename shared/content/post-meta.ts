/**
 * What the library list shows for a post, read from its front matter: title, date, draft state.
 */
import type { FrontMatterData, JsonValue } from '../api';

/** Front matter keys that hold a post's date, in the order site generators prefer them. */
const DATE_KEYS = ['date', 'publishDate', 'pubDate', 'published', 'created'] as const;

/** The post's title: front matter `title`, else a readable name made from the file name. */
export function postTitle(data: FrontMatterData, fileName: string): string {
  const title = data.title;
  if (typeof title === 'string' && title.trim() !== '') return title.trim();
  if (typeof title === 'number') return String(title);
  return readableFileName(fileName);
}

/** `2026-02-23-hello-world.md` → `Hello world`: no folder, extension or Jekyll date prefix. */
export function readableFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}[-_]/, '');
  const words = stem.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (words === '') return base;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The post's date as written in the front matter (first of date, publishDate, pubDate, published,
 * created); without one, the date its file name starts with (given `path`), else null.
 */
export function postDate(data: FrontMatterData, path?: string): string | null {
  for (const key of DATE_KEYS) {
    const value: JsonValue | undefined = Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
    // Jekyll's `published: false` is a flag, not a date: only text and numbers count.
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return path === undefined ? null : fileNameDate(path);
}

/**
 * The date a post's file name starts with, as `YYYY-MM-DD`: Jekyll's `2025-01-29-title.md`, or the
 * folder of a page bundle (`blog/2024-06-19-first-light/index.md`, Docusaurus). Null when none.
 */
export function fileNameDate(path: string): string | null {
  const parts = path.split('/');
  const base = parts.at(-1) ?? '';
  const name = /^_?index\.[^.]+$/i.test(base) && parts.length > 1 ? (parts.at(-2) ?? '') : base;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?=[-_.]|$)/.exec(name);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  // `2024-02-30-x.md` is a name, not a date.
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d ? match[0] : null;
}

/**
 * True for `draft: true` (also written as the string "true"), for Jekyll's `published: false`, and
 * (given `path`) for files in Jekyll's `_drafts` folder.
 */
export function isDraft(data: FrontMatterData, path?: string): boolean {
  const draft = data.draft;
  if (draft === true || (typeof draft === 'string' && draft.trim().toLowerCase() === 'true')) return true;
  return data.published === false || (path !== undefined && isDraftPath(path));
}

/** True for a file in a Jekyll `_drafts` folder: a post not yet published, whatever its front matter says. */
export function isDraftPath(path: string): boolean {
  return path.split('/').slice(0, -1).includes('_drafts');
}
