/**
 * Front-matter form inference: looks at a post's own front matter and decides which control edits
 * each value. Pure data in, pure data out (no DOM), so the renderer's form and the tests share it.
 * Nothing is dropped: a value no control fits becomes a `kept` field, shown read-only and passed
 * through unchanged on save.
 */
import type { FrontMatterData, JsonValue } from '../api';
import { parseDateString } from './dates';

// The date helpers moved to ./dates; re-exported so existing imports keep working.
export { dateFromInputValue, dateToInputValue, parseDateString, type DatePattern } from './dates';

/** Fields every kind shares: the key in its parent object and a human label. */
interface FieldBase {
  key: string;
  label: string;
}

/** One control in the front-matter form, inferred from the value it edits. */
export type FieldSpec =
  | (FieldBase & { kind: 'text'; multiline: boolean })
  | (FieldBase & { kind: 'date'; withTime: boolean })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'number' })
  | (FieldBase & { kind: 'group'; fields: FieldSpec[] })
  | (FieldBase & { kind: 'string-list' })
  | (FieldBase & { kind: 'object-list'; itemFields: FieldSpec[]; template: FrontMatterData })
  | (FieldBase & { kind: 'kept' });

/** The kinds of field the form knows how to render. */
export type FieldKind = FieldSpec['kind'];

// Words that read as acronyms in labels. Kept short and common: a wrong guess only changes casing.
const ACRONYMS = new Set(['seo', 'url', 'uri', 'id', 'api', 'html', 'css', 'rss', 'og', 'pdf', 'faq', 'ui', 'ux', 'isbn', 'doi', 'cta', 'ai']);

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

// Keys whose text is prose even when short today; a one-line input would cramp the next edit.
const PROSE_KEYS = /^(description|summary|excerpt|abstract|lead|subtitle|intro|teaser|bio)$/i;
const LONG_TEXT = 80;

/** Builds the form for a front-matter object, one field per key, in the file's own key order. */
export function inferFields(data: FrontMatterData): FieldSpec[] {
  return Object.entries(data).map(([key, value]) => inferField(key, value));
}

/** Infers the control for one key and its value. */
export function inferField(key: string, value: JsonValue): FieldSpec {
  const label = humanizeKey(key);
  if (typeof value === 'string') {
    const date = parseDateString(value);
    if (date) return { key, label, kind: 'date', withTime: date.time !== null };
    const multiline = value.includes('\n') || value.length > LONG_TEXT || PROSE_KEYS.test(key);
    return { key, label, kind: 'text', multiline };
  }
  if (typeof value === 'boolean') return { key, label, kind: 'boolean' };
  if (typeof value === 'number') return Number.isFinite(value) ? { key, label, kind: 'number' } : { key, label, kind: 'kept' };
  if (Array.isArray(value)) return inferList(key, label, value);
  if (isObject(value)) return { key, label, kind: 'group', fields: inferFields(value) };
  return { key, label, kind: 'kept' };
}

function inferList(key: string, label: string, items: JsonValue[]): FieldSpec {
  // An empty list is most often tags-to-be; strings are the safest thing to offer.
  if (items.every((item) => typeof item === 'string')) return { key, label, kind: 'string-list' };
  if (items.every(isFlatObject)) {
    const template: FrontMatterData = {};
    const itemFields: FieldSpec[] = [];
    for (const item of items as FrontMatterData[]) {
      for (const [itemKey, itemValue] of Object.entries(item)) {
        if (itemKey in template) continue;
        template[itemKey] = emptyLike(itemValue);
        itemFields.push(inferField(itemKey, itemValue));
      }
    }
    return { key, label, kind: 'object-list', itemFields, template };
  }
  return { key, label, kind: 'kept' };
}

/** True for a plain object (a front-matter mapping), false for arrays and null. */
export function isObject(value: JsonValue | undefined): value is FrontMatterData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// `{value, label}`-like items: objects whose values are all scalars the item form can edit.
function isFlatObject(value: JsonValue): boolean {
  return isObject(value) && Object.values(value).every((v) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)));
}

function emptyLike(value: JsonValue): JsonValue {
  if (typeof value === 'boolean') return false;
  if (typeof value === 'number') return 0;
  return '';
}
