/** A number field. Half-typed input ("", "-") stays in the box without reaching the front matter. */
import { useDraft, useFieldIds, type FieldProps } from '../field-props';
import { LabelledField } from './LabelledField';

/** Edits a finite number. */
export function NumberField({ spec, value, onChange, contextId }: FieldProps<'number'>) {
  const { id, labelId, labelledBy } = useFieldIds(contextId);
  const { draft, setDraft, markSaved } = useDraft(value, String);
  const invalid = draft.trim() === '' || !Number.isFinite(Number(draft));
  return (
    <LabelledField id={id} labelId={labelId} label={spec.label}>
      <input
        id={id}
        className="input input--number"
        type="number"
        aria-labelledby={labelledBy}
        aria-invalid={invalid || undefined}
        value={draft}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          const number = Number(text);
          if (text.trim() !== '' && Number.isFinite(number)) {
            markSaved(number);
            onChange(number);
          }
        }}
      />
      {invalid && <p className="field__error">Enter a number; the saved value stays {String(value)} until then.</p>}
    </LabelledField>
  );
}
