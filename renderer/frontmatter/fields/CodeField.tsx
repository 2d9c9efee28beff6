/**
 * A code snippet (Decap `code`) in a monospace textarea. Decap stores either the code alone or an
 * object `{ code, lang }`; the object's other keys are kept.
 */
import { isObject } from '../../../shared/content/fields';
import type { FieldProps } from '../field-props';
import { FieldFrame, useFieldFrame } from './FieldFrame';

/** Edits code. */
export function CodeField({ field, value, onChange, path, contextId }: FieldProps<'code'>) {
  const frame = useFieldFrame(field, path, contextId);
  const object = isObject(value) ? value : null;
  const code = object ? object['code'] : value;
  const language = (object && typeof object['lang'] === 'string' ? object['lang'] : undefined) ?? field.language;
  const captionId = `${frame.id}-language`;
  return (
    <FieldFrame field={field} frame={frame}>
      <textarea
        {...frame.aria(captionId)}
        className="input input--mono"
        spellCheck={false}
        rows={4}
        value={typeof code === 'string' ? code : ''}
        onChange={(event) => onChange(object ? { ...object, code: event.target.value } : event.target.value)}
      />
      <p className="field__hint" id={captionId}>
        {language ? `Code · ${language}` : 'Code'}
      </p>
    </FieldFrame>
  );
}
