/**
 * Checks an entry's front matter against its collection's fields and says what is wrong in plain
 * words, with the field's label ("Title is required.", "Rating must be at most 5."). Pure: the
 * form shows the issues under their fields; `masthead check` prints them.
 */
import type { FrontMatterData, JsonValue } from '../../api';
import { exampleDateValue, isValidDateValue } from './date-format';
import type { FieldIssue, SchemaField } from './types';

/** What validation may consult beyond the entry itself. */
export interface ValidateOptions {
  /** The values a relation field may hold (e.g. the slugs of the authors), or undefined when unknown. */
  relationValues?: (field: Extract<SchemaField, { widget: 'relation' }>) => Set<string | number> | undefined;
}

type Path = (string | number)[];

/** Every problem with `data` against `fields`, in form order. */
export function validateEntry(
  fields: SchemaField[],
  data: FrontMatterData,
  options: ValidateOptions = {},
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  validateFields(fields, data, [], options, issues);
  return issues;
}

/** How many errors and warnings a list of issues holds. */
export function summarizeIssues(issues: readonly FieldIssue[]): { errors: number; warnings: number } {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
}

function validateFields(
  fields: SchemaField[],
  object: FrontMatterData,
  path: Path,
  options: ValidateOptions,
  issues: FieldIssue[],
): void {
  for (const field of fields) validateField(field, object[field.name], [...path, field.name], options, issues);
}

/** True when the writer has not filled the value in. Whitespace alone does not fill a text in. */
function isMissing(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

function isObject(value: JsonValue | undefined): value is FrontMatterData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// `canonicalURL`, `seo_url`, `website`, `docs_link` — but not `linkedin` (a handle) nor `linkTitle`
// (Hugo's short title): the key's last word must name an address.
const URL_WORDS = new Set(['url', 'uri', 'link', 'canonical', 'website', 'href', 'permalink', 'homepage']);

/** True for a key whose value is an address (`canonicalURL`, `seo_url`, `website`). */
export function looksLikeUrlField(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean);
  return URL_WORDS.has(words.at(-1)?.toLowerCase() ?? '');
}

/**
 * True when an address-like value is wrong for every site: a bare domain missing its scheme, an
 * address with spaces or an empty host. Paths are fine — Hugo and Jekyll write `url: /about/` and
 * relative permalinks on purpose — and so are `mailto:`/`tel:` and template tags.
 */
function isBrokenAddress(text: string): boolean {
  if (text === '' || isAbsoluteHttpUrl(text)) return false;
  if (/^(\/|\.{1,2}\/|#|\?|mailto:|tel:|\{\{|\{%)/i.test(text)) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return true; // a scheme, but not a usable web address
  if (/^(www\.)?[\w-]+(\.[\w-]+)+(\/|$)/i.test(text) && /\.[a-z]{2,}(\/|$)/i.test(text)) return true; // example.org/x
  return /\s/.test(text);
}

function isAbsoluteHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^\s/]/i.test(text) || /\s/.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}

const quoted = (value: JsonValue): string => `“${typeof value === 'string' ? value : JSON.stringify(value)}”`;

function validateField(
  field: SchemaField,
  value: JsonValue | undefined,
  path: Path,
  options: ValidateOptions,
  issues: FieldIssue[],
): void {
  const error = (message: string) => issues.push({ path, severity: 'error', message });
  const warning = (message: string) => issues.push({ path, severity: 'warning', message });
  const { label } = field;
  // Booleans are never missing (false is an answer); hidden and kept values are not the writer's to fill.
  const checksPresence = field.widget !== 'boolean' && field.widget !== 'hidden' && field.widget !== 'kept';
  if (checksPresence && isMissing(value)) {
    if (field.required) error(`${label} is required.`);
    return;
  }
  if (value === undefined) return;
  if (
    field.pattern &&
    (typeof value === 'string' || typeof value === 'number') &&
    !matches(field.pattern.regex, String(value))
  ) {
    error(field.pattern.message || `${label} is not in the expected form.`);
  }
  switch (field.widget) {
    case 'string':
      if (typeof value === 'string' && looksLikeUrlField(field.name) && isBrokenAddress(value.trim())) {
        warning(`${label} should be a full address starting with https://.`);
      }
      return;
    case 'text':
    case 'markdown':
    case 'image':
    case 'file':
    case 'hidden':
    case 'code':
    case 'kept':
    case 'boolean':
      return;
    case 'datetime':
    case 'date':
      if (typeof value !== 'string' || !isValidDateValue(field, value))
        error(`${label} should be a date like ${exampleDateValue(field)}.`);
      return;
    case 'number':
      return validateNumber(field, value, error);
    case 'select': {
      const allowed = field.options.map((option) => option.value);
      const values = field.multiple ? (Array.isArray(value) ? value : [value]) : [value];
      // An open select only suggests: any value is fine (an inferred "author" must accept a new author).
      for (const item of field.open ? [] : values) {
        if (!allowed.some((option) => String(option) === String(item)))
          error(`${quoted(item)} is not one of the choices for ${label}.`);
      }
      if (field.multiple) countItems(values.length, field.min, field.max, label, 'choice', error);
      return;
    }
    case 'relation': {
      const values = field.multiple && Array.isArray(value) ? value : [value];
      const known = options.relationValues?.(field);
      for (const item of values) {
        if (known && (typeof item === 'string' || typeof item === 'number') && !known.has(item)) {
          warning(`${quoted(item)} was not found in ${field.collection}; pick one of its entries for ${label}.`);
        }
      }
      if (field.multiple) countItems(values.length, field.min, field.max, label, 'entry', error);
      return;
    }
    case 'list':
      return validateList(field, value, path, options, issues, error);
    case 'object':
      if (isObject(value)) validateFields(field.fields, value, path, options, issues);
      else warning(`${label} should be a group of fields; it is kept as is.`);
      return;
    case 'color':
      if (
        typeof value !== 'string' ||
        !(field.enableAlpha ? /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i : /^#([0-9a-f]{3}|[0-9a-f]{6})$/i).test(value)
      ) {
        error(`${label} must be a colour like ${field.enableAlpha ? '#1a2b3c or #1a2b3cff' : '#1a2b3c'}.`);
      }
      return;
    case 'map':
      if (typeof value !== 'string' || !isGeometry(value, field.geometry))
        error(`${label} must be GeoJSON for a ${field.geometry}.`);
      return;
    case 'custom':
      if (field.editor)
        validateField(
          { ...field.editor, name: field.name, label, required: field.required },
          value,
          path,
          options,
          issues,
        );
      return;
    default: {
      // Exhaustive: a new widget without a rule fails to compile here, yet never throws at run time.
      const unknown: never = field;
      return void unknown;
    }
  }
}

function matches(regex: string, text: string): boolean {
  try {
    return new RegExp(regex).test(text);
  } catch {
    // A broken pattern is a config problem, reported where the config is read; not the writer's fault.
    return true;
  }
}

function validateNumber(
  field: Extract<SchemaField, { widget: 'number' }>,
  value: JsonValue,
  error: (message: string) => void,
): void {
  const { label } = field;
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) return void error(`${label} must be a number.`);
  if (field.valueType === 'int' && !Number.isInteger(number)) return void error(`${label} must be a whole number.`);
  if (field.min !== undefined && number < field.min) return void error(`${label} must be at least ${field.min}.`);
  if (field.max !== undefined && number > field.max) return void error(`${label} must be at most ${field.max}.`);
  if (field.step !== undefined && field.step > 0) {
    const steps = (number - (field.min ?? 0)) / field.step;
    // Floats drift (0.3 / 0.1 = 2.9999…); a step is hit when within a hair of a whole count.
    if (Math.abs(steps - Math.round(steps)) > 1e-9)
      error(`${label} must go in steps of ${field.step}${field.min ? ` from ${field.min}` : ''}.`);
  }
}

function countItems(
  count: number,
  min: number | undefined,
  max: number | undefined,
  label: string,
  noun: string,
  error: (message: string) => void,
): void {
  const plural = (n: number) =>
    `${n} ${noun === 'entry' ? (n === 1 ? 'entry' : 'entries') : n === 1 ? noun : `${noun}s`}`;
  if (min !== undefined && count < min) error(`${label} needs at least ${plural(min)}.`);
  if (max !== undefined && count > max) error(`${label} can have at most ${plural(max)}.`);
}

function validateList(
  field: Extract<SchemaField, { widget: 'list' }>,
  value: JsonValue,
  path: Path,
  options: ValidateOptions,
  issues: FieldIssue[],
  error: (message: string) => void,
): void {
  if (!Array.isArray(value)) {
    issues.push({ path, severity: 'warning', message: `${field.label} should be a list; it is kept as is.` });
    return;
  }
  countItems(value.length, field.min, field.max, field.label, 'item', error);
  const { items } = field;
  value.forEach((item, index) => {
    const itemPath = [...path, index];
    switch (items.kind) {
      case 'strings':
        return;
      case 'field':
        return validateField(items.field, item, itemPath, options, issues);
      case 'fields':
        if (isObject(item)) validateFields(items.fields, item, itemPath, options, issues);
        return;
      case 'types': {
        const name = isObject(item) ? item[items.typeKey] : undefined;
        const type = items.types.find((candidate) => candidate.name === name);
        if (!type || !isObject(item)) {
          issues.push({
            path: itemPath,
            severity: 'warning',
            message: `${field.label} ${index + 1} has an unknown type ${quoted(name ?? null)}; it is kept as is.`,
          });
          return;
        }
        validateFields(type.fields, item, itemPath, options, issues);
        return;
      }
    }
  });
}

type Position = number[];
const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) &&
  value.length >= 2 &&
  value.length <= 3 &&
  value.every((n) => typeof n === 'number' && Number.isFinite(n));
const isLine = (value: unknown, least: number): boolean =>
  Array.isArray(value) && value.length >= least && value.every(isPosition);

/** True when `text` is a GeoJSON geometry of `type` (a Decap map value). */
export function isGeometry(text: string, type: 'Point' | 'LineString' | 'Polygon'): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { type?: unknown }).type !== type) return false;
  const coordinates = (parsed as { coordinates?: unknown }).coordinates;
  if (type === 'Point') return isPosition(coordinates);
  if (type === 'LineString') return isLine(coordinates, 2);
  // A polygon is rings of at least four positions (the first repeated last).
  return Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every((ring) => isLine(ring, 4));
}
