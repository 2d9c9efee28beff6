/** A value no control fits (null, mixed lists, deep shapes): shown read-only and saved exactly as it was. */
import type { FieldProps } from '../field-props';
import { useFieldIds } from '../field-props';

/** Shows a value that is kept as is. */
export function KeptField({ spec, value, contextId }: FieldProps<'kept'>) {
  const { id, labelId, labelledBy } = useFieldIds(contextId);
  return (
    <div className="field field--kept" role="group" aria-labelledby={labelledBy} aria-describedby={`${id}-note`}>
      <span className="field__label" id={labelId}>
        {spec.label}
      </span>
      <pre className="field__raw">{JSON.stringify(value, null, 2)}</pre>
      <p className="field__hint" id={`${id}-note`}>
        Kept as is — Masthead saves this value unchanged.
      </p>
    </div>
  );
}
