/** A yes/no field: a checkbox with its label beside it. */
import type { FieldProps } from '../field-props';
import { useFieldIds } from '../field-props';

/** Edits a boolean. */
export function BooleanField({ spec, value, onChange, contextId }: FieldProps<'boolean'>) {
  const { id, labelId, labelledBy } = useFieldIds(contextId);
  return (
    <div className="field field--inline">
      <input id={id} type="checkbox" className="checkbox" aria-labelledby={labelledBy} checked={value === true} onChange={(event) => onChange(event.target.checked)} />
      <label className="field__label" id={labelId} htmlFor={id}>
        {spec.label}
      </label>
    </div>
  );
}
