/**
 * A colour (Decap `color`): the system colour picker, plus a text box for the hex code when the
 * config allows typing. The picker knows no alpha, so it keeps an existing alpha suffix.
 */
import { textOf, type FieldProps } from '../field-props';
import { FieldFrame, useFieldFrame } from './FieldFrame';

// The picker only takes #rrggbb: expand #rgb and set aside an alpha suffix.
function pickerValue(text: string): { hex: string; alpha: string } {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(text);
  if (short)
    return { hex: `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase(), alpha: '' };
  const long = /^(#[0-9a-f]{6})([0-9a-f]{2})?$/i.exec(text);
  if (long?.[1]) return { hex: long[1].toLowerCase(), alpha: long[2] ?? '' };
  return { hex: '#000000', alpha: '' };
}

/** Edits a hex colour. */
export function ColorField({ field, value, onChange, path, contextId }: FieldProps<'color'>) {
  const frame = useFieldFrame(field, path, contextId);
  const text = textOf(value);
  const { hex, alpha } = pickerValue(text);
  const codeLabelId = `${frame.id}-code`;
  return (
    <FieldFrame field={field} frame={frame}>
      <div className="color">
        <input
          {...frame.aria()}
          className="color__swatch"
          type="color"
          value={hex}
          onChange={(event) => onChange(`${event.target.value}${field.enableAlpha ? alpha : ''}`)}
        />
        {field.allowInput ? (
          <>
            <span id={codeLabelId} className="visually-hidden">
              code
            </span>
            <input
              className="input input--mono color__code"
              type="text"
              aria-labelledby={`${frame.labelledBy} ${codeLabelId}`}
              aria-describedby={frame.describedBy()}
              aria-invalid={frame.invalid || undefined}
              placeholder={field.enableAlpha ? '#rrggbbaa' : '#rrggbb'}
              spellCheck={false}
              value={text}
              onChange={(event) => onChange(event.target.value)}
            />
          </>
        ) : (
          <code className="color__value">{text || 'not set'}</code>
        )}
      </div>
    </FieldFrame>
  );
}
