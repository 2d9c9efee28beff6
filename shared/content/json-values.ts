/**
 * Small helpers for JSON-compatible values: the shape front matter has once parsed, on both sides
 * of the bridge.
 */
import type { JsonValue } from '../api';

/** A JSON object (not an array, not null). */
export type JsonObject = { [key: string]: JsonValue };

/** True for a JSON object (a mapping), false for arrays, null and scalars. */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for strings, numbers, booleans and null. */
export function isJsonScalar(value: JsonValue | undefined): value is string | number | boolean | null {
  return value === null || (typeof value !== 'object' && value !== undefined);
}

/**
 * Structural equality. Key order is ignored on purpose: the form may send keys in any order, and
 * the file's own order is what we keep.
 */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEqual(a[key], b[key]));
}

/** Own-property lookup that ignores inherited names such as `constructor`. */
export function ownValue(object: JsonObject, key: string): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/**
 * Turns what a parser produced into a JsonValue. Values JSON cannot hold (Infinity, NaN, dates,
 * bigints) become strings, so the result can cross the bridge and compares equal on the next read.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    const result: JsonObject = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) setOwn(result, key, toJsonValue(item));
    return result;
  }
  return String(value);
}

/**
 * Sets an own property. Only `__proto__` needs defineProperty (assigning it would change the
 * prototype); every other key is assigned, which is several times faster and keeps the object fast.
 */
export function setOwn(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__')
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** `after` with the keys that were already in the file first, in the file's order. */
export function inFileOrder(before: JsonObject, after: JsonObject): JsonObject {
  const ordered: JsonObject = {};
  for (const key of [...Object.keys(before), ...Object.keys(after)]) {
    const value = ownValue(after, key);
    if (value !== undefined && !Object.prototype.hasOwnProperty.call(ordered, key)) setOwn(ordered, key, value);
  }
  return ordered;
}

/**
 * Where the keys of `after` that a map lacks go: each after the nearest key before it in `after`'s
 * order that stays in the map (`anchor`), so a field the form adds in schema order lands between
 * its neighbours instead of at the end. `anchor` null: before every surviving key. Groups come in
 * `after`'s order, and keys within a group too.
 */
export function placeAddedKeys(
  existing: readonly string[],
  surviving: ReadonlySet<string>,
  after: JsonObject,
): Array<{ anchor: string | null; keys: string[] }> {
  const known = new Set(existing);
  const groups: Array<{ anchor: string | null; keys: string[] }> = [];
  let anchor: string | null = null;
  for (const key of Object.keys(after)) {
    if (surviving.has(key)) anchor = key;
    else if (!known.has(key)) {
      const group = groups[groups.length - 1];
      if (group && group.anchor === anchor) group.keys.push(key);
      else groups.push({ anchor, keys: [key] });
    }
  }
  return groups;
}
