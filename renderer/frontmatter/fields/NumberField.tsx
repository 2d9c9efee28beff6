/** A number field. Half-typed input ("", "-") stays in the box without reaching the front matter. */
import { useState } from 'react';
import type { FieldProps } from '../field-props';
import { useFieldIds } from '../field-props';

/** Edits a finite number. */
export function NumberField({ spec, value, onChange, contextId }: FieldProps<'number'>) {
  const { id, labelId, labelledBy } = useFieldIds(contextId);
  const [draft, setDraft] = useState(String(value));
  const [seen, setSeen] = useState(value);
  // Follow values changed from outside (e.g. a list reorder) without fighting the writer's typing.
  if (seen !== value) {
    setSeen(value);
    setDraft(String(value));
  }
  const invalid = draft.trim() === '' || !Number.isFinite(Number(draft));
  return (
    <div className="field">
      <label className="field__label" id={labelId} htmlFor={id}>
        {spec.label}
      </label>
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
            setSeen(number);
            onChange(number);
          }
        }}
      />
      {invalid && <p className="field__error">Enter a number; the saved value stays {String(value)} until then.</p>}
    </div>
  );
}
