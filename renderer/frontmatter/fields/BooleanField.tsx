/** A yes/no field: a checkbox with its label beside it. */
import type { FieldProps } from '../field-props';
import { FieldNotes, RequiredMark, useFieldFrame } from './FieldFrame';

/** Edits a boolean. */
export function BooleanField({ field, value, onChange, path, contextId }: FieldProps<'boolean'>) {
  const frame = useFieldFrame(field, path, contextId);
  const checked = value === undefined ? field.default === true : value === true;
  return (
    <div className="field">
      <div className="field--inline">
        <input
          {...frame.aria()}
          type="checkbox"
          className="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label className="field__label" id={frame.labelId} htmlFor={frame.id}>
          {field.label}
        </label>
        <RequiredMark field={field} />
      </div>
      <FieldNotes field={field} frame={frame} />
    </div>
  );
}
