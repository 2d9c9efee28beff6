/**
 * A date or date-time field (Decap `datetime`, `date`). The browser's own date input shows it in the
 * writer's locale; the value is written back in the field's `format`, or in the file's own shape
 * (`Z`, offset, seconds, milliseconds) when there is none, so an edit changes only the date.
 */
import { dateHasSeconds, dateInputKind, fromDateInput, toDateInput } from '../../../shared/content/schema/date-format';
import { parseDateString } from '../../../shared/content/dates';
import { textOf, useDraft, type FieldProps } from '../field-props';
import { FieldFrame, useFieldFrame } from './FieldFrame';

/** Edits a date, a date-time or a time. */
export function DateTimeField({ field, value, onChange, path, contextId }: FieldProps<'datetime' | 'date'>) {
  const frame = useFieldFrame(field, path, contextId);
  const text = textOf(value);
  const kind = dateInputKind(field, text);
  const { draft, setDraft, markSaved } = useDraft(text, (saved) => toDateInput(field, saved));
  const savedId = `${frame.id}-saved`;
  const unreadable = text !== '' && toDateInput(field, text) === '';
  // Say how the shown time relates to the file, and show what the file will hold.
  const showSaved = unreadable || (text !== '' && (kind !== 'date' || field.format !== undefined));
  return (
    <FieldFrame field={field} frame={frame}>
      <input
        {...frame.aria(showSaved ? savedId : undefined)}
        className="input input--date"
        type={kind}
        step={kind !== 'date' && dateHasSeconds(field, text) ? 1 : undefined}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          const next = fromDateInput(field, event.target.value, text);
          // An empty or half-typed date keeps the saved value rather than erasing it.
          if (next !== null && next !== text) {
            markSaved(next);
            onChange(next);
          }
        }}
      />
      {showSaved && (
        <p className="field__hint" id={savedId}>
          {unreadable ? 'Masthead cannot read this date; picking one replaces it. ' : zoneNote(field, text)}
          Saved as <code>{text}</code>
        </p>
      )}
    </FieldFrame>
  );
}

function zoneNote(field: FieldProps<'datetime' | 'date'>['field'], text: string): string {
  const utcPicker = field.widget === 'datetime' && field.pickerUtc;
  if (utcPicker) return 'Time in UTC. ';
  const zoned = field.format
    ? /Z/.test(field.format.replace(/\[[^\]]*\]/g, ''))
    : parseDateString(text)?.time?.offsetMinutes != null;
  return zoned ? 'Your local time. ' : '';
}
