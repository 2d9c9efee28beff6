/**
 * The fields of one object (a group, or one item of an object list). An edit replaces one key in a
 * copy of the object, so keys this form does not show are kept.
 */
import type { FrontMatterData } from '../../../shared/api';
import type { FieldSpec } from '../../../shared/content/fields';
import { FieldControl } from '../FieldControl';

/** A control for each of `fields` the object has; `contextId` names the object in each control's name. */
export function ObjectFields({ fields, object, contextId, onChange }: { fields: readonly FieldSpec[]; object: FrontMatterData; contextId: string; onChange: (next: FrontMatterData) => void }) {
  return fields.map((field) =>
    field.key in object ? (
      <FieldControl key={field.key} spec={field} value={object[field.key] ?? null} contextId={contextId} onChange={(next) => onChange({ ...object, [field.key]: next })} />
    ) : null,
  );
}
