/** What every field component receives, and the ids that give nested fields unambiguous names. */
import { useId } from 'react';
import type { JsonValue } from '../../shared/api';
import type { FieldSpec, FieldKind } from '../../shared/content/fields';

/** Props of the component that edits one kind of field. */
export interface FieldProps<K extends FieldKind = FieldKind> {
  spec: Extract<FieldSpec, { kind: K }>;
  value: JsonValue;
  onChange: (value: JsonValue) => void;
  /**
   * Id of the enclosing group's label. Read before the field's own label, so `seo.title` is named
   * "SEO Title" and never collides with the page's own "Title".
   */
  contextId?: string;
}

/** Ids for a field's control and label, and the `aria-labelledby` that names it in context. */
export function useFieldIds(contextId: string | undefined): { id: string; labelId: string; labelledBy: string } {
  const id = useId();
  const labelId = `${id}-label`;
  return { id, labelId, labelledBy: contextId ? `${contextId} ${labelId}` : labelId };
}
