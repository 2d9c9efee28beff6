/** A one-line text field (Decap `string`). */
import { textOf, type FieldProps } from '../field-props';
import { FieldFrame, useFieldFrame } from './FieldFrame';

/** Edits a short string. */
export function StringField({ field, value, onChange, path, contextId }: FieldProps<'string'>) {
  const frame = useFieldFrame(field, path, contextId);
  return (
    <FieldFrame field={field} frame={frame}>
      <input
        {...frame.aria()}
        className="input"
        type="text"
        value={textOf(value)}
        placeholder={placeholderOf(field.default)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

/** The schema default shown as a placeholder of an empty field, when it is text. */
export const placeholderOf = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
