/**
 * Decap CMS field definitions → SchemaField. One function per concern: the options every widget
 * shares, then a switch over the widget name. Unknown widgets become `custom` fields (the site
 * registered them itself) so their values stay editable; nothing in a config throws.
 */
import { toJsonValue } from '../json-values';
import {
  degradedRelation,
  describe,
  isRawObject,
  own,
  ownAny,
  readBoolean,
  readFieldList,
  readNumber,
  readString,
  readStringList,
  regexError,
  withBounds,
  type ConfigPath,
  type RawObject,
} from './config-values';
import type { ConfigProblem, FieldCommon, ListItems, SchemaField, SelectOption } from './types';
import { collectionId } from '../collection-ids';

/** What field reading needs from the collection reader: where to report, and which collections exist. */
export interface DecapFieldContext {
  report(path: ConfigPath, severity: ConfigProblem['severity'], message: string): void;
  /** Collection names → the file names of a file collection, or null for a folder collection. */
  collections: ReadonlyMap<string, ReadonlySet<string> | null>;
}

/** Reads a `fields:` list. `owner` names the collection (and file) in problem messages. */
export function readDecapFields(
  raw: unknown,
  path: ConfigPath,
  owner: string,
  ctx: DecapFieldContext,
  parents: string[] = [],
): SchemaField[] {
  return readFieldList(
    raw,
    path,
    owner,
    parents,
    (...args) => ctx.report(...args),
    (item, itemPath) => readDecapField(item, itemPath, owner, ctx, parents),
    (itemPath) => [...itemPath, 'name'],
  );
}

/** Reads one field definition, or returns null (after reporting) when it has no usable name. */
export function readDecapField(
  raw: unknown,
  path: ConfigPath,
  owner: string,
  ctx: DecapFieldContext,
  parents: string[] = [],
): SchemaField | null {
  if (!isRawObject(raw)) {
    ctx.report(path, 'error', `${owner}: a field should be a mapping with at least a "name".`);
    return null;
  }
  const name = readString(own(raw, 'name'));
  if (name === undefined) {
    ctx.report(path, 'error', `${owner}: a field has no "name", so it cannot be edited.`);
    return null;
  }
  const where = describe(owner, [...parents, name]);
  const common = readCommon(raw, name, path, where, ctx);
  const widget = readString(own(raw, 'widget')) ?? 'string';
  const nested = (key: string): SchemaField[] =>
    readDecapFields(own(raw, key), [...path, key], owner, ctx, [...parents, name]);
  const min = readNumber(own(raw, 'min'));
  const max = readNumber(own(raw, 'max'));

  switch (widget) {
    case 'string':
    case 'text':
    case 'markdown':
    case 'boolean':
    case 'hidden':
      return { ...common, widget };
    case 'datetime': {
      const field: SchemaField = {
        ...common,
        widget: 'datetime',
        pickerUtc: readBoolean(ownAny(raw, 'picker_utc', 'pickerUtc'), false),
      };
      const format = readString(own(raw, 'format'));
      const dateFormat = ownAny(raw, 'date_format', 'dateFormat');
      const timeFormat = ownAny(raw, 'time_format', 'timeFormat');
      if (format !== undefined) field.format = format;
      if (typeof dateFormat === 'string' || typeof dateFormat === 'boolean') field.dateFormat = dateFormat;
      if (typeof timeFormat === 'string' || typeof timeFormat === 'boolean') field.timeFormat = timeFormat;
      return field;
    }
    case 'date': {
      const format = readString(own(raw, 'format'));
      return format === undefined ? { ...common, widget: 'date' } : { ...common, widget: 'date', format };
    }
    case 'number': {
      const valueType = readString(ownAny(raw, 'value_type', 'valueType'));
      if (valueType !== undefined && valueType !== 'int' && valueType !== 'float') {
        ctx.report(
          [...path, 'value_type'],
          'warning',
          `${where}: value_type "${valueType}" is not "int" or "float"; numbers are kept as written.`,
        );
      }
      // Decap saves a string when value_type is missing; 'float' keeps any number the writer types.
      const field: SchemaField = { ...common, widget: 'number', valueType: valueType === 'int' ? 'int' : 'float' };
      const step = readNumber(own(raw, 'step'));
      if (step !== undefined) field.step = step;
      return withBounds(field, min, max);
    }
    case 'select':
      return withBounds(
        {
          ...common,
          widget: 'select',
          options: readOptions(own(raw, 'options'), [...path, 'options'], where, ctx),
          multiple: readBoolean(own(raw, 'multiple'), false),
        },
        min,
        max,
      );
    case 'relation':
      return readRelation(raw, common, path, where, ctx, min, max);
    case 'list':
      return withBounds(
        {
          ...common,
          widget: 'list',
          items: readListItems(raw, path, owner, ctx, [...parents, name]),
          allowAdd: readBoolean(ownAny(raw, 'allow_add', 'allowAdd'), true),
          // Decap collapses list items unless told otherwise.
          collapsed: readBoolean(own(raw, 'collapsed'), true),
        },
        min,
        max,
      );
    case 'object':
      return {
        ...common,
        widget: 'object',
        fields: nested('fields'),
        collapsed: readBoolean(own(raw, 'collapsed'), false),
      };
    case 'image':
    case 'file': {
      const folders: { mediaFolder?: string; publicFolder?: string } = {};
      // '' is kept: an empty media_folder means beside the entry.
      const rawMedia = own(raw, 'media_folder');
      const rawPublic = own(raw, 'public_folder');
      const mediaFolder = typeof rawMedia === 'string' ? rawMedia : readString(rawMedia);
      const publicFolder = typeof rawPublic === 'string' ? rawPublic : readString(rawPublic);
      if (mediaFolder !== undefined) folders.mediaFolder = mediaFolder;
      if (publicFolder !== undefined) folders.publicFolder = publicFolder;
      return { ...common, widget, ...folders };
    }
    case 'code': {
      const language = readString(ownAny(raw, 'default_language', 'defaultLanguage'));
      return language === undefined ? { ...common, widget: 'code' } : { ...common, widget: 'code', language };
    }
    case 'color':
      return {
        ...common,
        widget: 'color',
        allowInput: readBoolean(ownAny(raw, 'allowInput', 'allow_input'), false),
        enableAlpha: readBoolean(ownAny(raw, 'enableAlpha', 'enable_alpha'), false),
      };
    case 'map': {
      const type = readString(own(raw, 'type')) ?? 'Point';
      if (type !== 'Point' && type !== 'LineString' && type !== 'Polygon') {
        ctx.report(
          [...path, 'type'],
          'warning',
          `${where}: map type "${type}" is not Point, LineString or Polygon; Point is used.`,
        );
        return { ...common, widget: 'map', geometry: 'Point' };
      }
      return { ...common, widget: 'map', geometry: type };
    }
    default:
      // A widget the site registered in its own CMS build; another pass learns an editor from the data.
      return { ...common, widget: 'custom', customWidget: widget, editor: null };
  }
}

/** The options every widget shares: label, required, default, hint, pattern, i18n. */
function readCommon(
  raw: RawObject,
  name: string,
  path: ConfigPath,
  where: string,
  ctx: DecapFieldContext,
): FieldCommon {
  // Decap's fields are required unless the config says `required: false`.
  const common: FieldCommon = {
    name,
    label: readString(own(raw, 'label')) ?? name,
    required: readBoolean(own(raw, 'required'), true),
  };
  const fallback = own(raw, 'default');
  if (fallback !== undefined) common.default = toJsonValue(fallback);
  const hint = readString(own(raw, 'hint'));
  if (hint !== undefined) common.hint = hint;
  const i18n = own(raw, 'i18n');
  if (typeof i18n === 'boolean' || i18n === 'translate' || i18n === 'duplicate' || i18n === 'none') common.i18n = i18n;
  const pattern = own(raw, 'pattern');
  if (pattern !== undefined) {
    const [regex, message] = Array.isArray(pattern)
      ? [readString(pattern[0]), readString(pattern[1])]
      : [readString(pattern), undefined];
    const problem = regex === undefined ? 'it should be [regex, message]' : regexError(regex);
    if (regex === undefined || problem !== null) {
      ctx.report(
        [...path, 'pattern'],
        'error',
        `${where}: pattern is not a valid regular expression (${problem}); the field is not checked against it.`,
      );
    } else {
      common.pattern = { regex, message: message ?? `Must match ${regex}.` };
    }
  }
  return common;
}

/** Select options: plain strings or `{label, value}` mappings. */
function readOptions(raw: unknown, path: ConfigPath, where: string, ctx: DecapFieldContext): SelectOption[] {
  if (!Array.isArray(raw)) {
    ctx.report(path, 'error', `${where}: a select needs a list of "options".`);
    return [];
  }
  const options: SelectOption[] = [];
  raw.forEach((item, index) => {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
      options.push({ label: String(item), value: item });
    } else if (isRawObject(item) && ['string', 'number', 'boolean'].includes(typeof own(item, 'value'))) {
      const value = own(item, 'value') as string | number | boolean;
      options.push({ label: readString(own(item, 'label')) ?? String(value), value });
    } else {
      ctx.report(
        [...path, index],
        'warning',
        `${where}: option ${index + 1} is neither a string nor {label, value}; it is skipped.`,
      );
    }
  });
  return options;
}

/** A relation, checked against the collections the config defines; unknown targets degrade to text. */
function readRelation(
  raw: RawObject,
  common: FieldCommon,
  path: ConfigPath,
  where: string,
  ctx: DecapFieldContext,
  min?: number,
  max?: number,
): SchemaField {
  const collection = readString(own(raw, 'collection')) ?? '';
  const file = readString(own(raw, 'file'));
  const valueField = readString(ownAny(raw, 'value_field', 'valueField')) ?? '';
  const searchFields = readStringList(ownAny(raw, 'search_fields', 'searchFields'));
  const displayFields = readStringList(ownAny(raw, 'display_fields', 'displayFields'));
  const field: SchemaField = {
    ...common,
    widget: 'relation',
    collection: collectionId(collection),
    valueField,
    searchFields: searchFields.length > 0 ? searchFields : [valueField],
    // Decap shows the value field when no display fields are given.
    displayFields: displayFields.length > 0 ? displayFields : [valueField],
    multiple: readBoolean(own(raw, 'multiple'), false),
  };
  if (file !== undefined) field.file = file;
  withBounds(field, min, max);
  const target = ctx.collections.get(collection);
  const edited = field.multiple ? 'edited as a list of plain text values' : 'edited as plain text';
  if (collection === '' || valueField === '') {
    ctx.report(path, 'error', `${where}: a relation needs "collection" and "value_field"; the field is ${edited}.`);
    return degradedRelation(field);
  }
  if (target === undefined) {
    ctx.report(
      [...path, 'collection'],
      'error',
      `${where}: relation points to collection "${collection}", which the config does not define; the field is ${edited}.`,
    );
    return degradedRelation(field);
  }
  if (file !== undefined && (target === null || !target.has(file))) {
    const why =
      target === null
        ? `"${collection}" is a folder collection, not a file collection`
        : `collection "${collection}" has no file named "${file}"`;
    ctx.report(
      [...path, 'file'],
      'error',
      `${where}: relation points to file "${file}", but ${why}; the field is ${edited}.`,
    );
    return degradedRelation(field);
  }
  if (file === undefined && target !== null) {
    ctx.report(
      [...path, 'collection'],
      'error',
      `${where}: relation points to file collection "${collection}" without naming one of its files; the field is ${edited}.`,
    );
    return degradedRelation(field);
  }
  return field;
}

/** The items of a list: strings, one `field`, a set of `fields`, or typed objects (`types`). */
function readListItems(
  raw: RawObject,
  path: ConfigPath,
  owner: string,
  ctx: DecapFieldContext,
  parents: string[],
): ListItems {
  const types = own(raw, 'types');
  if (Array.isArray(types)) {
    const typeKey = readString(ownAny(raw, 'typeKey', 'type_key')) ?? 'type';
    const result: { name: string; label: string; fields: SchemaField[] }[] = [];
    types.forEach((item, index) => {
      const name = isRawObject(item) ? readString(own(item, 'name')) : undefined;
      if (!isRawObject(item) || name === undefined) {
        ctx.report(
          [...path, 'types', index],
          'error',
          `${describe(owner, parents)}: list type ${index + 1} has no "name"; it is skipped.`,
        );
        return;
      }
      const fields = readDecapFields(own(item, 'fields'), [...path, 'types', index, 'fields'], owner, ctx, [
        ...parents,
        name,
      ]);
      result.push({ name, label: readString(own(item, 'label')) ?? name, fields });
    });
    return { kind: 'types', typeKey, types: result };
  }
  const single = own(raw, 'field');
  if (single !== undefined) {
    const field = readDecapField(single, [...path, 'field'], owner, ctx, parents);
    return field ? { kind: 'field', field } : { kind: 'strings' };
  }
  const fields = own(raw, 'fields');
  if (fields !== undefined)
    return { kind: 'fields', fields: readDecapFields(fields, [...path, 'fields'], owner, ctx, parents) };
  return { kind: 'strings' };
}

/** `Collection "posts", field "seo.title"`: how messages name a field. */
