/**
 * A map location (Decap `map`): the GeoJSON geometry as text. A map picker needs tiles from the
 * network; the text is always available and validation checks its shape.
 */
import { textOf, type FieldProps } from '../field-props';
import { FieldFrame, useFieldFrame } from './FieldFrame';

const EXAMPLES = {
  Point: '{"type":"Point","coordinates":[2.35,48.85]}',
  LineString: '{"type":"LineString","coordinates":[[2.35,48.85],[2.29,48.86]]}',
  Polygon: '{"type":"Polygon","coordinates":[[[2.3,48.8],[2.4,48.8],[2.4,48.9],[2.3,48.8]]]}',
} as const;

/** Edits a GeoJSON geometry string. */
export function MapField({ field, value, onChange, path, contextId }: FieldProps<'map'>) {
  const frame = useFieldFrame(field, path, contextId);
  const formatId = `${frame.id}-format`;
  return (
    <FieldFrame field={field} frame={frame}>
      <textarea
        {...frame.aria(formatId)}
        className="input input--mono"
        spellCheck={false}
        rows={3}
        value={textOf(value)}
        onChange={(event) => onChange(event.target.value)}
      />
      <p className="field__hint" id={formatId}>
        A GeoJSON {field.geometry}, longitude first, e.g. <code>{EXAMPLES[field.geometry]}</code>
      </p>
    </FieldFrame>
  );
}
