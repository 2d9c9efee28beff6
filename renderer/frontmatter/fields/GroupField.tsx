/**
 * A nested object (e.g. `seo`) as a collapsible fieldset named by its label. Edits replace one key
 * in a copy of the object, so keys this form does not show are kept.
 */
import { useState } from 'react';
import { isObject } from '../../../shared/content/fields';
import { Icon } from '../../app/icons';
import { FieldControl } from '../FieldControl';
import type { FieldProps } from '../field-props';
import { useFieldIds } from '../field-props';

/** Edits a nested object. */
export function GroupField({ spec, value, onChange }: FieldProps<'group'>) {
  const { id, labelId } = useFieldIds(undefined);
  const [open, setOpen] = useState(true);
  const object = isObject(value) ? value : {};
  return (
    <fieldset className="group" aria-labelledby={labelId}>
      <legend className="group__legend">
        <button type="button" id={labelId} className="group__toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          <Icon name={open ? 'down' : 'right'} />
          {spec.label}
        </button>
      </legend>
      <div id={`${id}-body`} className="group__body" hidden={!open}>
        {spec.fields.map((field) =>
          field.key in object ? (
            <FieldControl
              key={field.key}
              spec={field}
              value={object[field.key] ?? null}
              contextId={labelId}
              onChange={(next) => onChange({ ...object, [field.key]: next })}
            />
          ) : null,
        )}
      </div>
    </fieldset>
  );
}
