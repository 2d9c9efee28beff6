/**
 * A number field honouring the schema's whole-or-decimal type and its limits. Half-typed input
 * ("", "-") stays in the box without reaching the front matter.
 */
import { useDraft, type FieldProps } from '../field-props';
import { FieldFrame, useFieldFrame } from './FieldFrame';

/** Edits a finite number. */
export function NumberField({ field, value, onChange, path, contextId }: FieldProps<'number'>) {
  const frame = useFieldFrame(field, path, contextId);
  const { draft, setDraft, markSaved } = useDraft(value, (saved) =>
    saved === undefined || saved === null ? '' : String(saved),
  );
  const unfinished = draft.trim() !== '' && !Number.isFinite(Number(draft));
  const draftId = `${frame.id}-draft`;
  return (
    <FieldFrame field={field} frame={frame}>
      <input
        {...frame.aria(unfinished ? draftId : undefined)}
        aria-invalid={frame.invalid || unfinished || undefined}
        className="input input--number"
        type="number"
        inputMode={field.valueType === 'int' ? 'numeric' : 'decimal'}
        min={field.min}
        max={field.max}
        step={field.step ?? (field.valueType === 'int' ? 1 : 'any')}
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
      {unfinished && (
        <p className="field__issue field__issue--error" id={draftId}>
          Enter a number; the saved value stays {String(value ?? 'empty')} until then.
        </p>
      )}
    </FieldFrame>
  );
}
