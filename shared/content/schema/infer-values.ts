/**
 * Field inference from values: which widget edits a key, judged by the values it takes across a
 * collection's entries. Inferred fields are never required — the data only shows what is usual,
 * not what is mandatory. Re-exported by infer.ts, the module the rest of the app imports.
 */
import type { FrontMatterData, JsonValue } from '../../api';
import { humanizeKey, isObject } from '../fields';
import { inferDateField } from './date-infer';
import type { SchemaField, SelectOption } from './types';

// Keys whose text is prose even when short today; mirrors fields.ts so the two forms agree.
const PROSE_KEYS =
  /^(description|summary|excerpt|abstract|lead|subtitle|intro|teaser|bio|body|content|caption|notes?)$/i;
const LONG_TEXT = 80;
// A select turns a free-text field into a closed choice: only for small vocabularies.
const MAX_SELECT_OPTIONS = 20;
// Values that name one entry are never a vocabulary, even when two entries happen to share one.
const IDENTITY_KEYS =
  /^(title|name|slug|id|uuid|url|link|canonical|canonicalurl|permalink|path|image|cover|thumbnail|file|src|alt|description)$/i;

/** How inference may shape fields. */
export interface InferOptions {
  /**
   * Whether shared strings may become selects (default true). Off inside list items offered as
   * whole `suggestions`: a per-key select would let a writer pair one item's value with another's label.
   */
  selects?: boolean;
}

/**
 * Infers one field from the values a key takes across a collection's entries. `entryCount` is the
 * number of entries (values may be fewer when some entries lack the key); it defaults to the
 * number of values.
 */
export function inferFieldFromValues(
  name: string,
  values: JsonValue[],
  entryCount: number = values.length,
  options: InferOptions = {},
): SchemaField {
  const base = {
    name,
    label: humanizeKey(name),
    required: false,
    presence: entryCount > 0 ? Math.min(1, values.length / entryCount) : 0,
  };
  return {
    ...base,
    ...inferShape(name, values, Math.max(entryCount, values.length), options.selects ?? true),
  } as SchemaField;
}

// The widget part of a field; `entries` is how many entries the values were drawn from.
type Shape = DistributiveOmit<SchemaField, 'name' | 'label' | 'required' | 'presence'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function inferShape(name: string, values: JsonValue[], entries: number, selects: boolean): Shape {
  // A key written but left empty (`image:`) says nothing about its type.
  const present = values.filter((value) => value !== null && value !== '');
  if (present.length === 0) return { widget: 'string' };
  if (present.every((value) => typeof value === 'string'))
    return inferStrings(name, present as string[], entries, selects);
  if (present.every((value) => typeof value === 'boolean')) return { widget: 'boolean' };
  if (present.every((value) => typeof value === 'number' && Number.isFinite(value))) {
    return { widget: 'number', valueType: (present as number[]).every(Number.isInteger) ? 'int' : 'float' };
  }
  if (present.every(Array.isArray)) return inferLists(name, present as JsonValue[][], selects);
  if (present.every(isObject))
    return { widget: 'object', fields: inferObjectFields(present as FrontMatterData[], { selects }), collapsed: false };
  // Mixed shapes (a number here, a string there) have no one editor that keeps every file intact.
  return { widget: 'kept' };
}

function inferStrings(name: string, values: string[], entries: number, selects: boolean): Shape {
  // Dates in any shape a generator writes (ISO, Jekyll's `… +0530`, `Jun 19 2024`), with the format that keeps it.
  const date = inferDateField(values);
  if (date) {
    const format = date.format === undefined ? {} : { format: date.format };
    return date.widget === 'date' ? { widget: 'date', ...format } : { widget: 'datetime', pickerUtc: false, ...format };
  }
  if (PROSE_KEYS.test(name) || values.some((value) => value.includes('\n') || value.length > LONG_TEXT))
    return { widget: 'text' };
  const options = selects ? vocabulary(name, values, entries) : null;
  if (options) return { widget: 'select', options, multiple: false, open: true };
  return { widget: 'string' };
}

/**
 * The options of a select when `values` look like a small shared vocabulary (author, category):
 * at least two entries share a value, and there are at most 20 distinct values, fewer than entries.
 */
function vocabulary(name: string, values: string[], entries: number): SelectOption[] | null {
  if (IDENTITY_KEYS.test(name) || values.some(isAbsoluteUrl)) return null;
  const counts = countBy(values);
  const shared = [...counts.values()].some((count) => count >= 2);
  if (!shared || counts.size > MAX_SELECT_OPTIONS || counts.size >= entries) return null;
  return byFrequency(counts).map((value) => ({ label: value, value }));
}

function inferLists(name: string, lists: JsonValue[][], selects: boolean): Shape {
  const items = lists.flat().filter((item) => item !== null);
  const list = { allowAdd: true, collapsed: false } as const;
  if (items.every((item) => typeof item === 'string')) {
    // Tags and categories: the same words recur across entries, so offer them as a choice.
    const perEntry = lists.map(
      (entryItems) => new Set(entryItems.filter((item): item is string => typeof item === 'string')),
    );
    const entryCounts = countBy(perEntry.flatMap((set) => [...set]));
    const recurs = selects && !IDENTITY_KEYS.test(name) && [...entryCounts.values()].some((count) => count >= 2);
    if (recurs) {
      return {
        widget: 'select',
        multiple: true,
        open: true,
        options: byFrequency(countBy(items as string[])).map((value) => ({ label: value, value })),
      };
    }
    return { widget: 'list', items: { kind: 'strings' }, ...list };
  }
  if (items.every(isObject)) {
    const objects = items as FrontMatterData[];
    const suggestions = recurringItems(lists);
    return {
      widget: 'list',
      items: { kind: 'fields', fields: inferObjectFields(objects, { selects: selects && suggestions.length === 0 }) },
      ...list,
      ...(suggestions.length > 0 ? { suggestions } : {}),
    };
  }
  return { widget: 'kept' };
}

/** Fields of a set of objects (entries, nested objects, list items): the union of their keys. */
export function inferObjectFields(objects: FrontMatterData[], options: InferOptions = {}): SchemaField[] {
  return keyOrder(objects).map((key) => {
    const values = objects.filter((object) => key in object).map((object) => object[key] as JsonValue);
    return inferFieldFromValues(key, values, objects.length, options);
  });
}

/**
 * The most common key order: the keys of the object with the most keys first (files written by a
 * CMS list every field in config order), then keys only other objects have, by first appearance.
 */
export function keyOrder(objects: FrontMatterData[]): string[] {
  let widest: FrontMatterData = {};
  for (const object of objects) if (Object.keys(object).length > Object.keys(widest).length) widest = object;
  const keys = new Set(Object.keys(widest));
  for (const object of objects) for (const key of Object.keys(object)) keys.add(key);
  return [...keys];
}

/**
 * Distinct list items that appear in at least two entries, most frequent first: picking one again
 * (`{value: 'category-Zp41kRwe', label: 'Community'}`) beats retyping an opaque id.
 */
export function recurringItems(lists: JsonValue[][], minEntries = 2): JsonValue[] {
  const seen = new Map<string, { item: JsonValue; entries: number; total: number }>();
  for (const list of lists) {
    const inThisEntry = new Set<string>();
    for (const item of list) {
      const id = canonicalJson(item);
      const record = seen.get(id) ?? { item, entries: 0, total: 0 };
      record.total += 1;
      if (!inThisEntry.has(id)) record.entries += 1;
      inThisEntry.add(id);
      seen.set(id, record);
    }
  }
  return [...seen.values()]
    .filter((record) => record.entries >= minEntries)
    .sort((a, b) => b.total - a.total)
    .map((record) => record.item);
}

/** JSON with sorted keys, so `{label, value}` and `{value, label}` count as the same item. */
function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

// Most frequent first; ties keep first-seen order (Map iteration order, and sort is stable).
function byFrequency(counts: Map<string, number>): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([value]) => value);
}

/** True for an absolute http(s) URL. */
export function isAbsoluteUrl(text: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(text);
}
