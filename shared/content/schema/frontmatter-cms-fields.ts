/**
 * Front Matter CMS content-type fields → SchemaField. Front Matter's fields are optional unless
 * `isRequired`, use `title`/`description` for label/hint, and name their kind with `type`.
 * Unknown types become `custom` fields so their values stay editable.
 */
import { toJsonValue } from '../json-values';
import {
  commonOf,
  degradedRelation,
  describe,
  isRawObject,
  own,
  readBoolean,
  readFieldList,
  readNumber,
  readString,
  withBounds,
  type ConfigPath,
  type RawObject,
} from './config-values';
import { fieldsFromObjectSchema } from './json-schema-fields';
import type { ConfigProblem, FieldCommon, ListItems, SchemaField, SelectOption } from './types';
import { collectionId } from '../collection-ids';

/** What field reading needs from the config reader. */
export interface FmFieldContext {
  report(path: ConfigPath, severity: ConfigProblem['severity'], message: string): void;
  /** Taxonomy values by id: `tags`, `categories`, and custom taxonomies. */
  taxonomies: ReadonlyMap<string, string[]>;
  /** Field groups (`frontMatter.taxonomy.fieldGroups`) by id, as raw field lists with their config paths. */
  fieldGroups: ReadonlyMap<string, { fields: unknown; path: ConfigPath }>;
  /** Data types (`frontMatter.data.types`) by id: each a JSON Schema with its config path. */
  dataTypes: ReadonlyMap<string, { schema: unknown; path: ConfigPath }>;
  /** The collection that holds entries of a content type, by content type name. */
  collectionOfContentType(name: string): string | undefined;
}

// Front Matter types that only decorate the panel and store no value.
const DECORATIONS = new Set(['divider', 'heading']);

/** Reads a content type's `fields` list; `owner` names the content type in messages. */
export function readFmFields(
  raw: unknown,
  path: ConfigPath,
  owner: string,
  ctx: FmFieldContext,
  parents: string[] = [],
): SchemaField[] {
  return readFieldList(
    raw,
    path,
    owner,
    parents,
    (...args) => ctx.report(...args),
    (item, itemPath) => readFmField(item, itemPath, owner, ctx, parents),
  );
}

/** One field, or null for decorations (divider, heading) and fields without a name. */
function readFmField(
  raw: unknown,
  path: ConfigPath,
  owner: string,
  ctx: FmFieldContext,
  parents: string[] = [],
): SchemaField | null {
  if (!isRawObject(raw)) {
    ctx.report(path, 'error', `${owner}: a field should be an object with "name" and "type".`);
    return null;
  }
  const type = readString(own(raw, 'type')) ?? 'string';
  if (DECORATIONS.has(type)) return null;
  const name = readString(own(raw, 'name'));
  if (name === undefined) {
    ctx.report(path, 'error', `${owner}: a "${type}" field has no "name", so it cannot be edited.`);
    return null;
  }
  const where = describe(owner, [...parents, name]);
  const common = readCommon(raw, name);
  const multiple = readBoolean(own(raw, 'multiple'), false);
  // `hidden: true` keeps the value in the file without showing it, like Decap's hidden widget.
  if (readBoolean(own(raw, 'hidden'), false)) return { ...common, widget: 'hidden' };

  switch (type) {
    case 'string':
    case 'slug':
    case 'uniqueId': {
      if (readBoolean(own(raw, 'wysiwyg'), false)) return { ...common, widget: 'markdown' };
      const multiline = readBoolean(own(raw, 'multiline'), false) || own(raw, 'single') === false;
      return { ...common, widget: multiline ? 'text' : 'string' };
    }
    case 'number': {
      const options = isRawObject(own(raw, 'numberOptions')) ? (own(raw, 'numberOptions') as RawObject) : {};
      const field: SchemaField = {
        ...common,
        widget: 'number',
        valueType: readBoolean(own(options, 'isDecimal'), false) ? 'float' : 'int',
      };
      const step = readNumber(own(options, 'step'));
      if (step !== undefined) field.step = step;
      return withBounds(field, readNumber(own(options, 'min')), readNumber(own(options, 'max')));
    }
    case 'datetime':
      return { ...common, widget: 'datetime', pickerUtc: false };
    case 'boolean':
    case 'draft':
      return { ...common, widget: 'boolean' };
    case 'image':
    case 'file':
      return many({ ...common, widget: type }, multiple);
    case 'choice':
      return {
        ...common,
        widget: 'select',
        options: readChoices(own(raw, 'choices'), [...path, 'choices'], where, ctx),
        multiple,
      };
    case 'tags':
    case 'categories':
    case 'taxonomy':
      return readTaxonomy(raw, type, common, path, where, ctx);
    case 'fields':
      return {
        ...common,
        widget: 'object',
        fields: readFmFields(own(raw, 'fields'), [...path, 'fields'], owner, ctx, [...parents, name]),
        collapsed: false,
      };
    case 'block':
    case 'list':
      return readBlock(raw, common, path, owner, ctx, [...parents, name]);
    case 'contentRelationship':
      return readRelationship(raw, common, path, where, ctx, multiple);
    case 'json':
      return readJsonRecords(raw, common, path, where, ctx);
    case 'customField':
      return { ...common, widget: 'custom', customWidget: readString(own(raw, 'customType')) ?? type, editor: null };
    default:
      return { ...common, widget: 'custom', customWidget: type, editor: null };
  }
}

/** Label, required, default, hint: the options every Front Matter field has. */
function readCommon(raw: RawObject, name: string): FieldCommon {
  const common: FieldCommon = {
    name,
    label: readString(own(raw, 'title')) ?? name,
    required: readBoolean(own(raw, 'isRequired'), false),
  };
  const fallback = own(raw, 'default');
  if (fallback !== undefined) common.default = toJsonValue(fallback);
  const hint = readString(own(raw, 'description'));
  if (hint !== undefined) common.hint = hint;
  return common;
}

/** A field that takes several values when `multiple` is set: a list of that field. */
function many(field: SchemaField, multiple: boolean): SchemaField {
  if (!multiple) return field;
  const item: SchemaField = { ...field, required: false };
  delete item.default;
  return {
    ...commonOf(field),
    widget: 'list',
    items: { kind: 'field', field: item },
    allowAdd: true,
    collapsed: false,
  };
}

/** Choices: strings, or `{id, title}` objects (the id is written, the title shown). */
function readChoices(raw: unknown, path: ConfigPath, where: string, ctx: FmFieldContext): SelectOption[] {
  if (!Array.isArray(raw)) {
    ctx.report(path, 'error', `${where}: a choice field needs a list of "choices".`);
    return [];
  }
  const options: SelectOption[] = [];
  raw.forEach((item, index) => {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
      options.push({ label: String(item), value: item });
    else if (isRawObject(item) && readString(own(item, 'id')) !== undefined) {
      const value = own(item, 'id') as string | number;
      options.push({ label: readString(own(item, 'title')) ?? String(value), value });
    } else
      ctx.report(
        [...path, index],
        'warning',
        `${where}: choice ${index + 1} is neither a string nor {id, title}; it is skipped.`,
      );
  });
  return options;
}

/** Tags, categories and custom taxonomies: a multiple select when the values are listed, else strings. */
function readTaxonomy(
  raw: RawObject,
  type: string,
  common: FieldCommon,
  path: ConfigPath,
  where: string,
  ctx: FmFieldContext,
): SchemaField {
  const id = type === 'taxonomy' ? readString(own(raw, 'taxonomyId')) : type;
  const values = id === undefined ? undefined : ctx.taxonomies.get(id);
  if (type === 'taxonomy' && values === undefined) {
    ctx.report(
      [...path, 'taxonomyId'],
      'warning',
      `${where}: taxonomy "${id ?? ''}" is not defined in frontMatter.taxonomy.customTaxonomy; any text is accepted.`,
    );
  }
  if (values === undefined || values.length === 0)
    return { ...common, widget: 'list', items: { kind: 'strings' }, allowAdd: true, collapsed: false };
  return { ...common, widget: 'select', options: values.map((value) => ({ label: value, value })), multiple: true };
}

/** Block fields: a list of objects from `fields`, or from field groups (several groups → typed items). */
function readBlock(
  raw: RawObject,
  common: FieldCommon,
  path: ConfigPath,
  owner: string,
  ctx: FmFieldContext,
  names: string[],
): SchemaField {
  const list = (items: Extract<SchemaField, { widget: 'list' }>['items']): SchemaField => ({
    ...common,
    widget: 'list',
    items,
    allowAdd: true,
    collapsed: true,
  });
  const groupIds = own(raw, 'fieldGroup');
  const ids = (Array.isArray(groupIds) ? groupIds : [groupIds])
    .map(readString)
    .filter((id): id is string => id !== undefined);
  if (ids.length > 0) {
    const types = ids.flatMap((id) => {
      const group = ctx.fieldGroups.get(id);
      if (!group) {
        ctx.report(
          [...path, 'fieldGroup'],
          'error',
          `${describe(owner, names)}: field group "${id}" is not defined in frontMatter.taxonomy.fieldGroups.`,
        );
        return [];
      }
      return [{ name: id, label: id, fields: readFmFields(group.fields, group.path, `Field group "${id}"`, ctx) }];
    });
    const [only] = types;
    // Front Matter writes `fieldGroup: <id>` into every block item to say which group it is.
    if (types.length === 1 && only) return list({ kind: 'fields', fields: only.fields });
    return list({ kind: 'types', typeKey: 'fieldGroup', types });
  }
  const fields = own(raw, 'fields');
  if (Array.isArray(fields))
    return list({ kind: 'fields', fields: readFmFields(fields, [...path, 'fields'], owner, ctx, names) });
  return list({ kind: 'strings' });
}

/**
 * A `json` field: a list of records, each naming its data type under `dataType` (Front Matter's
 * data files convention). Records of an unknown type fall back to fields inferred from their values.
 */
function readJsonRecords(
  raw: RawObject,
  common: FieldCommon,
  path: ConfigPath,
  where: string,
  ctx: FmFieldContext,
): SchemaField {
  const list = (items: ListItems): SchemaField => ({
    ...common,
    widget: 'list',
    items,
    allowAdd: true,
    collapsed: true,
  });
  const rawIds = own(raw, 'dataType');
  const ids = (Array.isArray(rawIds) ? rawIds : [rawIds])
    .map(readString)
    .filter((id): id is string => id !== undefined);
  if (ids.length === 0) {
    ctx.report(
      path,
      'warning',
      `${where}: a json field needs a "dataType" from frontMatter.data.types; its records are edited with fields inferred from their values.`,
    );
    return list({ kind: 'fields', fields: [] });
  }
  const types = ids.flatMap((id) => {
    const type = ctx.dataTypes.get(id);
    if (!type) {
      ctx.report(
        [...path, 'dataType'],
        'error',
        `${where}: data type "${id}" is not defined in frontMatter.data.types.`,
      );
      return [];
    }
    const fields = fieldsFromObjectSchema(type.schema, [...type.path, 'schema'], `Data type "${id}"`, ctx);
    const title = isRawObject(type.schema) ? readString(own(type.schema, 'title')) : undefined;
    return [{ name: id, label: title ?? id, fields }];
  });
  // With no known type, an empty item schema lets the form infer each record's fields from its keys.
  return list(types.length === 0 ? { kind: 'fields', fields: [] } : { kind: 'types', typeKey: 'dataType', types });
}

/** A relation to the collection holding `contentTypeName` entries; unknown targets degrade to text. */
function readRelationship(
  raw: RawObject,
  common: FieldCommon,
  path: ConfigPath,
  where: string,
  ctx: FmFieldContext,
  multiple: boolean,
): SchemaField {
  const contentType = readString(own(raw, 'contentTypeName')) ?? '';
  const valueKind = readString(own(raw, 'contentTypeValue')) ?? 'slug';
  const field: SchemaField = {
    ...common,
    widget: 'relation',
    collection: collectionId(ctx.collectionOfContentType(contentType) ?? contentType),
    // Front Matter stores the entry's slug (default) or its path; the `{{…}}` form names entry metadata.
    valueField: valueKind === 'path' ? '{{path}}' : '{{slug}}',
    searchFields: ['title'],
    displayFields: ['title'],
    multiple,
  };
  if (ctx.collectionOfContentType(contentType) === undefined) {
    const edited = multiple ? 'edited as a list of plain text values' : 'edited as plain text';
    ctx.report(
      [...path, 'contentTypeName'],
      'error',
      `${where}: relation points to content type "${contentType}", which no page folder uses; the field is ${edited}.`,
    );
    return degradedRelation(field);
  }
  return field;
}

/** `Content type "default", field "seo.title"`: how messages name a field. */
