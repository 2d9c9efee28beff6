/**
 * What the library list shows for a post, read from its front matter: title, date, draft state.
 */
import type { FrontMatterData, JsonValue } from '../api';

/** Front matter keys that hold a post's date, in the order site generators prefer them. */
export const DATE_KEYS = ['date', 'publishDate', 'pubDate', 'published', 'created'] as const;

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

/** The post's date as written in the front matter (first of date, publishDate, pubDate, published, created), or null. */
export function postDate(data: FrontMatterData): string | null {
  for (const key of DATE_KEYS) {
    const value: JsonValue | undefined = Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
    // Jekyll's `published: false` is a flag, not a date: only text and numbers count.
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return null;
}

/** True for `draft: true` (also written as the string "true"), and for Jekyll's `published: false`. */
export function isDraft(data: FrontMatterData): boolean {
  const draft = data.draft;
  if (draft === true || (typeof draft === 'string' && draft.trim().toLowerCase() === 'true')) return true;
  return data.published === false;
}
