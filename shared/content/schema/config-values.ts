/**
 * Small readers shared by the config parsers (Decap, Front Matter CMS): they narrow the `unknown`
 * values a YAML or JSON parser produced, so a config written by hand with a wrong type in one
 * place degrades that one option instead of throwing.
 */
import type { ConfigProblem, FieldCommon, SchemaField } from './types';

/** A location inside a parsed config: keys and list indexes from the top of the file. */
export type ConfigPath = (string | number)[];

/** A plain mapping (not an array, not null). */
export type RawObject = Record<string, unknown>;

/** True for a plain mapping. */
export function isRawObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own value of `key`, ignoring inherited names such as `constructor`. */
export function own(object: RawObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** The first of `keys` the object has: configs spell some options both snake_case and camelCase. */
export function ownAny(object: RawObject, ...keys: string[]): unknown {
  for (const key of keys) {
    const value = own(object, key);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** A non-empty string (numbers written without quotes count: `name: 2024` is the string "2024"). */
export function readString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A boolean, or `fallback` when the value is absent or not a boolean. */
export function readBoolean(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** A finite number (a numeric string such as `"3"` counts: hand-written configs quote them). */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** A list of strings; a single string counts as a list of one. */
export function readStringList(value: unknown): string[] {
  if (typeof value === 'string') return value.length > 0 ? [value] : [];
  if (!Array.isArray(value)) return [];
  return value.map(readString).filter((item): item is string => item !== undefined);
}

/** The error a regular expression source gives when compiled, or null when it is valid. */
export function regexError(source: string): string | null {
  try {
    new RegExp(source);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Repo-relative POSIX folder without `./`, leading or trailing slashes (`/content/blog/` → `content/blog`). */
export function cleanFolder(folder: string): string {
  return folder
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+$/, '');
}

/** Adds the min/max a field declared, keeping absent bounds absent rather than undefined-valued. */
export function withBounds<T extends SchemaField>(target: T, min: number | undefined, max: number | undefined): T {
  const result = target as T & { min?: number; max?: number };
  if (min !== undefined) result.min = min;
  if (max !== undefined) result.max = max;
  return result;
}

/** A relation that cannot be resolved, degraded so the value stays editable as plain text. */
export function degradedRelation(field: SchemaField & { widget: 'relation' }): SchemaField {
  const common = commonOf(field);
  return field.multiple
    ? { ...common, widget: 'list', items: { kind: 'strings' }, allowAdd: true, collapsed: false }
    : { ...common, widget: 'string' };
}

/** The FieldCommon part of a field (used when a field changes widget). */
export function commonOf(field: FieldCommon): FieldCommon {
  const common: FieldCommon = { name: field.name, label: field.label, required: field.required };
  if (field.default !== undefined) common.default = field.default;
  if (field.hint !== undefined) common.hint = field.hint;
  if (field.pattern !== undefined) common.pattern = field.pattern;
  if (field.i18n !== undefined) common.i18n = field.i18n;
  if (field.presence !== undefined) common.presence = field.presence;
  return common;
}

/** How a config reader reports a problem at a path of the config. */
export type ReportProblem = (path: ConfigPath, severity: ConfigProblem['severity'], message: string) => void;

/** "Collection "posts", field "seo.title"": where a problem is, for messages. */
export function describe(owner: string, names: string[]): string {
  return names.length === 0 ? owner : `${owner}, field "${names.join('.')}"`;
}

/**
 * Reads a list of field definitions with `readOne`, the same way for every config format: a
 * non-list is an error, a field defined twice keeps its first definition (with a warning reported
 * at `duplicateAt` of the item's path).
 */
export function readFieldList(
  raw: unknown,
  path: ConfigPath,
  owner: string,
  parents: string[],
  report: ReportProblem,
  readOne: (item: unknown, itemPath: ConfigPath) => SchemaField | null,
  duplicateAt: (itemPath: ConfigPath) => ConfigPath = (itemPath) => itemPath,
): SchemaField[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    report(path, 'error', `${owner}: "fields" should be a list of fields.`);
    return [];
  }
  const fields: SchemaField[] = [];
  const seen = new Set<string>();
  raw.forEach((item, index) => {
    const itemPath = [...path, index];
    const field = readOne(item, itemPath);
    if (!field) return;
    if (seen.has(field.name)) {
      report(
        duplicateAt(itemPath),
        'warning',
        `${describe(owner, [...parents, field.name])}: the field is defined twice; the first definition is used.`,
      );
      return;
    }
    seen.add(field.name);
    fields.push(field);
  });
  return fields;
}
