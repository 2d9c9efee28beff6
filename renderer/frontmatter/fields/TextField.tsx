/** A text field: a one-line input, or a growing textarea for long or multi-line text. */
import type { FieldProps } from '../field-props';
import { useFieldIds } from '../field-props';
import { LabelledField } from './LabelledField';

/** Edits a string. */
export function TextField({ spec, value, onChange, contextId }: FieldProps<'text'>) {
  const { id, labelId, labelledBy } = useFieldIds(contextId);
  const text = typeof value === 'string' ? value : '';
  return (
    <LabelledField id={id} labelId={labelId} label={spec.label}>
      {spec.multiline ? (
        <textarea id={id} className="input" aria-labelledby={labelledBy} value={text} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input id={id} className="input" type="text" aria-labelledby={labelledBy} value={text} onChange={(event) => onChange(event.target.value)} />
      )}
    </LabelledField>
  );
}
