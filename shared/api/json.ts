/**
 * JSON values as they cross the bridge, and the run-time test that an untrusted value is one: plain
 * data only (finite numbers, plain objects, no functions or class instances), nested at most
 * MAX_JSON_DEPTH deep.
 */

/** A JSON-compatible value: what front matter holds once parsed, and what crosses the bridge. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Parsed front matter: the top-level mapping of a post. */
export type FrontMatterData = { [key: string]: JsonValue };

/** Deepest nesting accepted in front matter (real front matter is a few levels deep). */
export const MAX_JSON_DEPTH = 64;

/** True for an object literal's kind of object: no array, no class instance, no borrowed prototype. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** True for a JSON value made of plain data only: finite numbers, no functions, no class instances. */
export function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  if (depth > MAX_JSON_DEPTH) return false;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (value === null) return true;
      if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
      return isPlainObject(value) && Object.values(value).every((item) => isJsonValue(item, depth + 1));
    default:
      return false;
  }
}
