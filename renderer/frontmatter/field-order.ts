/**
 * Where a field the writer fills in for the first time goes in the front matter: next to its
 * neighbours in the schema, as the CMS that wrote the file would have put it, rather than last.
 * The save path keeps that order in the file (new keys go after the key before them).
 */
import type { FrontMatterData, JsonValue } from '../../shared/api';
import type { SchemaField } from '../../shared/content/schema/types';

/** `object` with `name` set to `value`: in place when the key exists, else after its nearest schema neighbour present. */
export function withField(
  object: FrontMatterData,
  fields: readonly SchemaField[],
  name: string,
  value: JsonValue,
): FrontMatterData {
  if (Object.prototype.hasOwnProperty.call(object, name)) return { ...object, [name]: value };
  const entries = Object.entries(object);
  const at = fields.findIndex((field) => field.name === name);
  const present = (field: SchemaField | undefined) =>
    field !== undefined && Object.prototype.hasOwnProperty.call(object, field.name);
  const before = fields.slice(0, Math.max(at, 0)).findLast(present);
  const after = at < 0 ? undefined : fields.slice(at + 1).find(present);
  const index = before
    ? entries.findIndex(([key]) => key === before.name) + 1
    : after
      ? entries.findIndex(([key]) => key === after.name)
      : entries.length;
  entries.splice(index, 0, [name, value]);
  return Object.fromEntries(entries);
}
