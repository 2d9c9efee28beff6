/** A value no control fits (null, mixed lists, deep shapes): shown read-only and saved exactly as it was. */
import type { JsonValue } from '../../../shared/api';
import type { SchemaField } from '../../../shared/content/schema/types';
import type { FieldPath, FieldProps } from '../field-props';
import { FieldNotes, useFieldFrame } from './FieldFrame';

/** Shows a value that is kept as is. */
export function KeptField({ field, value, path, contextId }: FieldProps<'kept'>) {
  return <KeptValue field={field} value={value} path={path} contextId={contextId} />;
}

/** The read-only view of any value, also used for list items whose type is unknown. */
export function KeptValue({
  field,
  value,
  path,
  contextId,
  note,
}: {
  field: SchemaField;
  value: JsonValue | undefined;
  path: FieldPath;
  contextId?: string;
  note?: string;
}) {
  const frame = useFieldFrame(field, path, contextId);
  const noteId = `${frame.id}-note`;
  return (
    <div
      className="field field--kept"
      role="group"
      aria-labelledby={frame.labelledBy}
      aria-describedby={frame.describedBy(noteId)}
    >
      <span className="field__label" id={frame.labelId}>
        {field.label}
      </span>
      <pre className="field__raw">{value === undefined ? '(not set)' : JSON.stringify(value, null, 2)}</pre>
      <p className="field__hint" id={noteId}>
        {note ?? 'Kept as is — Masthead saves this value unchanged.'}
      </p>
      <FieldNotes field={field} frame={frame} />
    </div>
  );
}
