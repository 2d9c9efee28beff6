/**
 * Schema fields for a post that has no content model yet, from today's per-post inference: each
 * inferred control maps to the widget that edits it. Inferred fields are never required.
 */
import type { FrontMatterData } from '../../shared/api';
import { inferFields, type FieldSpec } from '../../shared/content/fields';
import type { SchemaField } from '../../shared/content/schema/types';
import { assertNever } from '../../shared/errors';

/** The fields of `data`'s own keys, in the file's order. */
export function fieldsFromData(data: FrontMatterData): SchemaField[] {
  return inferFields(data).map(toSchemaField);
}

function toSchemaField(spec: FieldSpec): SchemaField {
  const common = { name: spec.key, label: spec.label, required: false };
  switch (spec.kind) {
    case 'text':
      return { ...common, widget: spec.multiline ? 'text' : 'string' };
    case 'date':
      return spec.withTime ? { ...common, widget: 'datetime', pickerUtc: false } : { ...common, widget: 'date' };
    case 'boolean':
      return { ...common, widget: 'boolean' };
    case 'number':
      // One post's 3 says nothing about whether 3.5 would be wrong: accept both.
      return { ...common, widget: 'number', valueType: 'float' };
    case 'group':
      return { ...common, widget: 'object', fields: spec.fields.map(toSchemaField), collapsed: false };
    case 'string-list':
      return { ...common, widget: 'list', items: { kind: 'strings' }, allowAdd: true, collapsed: false };
    case 'object-list':
      return {
        ...common,
        widget: 'list',
        // New items start with every key the existing items have, as the inferred form always did.
        items: { kind: 'fields', fields: spec.itemFields.map((item) => ({ ...toSchemaField(item), default: spec.template[item.key] })) },
        allowAdd: true,
        collapsed: false,
      };
    case 'kept':
      return { ...common, widget: 'kept' };
    default:
      return assertNever(spec);
  }
}
