/**
 * The fields of one object (the whole front matter, a group, or one list item). An edit replaces
 * one key in a copy of the object, so keys the schema does not list are kept, in their order; a
 * key set for the first time goes among its schema neighbours.
 */
import type { FrontMatterData } from '../../../shared/api';
import type { SchemaField } from '../../../shared/content/schema/types';
import { FieldControl } from '../FieldControl';
import { withField } from '../field-order';
import type { FieldPath } from '../field-props';

/** A control for each of `fields`; `contextId` names the object in each control's name. */
export function ObjectFields({
  fields,
  object,
  path,
  contextId,
  onChange,
}: {
  fields: readonly SchemaField[];
  object: FrontMatterData;
  path: FieldPath;
  contextId?: string;
  onChange: (next: FrontMatterData) => void;
}) {
  return fields.map((field) => (
    <FieldControl
      key={field.name}
      field={field}
      value={object[field.name]}
      path={[...path, field.name]}
      contextId={contextId}
      onChange={(next) => onChange(withField(object, fields, field.name, next))}
    />
  ));
}
