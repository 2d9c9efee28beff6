/**
 * A widget the site registered itself (e.g. `ncw-file-relation`). Masthead cannot run the site's
 * widget code, so it edits the value with the field inferred from existing posts, or as JSON when
 * there is nothing to learn from; a note says so either way.
 */
import { useState } from 'react';
import type { JsonValue } from '../../../shared/api';
import type { SchemaField } from '../../../shared/content/schema/types';
import { useRenderField } from '../form-context';
import { useDraft, type FieldProps } from '../field-props';
import { FieldFrame, useFieldFrame } from './FieldFrame';

/** Edits a custom widget's value with its inferred editor, or as JSON. */
export function CustomField({ field, value, onChange, path, contextId }: FieldProps<'custom'>) {
  const renderField = useRenderField();
  if (field.editor) {
    const note = `Custom widget “${field.customWidget}” — edited as inferred from your posts.`;
    // The editor takes the custom field's key, label and rules; its hint carries the note.
    const editor = {
      ...field.editor,
      name: field.name,
      label: field.label,
      required: field.required,
      hint: field.hint ? `${note} ${field.hint}` : note,
    } as SchemaField;
    return renderField({ field: editor, value, onChange, path, contextId });
  }
  return <JsonField field={field} value={value} onChange={onChange} path={path} contextId={contextId} />;
}

const show = (value: JsonValue | undefined): string => (value === undefined ? '' : JSON.stringify(value, null, 2));

/** Structured JSON in a textarea; applied only while it parses, so a half-typed edit loses nothing. */
function JsonField({ field, value, onChange, path, contextId }: FieldProps<'custom'>) {
  const frame = useFieldFrame(field, path, contextId);
  const { draft, setDraft, markSaved } = useDraft(value, show);
  const [broken, setBroken] = useState(false);
  const noteId = `${frame.id}-note`;
  const errorId = `${frame.id}-json`;
  return (
    <FieldFrame field={field} frame={frame}>
      <textarea
        {...frame.aria(noteId, broken ? errorId : undefined)}
        aria-invalid={frame.invalid || broken || undefined}
        className="input input--mono"
        spellCheck={false}
        rows={4}
        value={draft}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          let parsed: JsonValue;
          try {
            parsed = JSON.parse(text) as JsonValue;
          } catch {
            setBroken(true);
            return;
          }
          setBroken(false);
          markSaved(parsed);
          onChange(parsed);
        }}
      />
      <p className="field__hint" id={noteId}>
        Custom widget “{field.customWidget}” — edited as JSON.
      </p>
      {broken && (
        <p className="field__issue field__issue--error" id={errorId}>
          This is not valid JSON yet; the saved value stays as it was until it is.
        </p>
      )}
    </FieldFrame>
  );
}
