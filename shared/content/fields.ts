/**
 * Small helpers for front-matter fields shared by inference, the form and the library: readable
 * labels from keys, and telling mappings from lists and scalars. (Field inference itself lives in
 * schema/infer.ts.)
 */
import type { FrontMatterData, JsonValue } from '../api';

// The date helpers live in ./dates; re-exported so existing imports keep working.
export { dateFromInputValue, dateToInputValue, parseDateString, type DatePattern } from './dates';

// Words that read as acronyms in labels. Kept short and common: a wrong guess only changes casing.
const ACRONYMS = new Set([
  'seo',
  'url',
  'uri',
  'id',
  'api',
  'html',
  'css',
  'rss',
  'og',
  'pdf',
  'faq',
  'ui',
  'ux',
  'isbn',
  'doi',
  'cta',
  'ai',
]);

/** Turns a key into a readable label: `twitterUsername` → "Twitter username", `seo` → "SEO". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) return key;
  return words
    .map((word, index) => {
      const lower = word.toLowerCase();
      if (ACRONYMS.has(lower)) return lower.toUpperCase();
      return index === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(' ');
}

/** True for a plain object (a front-matter mapping), false for arrays and null. */
export function isObject(value: JsonValue | undefined): value is FrontMatterData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
