/**
 * A nested object (Decap `object`, e.g. `seo`) as a fieldset whose legend is a disclosure button.
 * Its fields are named in context ("SEO Title"). Keys the schema does not list are kept.
 */
import { useState } from 'react';
import { isObject } from '../../../shared/content/fields';
import { Icon } from '../../app/icons';
import type { FieldProps } from '../field-props';
import { useIssueCountWithin } from '../form-context';
import { FieldNotes, HiddenIssues, RequiredMark, useFieldFrame } from './FieldFrame';
import { ObjectFields } from './ObjectFields';

/** Edits a nested object. */
export function ObjectField({ field, value, onChange, path }: FieldProps<'object'>) {
  // A group is named by its own label only: nesting "Post SEO Social Title" would drown the field.
  const frame = useFieldFrame(field, path, undefined);
  const [open, setOpen] = useState(!field.collapsed);
  const object = isObject(value) ? value : {};
  const inside = useIssueCountWithin(path);
  const bodyId = `${frame.id}-body`;
  return (
    <fieldset
      className={frame.invalid ? 'group group--invalid' : 'group'}
      aria-labelledby={frame.labelId}
      aria-describedby={frame.describedBy()}
      aria-required={field.required || undefined}
    >
      <legend className="group__legend">
        <button
          type="button"
          id={frame.labelId}
          className="group__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          <Icon name={open ? 'down' : 'right'} />
          {field.label}
        </button>
        <RequiredMark field={field} />
        {!open && <HiddenIssues count={inside} />}
      </legend>
      <FieldNotes field={field} frame={frame} />
      <div id={bodyId} className="group__body" hidden={!open}>
        <ObjectFields fields={field.fields} object={object} path={path} contextId={frame.labelId} onChange={onChange} />
      </div>
    </fieldset>
  );
}
