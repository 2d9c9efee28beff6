/** The values a new list item starts with: the schema's defaults, else empty text and false. */
import type { FrontMatterData, JsonValue } from '../../shared/api';
import type { SchemaField } from '../../shared/content/schema/types';

/** A new value for `field`: its default, '' for text-like widgets, false for booleans; null otherwise. */
export function newValueFor(field: SchemaField): JsonValue {
  if (field.default !== undefined) return field.default;
  switch (field.widget) {
    case 'string':
    case 'text':
    case 'markdown':
      return '';
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/**
 * A new object for `fields`. Only keys with a starting value are written: an empty number, list or
 * date would otherwise land in the file as `null` before the writer typed anything.
 */
export function newObjectFor(fields: readonly SchemaField[]): FrontMatterData {
  const object: FrontMatterData = {};
  for (const field of fields) {
    const value = newValueFor(field);
    if (value !== null) object[field.name] = value;
  }
  return object;
}
