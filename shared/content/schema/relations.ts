/**
 * Resolving relation fields: the choices a relation offers, taken from the entries of the collection
 * it points at. Field paths follow Decap: `title`, `{{slug}}`, nested `seo.title`, and `*` over a
 * list (`authors.*.name` in a file collection lists one choice per author).
 */
import type { FrontMatterData, JsonValue } from '../../api';
import { isJsonObject } from '../json-values';
import type { RelationOption, SchemaField } from './types';

/** A relation field of the schema. */
export type RelationField = Extract<SchemaField, { widget: 'relation' }>;

/** One entry a relation can point at: its slug (file name) and its data. */
export interface RelationSource {
  slug: string;
  data: FrontMatterData;
}

/** How many choices one lookup returns at most: a search box, not a dump of the site. */
const MAX_RELATION_OPTIONS = 50;

/**
 * The choices for `field` among `sources`, filtered by `query` (case-insensitive, every word must
 * appear in one of the search fields), in source order, without duplicate values.
 */
export function relationOptions(
  field: RelationField,
  sources: readonly RelationSource[],
  query = '',
  limit = MAX_RELATION_OPTIONS,
): RelationOption[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  const seen = new Set<string | number>();
  const options: RelationOption[] = [];
  for (const source of sources) {
    for (const candidate of candidatesOf(field, source)) {
      if (seen.has(candidate.value)) continue;
      const haystack = candidate.search.join(' ').toLowerCase();
      if (!words.every((word) => haystack.includes(word))) continue;
      seen.add(candidate.value);
      options.push({ value: candidate.value, label: candidate.label });
      if (options.length >= limit) return options;
    }
  }
  return options;
}

/** Every value the relation accepts among `sources` (for validation), without filtering. */
export function relationValues(field: RelationField, sources: readonly RelationSource[]): Set<string | number> {
  return new Set(sources.flatMap((source) => candidatesOf(field, source).map((candidate) => candidate.value)));
}

interface Candidate {
  value: string | number;
  label: string;
  search: string[];
}

function candidatesOf(field: RelationField, source: RelationSource): Candidate[] {
  const star = field.valueField.indexOf('*');
  // `list.*.field`: one candidate per list item, with display and search paths read from the same item.
  const indexes = star === -1 ? [null] : listIndexes(source, field.valueField.slice(0, star).replace(/\.$/, ''));
  const candidates: Candidate[] = [];
  for (const index of indexes) {
    const at = (path: string): JsonValue | undefined =>
      readPath(source, index === null ? path : path.replace('*', String(index)));
    const value = at(field.valueField);
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const display = (field.displayFields.length > 0 ? field.displayFields : [field.valueField]).map((path) =>
      textOf(renderPath(path, at)),
    );
    const label = display.filter((part) => part !== '').join(' ') || String(value);
    const search = (field.searchFields.length > 0 ? field.searchFields : [field.valueField]).map((path) =>
      textOf(renderPath(path, at)),
    );
    candidates.push({ value, label, search: [...search, label] });
  }
  return candidates;
}

function listIndexes(source: RelationSource, listPath: string): number[] {
  const list = readPath(source, listPath);
  return Array.isArray(list) ? list.map((_, index) => index) : [];
}

/** A path, or a template of paths (`{{title}} – {{fields.date}}`), read from the source. */
function renderPath(path: string, at: (path: string) => JsonValue | undefined): JsonValue | undefined {
  if (!path.includes('{{') || path.trim() === '{{slug}}') return at(path);
  return path.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, inner: string) => textOf(at(inner)));
}

/** Reads `a.b.0.c` from the entry; `slug`/`{{slug}}` is the entry's slug; `fields.x` is `x`. */
function readPath(source: RelationSource, path: string): JsonValue | undefined {
  const clean = path
    .trim()
    .replace(/^\{\{\s*/, '')
    .replace(/\s*\}\}$/, '');
  if (clean === 'slug') return source.slug;
  const parts = clean.replace(/^fields\./, '').split('.');
  let value: JsonValue | undefined = source.data;
  for (const part of parts) {
    if (Array.isArray(value) && /^\d+$/.test(part)) value = value[Number(part)];
    else if (isJsonObject(value) && Object.prototype.hasOwnProperty.call(value, part)) value = value[part];
    else return undefined;
  }
  return value;
}

function textOf(value: JsonValue | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
