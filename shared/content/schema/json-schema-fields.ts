/**
 * JSON Schema → SchemaField, for Front Matter CMS data types (`frontMatter.data.types`, each
 * `{ id, schema }`). Only the shapes a form can edit are mapped: strings (with `enum` and date
 * formats), numbers, integers, booleans, lists of strings or of objects, and nested objects. Any
 * other shape is kept read-only, so a record's value is never lost.
 */
import { toJsonValue } from '../json-values';
import {
  type ConfigPath,
  type RawObject,
  isRawObject,
  own,
  readNumber,
  readString,
  readStringList,
  withBounds,
} from './config-values';
import type { ConfigProblem, FieldCommon, SchemaField, SelectOption } from './types';

/** Where JSON Schema problems are reported, and how fields are named in messages. */
export interface JsonSchemaContext {
  report(path: ConfigPath, severity: ConfigProblem['severity'], message: string): void;
}

/**
 * The fields of an object schema (`properties`, `required`), in property order. `where` names the
 * schema in problem messages (`Data type "contact"`).
 */
export function fieldsFromObjectSchema(
  schema: unknown,
  path: ConfigPath,
  where: string,
  ctx: JsonSchemaContext,
): SchemaField[] {
  if (!isRawObject(schema)) {
    ctx.report(path, 'error', `${where}: "schema" should be a JSON Schema object with "properties".`);
    return [];
  }
  const properties = own(schema, 'properties');
  if (!isRawObject(properties)) {
    ctx.report(path, 'error', `${where}: the schema has no "properties", so its records have no fields.`);
    return [];
  }
  const required = new Set(readStringList(own(schema, 'required')));
  return Object.entries(properties).map(([name, property]) =>
    fieldFromSchema(
      name,
      property,
      required.has(name),
      [...path, 'properties', name],
      `${where}, property "${name}"`,
      ctx,
    ),
  );
}

function fieldFromSchema(
  name: string,
  raw: unknown,
  required: boolean,
  path: ConfigPath,
  where: string,
  ctx: JsonSchemaContext,
): SchemaField {
  const schema: RawObject = isRawObject(raw) ? raw : {};
  const common = commonOf(name, schema, required);
  const options = enumOptions(own(schema, 'enum'));
  if (options) return { ...common, widget: 'select', options, multiple: false };
  const type = readString(own(schema, 'type'));
  switch (type) {
    case 'string': {
      const format = readString(own(schema, 'format'));
      if (format === 'date-time') return { ...common, widget: 'datetime', pickerUtc: false };
      if (format === 'date') return { ...common, widget: 'date' };
      return { ...common, widget: 'string' };
    }
    case 'number':
    case 'integer':
      return withBounds(
        { ...common, widget: 'number', valueType: type === 'integer' ? 'int' : 'float' },
        readNumber(own(schema, 'minimum')),
        readNumber(own(schema, 'maximum')),
      );
    case 'boolean':
      return { ...common, widget: 'boolean' };
    case 'object':
      return {
        ...common,
        widget: 'object',
        fields: fieldsFromObjectSchema(schema, path, where, ctx),
        collapsed: false,
      };
    case 'array':
      return arrayField(common, own(schema, 'items'), [...path, 'items'], where, ctx);
    default:
      ctx.report(
        path,
        'warning',
        `${where}: type "${type ?? '(none)'}" has no editor; its values are shown and kept as they are.`,
      );
      return { ...common, widget: 'kept' };
  }
}

function arrayField(
  common: FieldCommon,
  rawItems: unknown,
  path: ConfigPath,
  where: string,
  ctx: JsonSchemaContext,
): SchemaField {
  const items: RawObject = isRawObject(rawItems) ? rawItems : {};
  const options = enumOptions(own(items, 'enum'));
  if (options) return { ...common, widget: 'select', options, multiple: true };
  const type = readString(own(items, 'type'));
  const list = { ...common, widget: 'list' as const, allowAdd: true, collapsed: false };
  if (type === 'string') return { ...list, items: { kind: 'strings' } };
  if (type === 'object')
    return {
      ...list,
      collapsed: true,
      items: { kind: 'fields', fields: fieldsFromObjectSchema(items, path, where, ctx) },
    };
  ctx.report(
    path,
    'warning',
    `${where}: a list of "${type ?? '(unspecified)'}" items has no editor; its values are shown and kept as they are.`,
  );
  return { ...common, widget: 'kept' };
}

// JSON Schema fields are optional unless the object lists them in `required`.
function commonOf(name: string, schema: RawObject, required: boolean): FieldCommon {
  const common: FieldCommon = { name, label: readString(own(schema, 'title')) ?? name, required };
  const hint = readString(own(schema, 'description'));
  if (hint !== undefined) common.hint = hint;
  const fallback = own(schema, 'default');
  if (fallback !== undefined) common.default = toJsonValue(fallback);
  return common;
}

/** An `enum` of scalars as select options, or null when there is none. */
function enumOptions(raw: unknown): SelectOption[] | null {
  if (!Array.isArray(raw)) return null;
  const values = raw.filter((value): value is string | number | boolean =>
    ['string', 'number', 'boolean'].includes(typeof value),
  );
  return values.length > 0 ? values.map((value) => ({ label: String(value), value })) : null;
}
