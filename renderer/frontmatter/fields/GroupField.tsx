/**
 * A nested object (e.g. `seo`) as a collapsible fieldset named by its label. Edits replace one key
 * in a copy of the object, so keys this form does not show are kept.
 */
import { useState } from 'react';
import { isObject } from '../../../shared/content/fields';
import { Icon } from '../../app/icons';
import type { FieldProps } from '../field-props';
import { useFieldIds } from '../field-props';
import { ObjectFields } from './ObjectFields';

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
        <ObjectFields fields={spec.fields} object={object} contextId={labelId} onChange={onChange} />
      </div>
    </fieldset>
  );
}
