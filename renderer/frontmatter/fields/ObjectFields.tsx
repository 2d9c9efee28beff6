/**
 * The fields of one object (the whole front matter, a group, or one list item). An edit replaces
 * one key in a copy of the object, so keys the schema does not list are kept, in their order; a
 * key set for the first time goes among its schema neighbours.
 */
import { Fragment } from 'react';
import type { FrontMatterData } from '../../../shared/api';
import type { SchemaField } from '../../../shared/content/schema/types';
import { withField } from '../field-order';
import { useRenderField } from '../form-context';
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
  const renderField = useRenderField();
  return fields.map((field) => (
    <Fragment key={field.name}>
      {renderField({
        field,
        value: object[field.name],
        path: [...path, field.name],
        contextId,
        onChange: (next) => onChange(withField(object, fields, field.name, next)),
      })}
    </Fragment>
  ));
}
