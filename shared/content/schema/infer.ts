/**
 * Schema inference from data: when a site has no CMS config (or a config field uses a custom
 * widget), collections and their fields are learned from the entries themselves.
 */
import type { FrontMatterData, FrontMatterFormat, JsonValue } from '../../api';
import { humanizeKey, isObject } from '../fields';
import { inferFieldFromValues, inferObjectFields, isAbsoluteUrl, recurringItems } from './infer-values';
import type { CollectionSchema, ContentModel, FolderCollection, ListItems, SchemaField } from './types';

export {
  inferFieldFromValues,
  inferObjectFields,
  isAbsoluteUrl,
  keyOrder,
  recurringItems,
  type InferOptions,
} from './infer-values';
import { collectionId, repoFolder } from '../collection-ids';

/** The fields of a collection, learned from all its entries' front matter, each with its presence. */
export function inferCollectionFields(entries: FrontMatterData[]): SchemaField[] {
  return inferObjectFields(entries);
}

/** One entry file as inference sees it. */
export interface InferenceEntry {
  /** Repo-relative POSIX path. */
  path: string;
  frontMatter: FrontMatterData;
  format: FrontMatterFormat;
}

/**
 * A folder collection learned from its files: names, slug template and fields. `label` is the
 * library's name for it when discovery gave one (`Pages` for a site's standalone pages).
 */
export function inferCollection(folder: string, entries: InferenceEntry[], label?: string): FolderCollection {
  const cleanFolder = folder.replace(/^\/+|\/+$/g, '');
  // The repository root holds a site's standalone pages (Jekyll's about.md): it is their collection.
  const name = cleanFolder.split('/').pop() || 'pages';
  label ??= humanizeKey(name);
  const fields = inferCollectionFields(entries.map((entry) => entry.frontMatter));
  const relative = entries.map((entry) => relativeTo(cleanFolder, entry.path));
  const layout = inferFileLayout(relative);
  return {
    kind: 'folder',
    name: collectionId(name),
    label,
    labelSingular: singularize(label),
    folder: repoFolder(cleanFolder),
    extension: mostCommon(relative.map(extensionOf).filter((ext) => ext !== '')) ?? 'md',
    format: 'frontmatter',
    slug: layout.slug,
    ...(layout.path === undefined ? {} : { path: layout.path }),
    identifierField: identifierFieldOf(fields),
    sortableFields: sortableFieldsOf(fields),
    create: true,
    fields,
    bodyField: 'body',
    inferred: true,
  };
}

/** Naive English singular of a label's last word: Posts → Post, Stories → Story, News → News. */
export function singularize(label: string): string {
  return label.replace(/(\w+)$/u, (word) => {
    if (/(news|series|species|ss|us|is)$/i.test(word)) return word;
    if (/ies$/i.test(word) && word.length > 4) return word.slice(0, -3) + (word.endsWith('IES') ? 'Y' : 'y');
    if (/(ches|shes|xes|sses)$/i.test(word)) return word.slice(0, -2);
    if (/s$/i.test(word) && word.length > 1) return word.slice(0, -1);
    return word;
  });
}

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;

/** The slug (and path) template the existing file names follow; the majority wins. */
export function inferFileLayout(relativePaths: string[]): { slug: string; path?: string } {
  if (relativePaths.length === 0) return { slug: '{{slug}}' };
  const half = relativePaths.length / 2;
  const bundles = relativePaths.filter((path) => /^[^/]+\/index\.[^./]+$/.test(path));
  const isBundle = bundles.length > half;
  const stems = isBundle
    ? bundles.map((path) => path.split('/')[0] ?? '')
    : relativePaths.map((path) => stemOf(path.split('/').pop() ?? ''));
  const dated = stems.filter((stem) => DATE_PREFIX.test(stem)).length > stems.length / 2;
  const slug = dated ? '{{year}}-{{month}}-{{day}}-{{slug}}' : '{{slug}}';
  return isBundle ? { slug, path: '{{slug}}/index' } : { slug };
}

function identifierFieldOf(fields: SchemaField[]): string {
  if (fields.some((field) => field.name === 'title')) return 'title';
  const textual = fields.find(
    (field) => (field.widget === 'string' || field.widget === 'text') && field.presence === 1,
  );
  return textual?.name ?? 'title';
}

function sortableFieldsOf(fields: SchemaField[]): string[] {
  const dated = fields
    .filter((field) => field.widget === 'datetime' || field.widget === 'date')
    .map((field) => field.name);
  return fields.some((field) => field.name === 'title') ? [...dated, 'title'] : dated;
}

/** A whole model inferred from the sites' folders of entries. Collection names are made unique here. */
export function inferModel(collections: { folder: string; entries: InferenceEntry[]; label?: string }[]): ContentModel {
  const taken = new Set<string>();
  const inferred = collections.map(({ folder, entries, label }) => {
    const collection = inferCollection(folder, entries, label);
    let name = collection.name;
    for (let n = 2; taken.has(name); n += 1) name = collectionId(`${collection.name}-${n}`);
    taken.add(name);
    return { ...collection, name };
  });
  const siteUrl = inferSiteUrl(collections.flatMap(({ entries }) => entries.map((entry) => entry.frontMatter)));
  return {
    source: 'inferred',
    configPath: null,
    ...(siteUrl === undefined ? {} : { siteUrl }),
    commitMessages: {},
    collections: inferred,
    problems: [],
  };
}

// Keys whose absolute URLs are the page's own address, at the top level or inside `seo`-like objects.
const CANONICAL_KEYS = /^(url|canonical|canonical_?url|permalink)$/i;

/** The most common origin among entries' canonical URLs (`url`, `canonical`, `seo.url`, `permalink`…). */
function inferSiteUrl(entries: FrontMatterData[]): string | undefined {
  const origins: string[] = [];
  const collect = (data: FrontMatterData, depth: number): void => {
    for (const [key, value] of Object.entries(data)) {
      if (typeof value === 'string' && CANONICAL_KEYS.test(key) && isAbsoluteUrl(value)) {
        const origin = originOf(value);
        if (origin) origins.push(origin);
      } else if (isObject(value) && depth === 0) collect(value, 1);
    }
  };
  for (const entry of entries) collect(entry, 0);
  return mostCommon(origins);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Fills the `editor` of every `custom` field (at any depth) from the values its key takes in the
 * collection's entries. `entriesByCollection` is keyed by collection name (file collections: also
 * `collection/file`). List editors also offer every item seen as `suggestions`. Returns a new model.
 */
export function completeCustomWidgets(
  model: ContentModel,
  entriesByCollection: Map<string, FrontMatterData[]>,
): ContentModel {
  const collections = model.collections.map((collection): CollectionSchema => {
    if (collection.kind === 'folder') {
      return {
        ...collection,
        fields: completeFields(collection.fields, entriesByCollection.get(collection.name) ?? []),
      };
    }
    const files = collection.files.map((file) => {
      const data =
        entriesByCollection.get(`${collection.name}/${file.name}`) ?? entriesByCollection.get(collection.name) ?? [];
      return { ...file, fields: completeFields(file.fields, data) };
    });
    return { ...collection, files };
  });
  return { ...model, collections };
}

// `parents` are the objects the fields are keys of: entries at the top, then nested objects or list items.
function completeFields(fields: SchemaField[], parents: FrontMatterData[]): SchemaField[] {
  return fields.map((field) =>
    completeField(
      field,
      parents.filter((parent) => field.name in parent).map((parent) => parent[field.name] as JsonValue),
      parents.length,
    ),
  );
}

function completeField(field: SchemaField, values: JsonValue[], parentCount: number): SchemaField {
  switch (field.widget) {
    case 'custom':
      return { ...field, editor: customEditor(field, values, parentCount) };
    case 'object':
      return { ...field, fields: completeFields(field.fields, values.filter(isObject)) };
    case 'list':
      return { ...field, items: completeItems(field.items, values.filter(Array.isArray).flat()) };
    default:
      return field;
  }
}

function completeItems(items: ListItems, values: JsonValue[]): ListItems {
  switch (items.kind) {
    case 'strings':
      return items;
    case 'field':
      // Each item is the value of the one field, so the items themselves are its values.
      return { ...items, field: completeField(items.field, values, values.length) };
    case 'fields':
      return { ...items, fields: completeFields(items.fields, values.filter(isObject)) };
    case 'types': {
      const objects = values.filter(isObject);
      const types = items.types.map((type) => ({
        ...type,
        fields: completeFields(
          type.fields,
          objects.filter((object) => object[items.typeKey] === type.name),
        ),
      }));
      return { ...items, types };
    }
  }
}

function customEditor(
  field: SchemaField & { widget: 'custom' },
  values: JsonValue[],
  parentCount: number,
): SchemaField | null {
  if (values.every((value) => value === null)) return field.editor;
  // A custom picker is a choice among known values: list items are offered whole, so no per-key selects.
  const suggestions = recurringItems(values.filter(Array.isArray), 1).filter(isObject);
  const inferred = inferFieldFromValues(field.name, values, parentCount, { selects: suggestions.length === 0 });
  const editor: SchemaField = { ...inferred, label: field.label, required: field.required };
  if (editor.widget !== 'list' || editor.items.kind !== 'fields') return editor;
  // Offer every item seen, not only those recurring across entries: picking beats retyping an opaque id.
  return suggestions.length > 0 ? { ...editor, suggestions } : editor;
}

/**
 * The form's fields for one entry: the collection's fields, then a field inferred for every key the
 * entry has that the schema does not name (also inside objects and list items), so nothing in the
 * file is hidden from the form.
 */
export function fieldsForEntry(collectionFields: SchemaField[], data: FrontMatterData): SchemaField[] {
  const known = new Set(collectionFields.map((field) => field.name));
  const withNested = collectionFields.map((field) =>
    field.name in data ? extendField(field, data[field.name] as JsonValue) : field,
  );
  const extra = Object.keys(data)
    .filter((key) => !known.has(key))
    .map((key) => inferFieldFromValues(key, [data[key] as JsonValue]));
  return [...withNested, ...extra];
}

function extendField(field: SchemaField, value: JsonValue): SchemaField {
  if (field.widget === 'object' && isObject(value)) return { ...field, fields: fieldsForEntry(field.fields, value) };
  if (field.widget === 'custom' && field.editor === null && value !== null) {
    return { ...field, editor: { ...inferFieldFromValues(field.name, [value]), label: field.label } };
  }
  if (field.widget === 'list' && field.items.kind === 'fields' && Array.isArray(value)) {
    // Keys any item has beyond the schema become extra item fields, shared by all items.
    const items = value.filter(isObject);
    const union: FrontMatterData = {};
    for (const item of items)
      for (const [key, itemValue] of Object.entries(item)) if (!(key in union)) union[key] = itemValue;
    const schemaFields = field.items.fields;
    const fields = fieldsForEntry(schemaFields, union);
    return fields.length === schemaFields.length && fields.every((f, i) => f === schemaFields[i])
      ? field
      : { ...field, items: { kind: 'fields', fields } };
  }
  return field;
}

function relativeTo(folder: string, path: string): string {
  const clean = path.replace(/^\/+/, '');
  return folder !== '' && clean.startsWith(`${folder}/`) ? clean.slice(folder.length + 1) : clean;
}

function extensionOf(path: string): string {
  const name = path.split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

// The most frequent value; ties go to the first seen.
function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  return best;
}
