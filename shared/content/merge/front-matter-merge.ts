/**
 * Three-way merge of parsed front matter (or a data file's fields), key by key.
 *
 * Each top-level key is a unit: a key changed on one side only takes that side's value (a
 * deletion included), the same change on both sides is no conflict, and different changes are a
 * conflict. Objects both sides edited are merged one level down, so two people editing
 * `seo.title` and `seo.description` do not collide; lists and deeper values are atomic. Key order
 * is not a change: the merged object follows theirs (the file being written on top of), and keys
 * only the writer added follow the key they came after in their version.
 *
 * @example
 * const { merged, conflicts } = mergeFrontMatter(base.data, mine.data, theirs.data);
 * // conflicts[0] → { key: 'title', path: ['title'], base: 'Old', mine: 'Mine', theirs: 'Theirs' }
 * const settled = applyFieldChoice(merged, conflicts[0], 'mine');
 */
import type { FrontMatterData, JsonValue } from '../../api';
import { isJsonObject, jsonEqual, ownValue, setOwn } from '../json-values';
import type { JsonObject } from '../json-values';

/** Two sides changed one field differently. A value that is `undefined` means the key is absent on that side. */
export interface FieldConflict {
  /** The field's name as a writer sees it: `title`, or `seo.description` for a nested one. */
  key: string;
  /** The keys leading to the field, top level first (`['seo', 'description']`). */
  path: string[];
  base: JsonValue | undefined;
  mine: JsonValue | undefined;
  theirs: JsonValue | undefined;
}

/** The outcome of {@link mergeFrontMatter}. */
export interface FrontMatterMerge {
  /** The merged fields; a conflicting field holds theirs' value until it is settled. */
  merged: FrontMatterData;
  conflicts: FieldConflict[];
}

/** How one field conflict is settled: one side's value, or a value the writer chose (`undefined` removes the key). */
export type FieldChoice = 'mine' | 'theirs' | { value: JsonValue | undefined };

/** Merges three versions of front matter key by key; see the module comment for the rules. */
export function mergeFrontMatter(
  base: FrontMatterData,
  mine: FrontMatterData,
  theirs: FrontMatterData,
): FrontMatterMerge {
  const conflicts: FieldConflict[] = [];
  const merged = mergeObjects(base, mine, theirs, [], conflicts, 1);
  return { merged, conflicts };
}

/** `data` with one conflict settled: the chosen value written at the conflict's path. */
export function applyFieldChoice(data: FrontMatterData, conflict: FieldConflict, choice: FieldChoice): FrontMatterData {
  const value = choice === 'mine' ? conflict.mine : choice === 'theirs' ? conflict.theirs : choice.value;
  return setAtPath(data, conflict.path, value);
}

/** A field conflict in words, for a merge dialog: `Field “title”`. `label` maps a path to the schema's label. */
export function describeFieldConflict(
  conflict: FieldConflict,
  label?: (path: readonly string[]) => string | undefined,
): string {
  return `Field “${label?.(conflict.path) ?? conflict.key}”`;
}

function mergeObjects(
  base: JsonObject,
  mine: JsonObject,
  theirs: JsonObject,
  path: string[],
  conflicts: FieldConflict[],
  depth: number,
): JsonObject {
  const merged: JsonObject = {};
  for (const key of keyOrder(mine, theirs)) {
    const b = ownValue(base, key);
    const m = ownValue(mine, key);
    const t = ownValue(theirs, key);
    let value: JsonValue | undefined;
    if (jsonEqual(m, b)) value = t;
    else if (jsonEqual(t, b)) value = m;
    else if (jsonEqual(m, t)) value = t;
    else if (depth > 0 && isJsonObject(m) && isJsonObject(t) && (b === undefined || isJsonObject(b))) {
      value = mergeObjects(b ?? {}, m, t, [...path, key], conflicts, depth - 1);
    } else {
      conflicts.push({ key: [...path, key].join('.'), path: [...path, key], base: b, mine: m, theirs: t });
      value = t;
    }
    if (value !== undefined) setOwn(merged, key, value);
  }
  return merged;
}

/** Theirs' keys in their order; a key only mine has goes after the key it follows in mine. */
function keyOrder(mine: JsonObject, theirs: JsonObject): string[] {
  const order = Object.keys(theirs);
  let previous: string | null = null;
  for (const key of Object.keys(mine)) {
    if (!order.includes(key)) {
      const at = previous === null ? 0 : order.indexOf(previous) + 1;
      order.splice(at, 0, key);
    }
    previous = key;
  }
  return order;
}

function setAtPath(data: JsonObject, path: readonly string[], value: JsonValue | undefined): JsonObject {
  const [key, ...rest] = path;
  if (key === undefined) return data;
  // Rebuilt key by key so the field keeps its place and `__proto__` stays an ordinary key.
  const child = ownValue(data, key);
  const replacement = rest.length === 0 ? value : setAtPath(isJsonObject(child) ? child : {}, rest, value);
  const next: JsonObject = {};
  for (const existing of Object.keys(data)) {
    if (existing !== key) setOwn(next, existing, data[existing] as JsonValue);
    else if (replacement !== undefined) setOwn(next, key, replacement);
  }
  if (child === undefined && replacement !== undefined) setOwn(next, key, replacement);
  return next;
}
