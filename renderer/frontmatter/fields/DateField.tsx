/**
 * A date or date-time field. Zoned times are shown in the writer's local time and written back in
 * the file's own shape (`Z`, offset, seconds, milliseconds), so an edit changes only the value.
 */
import { dateFromInputValue, dateToInputValue, parseDateString } from '../../../shared/content/fields';
import { useDraft, useFieldIds, type FieldProps } from '../field-props';
import { LabelledField } from './LabelledField';

/** Edits an ISO-like date string. */
export function DateField({ spec, value, onChange, contextId }: FieldProps<'date'>) {
  const { id, labelId, labelledBy } = useFieldIds(contextId);
  const text = typeof value === 'string' ? value : '';
  const { draft, setDraft, markSaved } = useDraft(text, dateToInputValue);
  const pattern = parseDateString(text);
  const zoned = pattern?.time?.offsetMinutes != null;
  const hintId = `${id}-hint`;
  return (
    <LabelledField id={id} labelId={labelId} label={spec.label}>
      <input
        id={id}
        className="input"
        type={spec.withTime ? 'datetime-local' : 'date'}
        step={spec.withTime && pattern?.time?.seconds != null ? 1 : undefined}
        aria-labelledby={labelledBy}
        aria-describedby={spec.withTime ? hintId : undefined}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          const next = dateFromInputValue(event.target.value, text);
          // An empty or half-typed date keeps the saved value rather than erasing it.
          if (next !== null && next !== text) {
            markSaved(next);
            onChange(next);
          }
        }}
      />
      {/* A time is shown converted to local time, so say so and show what the file will hold. */}
      {spec.withTime && (
        <p className="field__hint" id={hintId}>
          {zoned ? 'Your local time. ' : ''}Saved as <code>{text}</code>
        </p>
      )}
    </LabelledField>
  );
}
