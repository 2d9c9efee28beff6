/**
 * Multi-line text (Decap `text`) and Markdown inside front matter (`markdown`): a textarea that
 * grows with its content. Markdown is edited as source in a monospace face: a nested rich editor
 * in the inspector would be cramped and would rewrite the writer's syntax.
 */
import { textOf, type FieldProps } from '../field-props';
import { FieldFrame, useFieldFrame } from './FieldFrame';
import { placeholderOf } from './StringField';

/** Edits long text or Markdown source. */
export function TextField({ field, value, onChange, path, contextId }: FieldProps<'text' | 'markdown'>) {
  const frame = useFieldFrame(field, path, contextId);
  const markdown = field.widget === 'markdown';
  const captionId = `${frame.id}-caption`;
  return (
    <FieldFrame field={field} frame={frame}>
      <textarea
        {...frame.aria(markdown ? captionId : undefined)}
        className={markdown ? 'input input--mono' : 'input'}
        rows={3}
        value={textOf(value)}
        placeholder={placeholderOf(field.default)}
        onChange={(event) => onChange(event.target.value)}
      />
      {markdown && (
        <p className="field__hint" id={captionId}>
          Markdown
        </p>
      )}
    </FieldFrame>
  );
}
