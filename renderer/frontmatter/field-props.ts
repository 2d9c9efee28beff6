/** What every field component receives, and the ids that give nested fields unambiguous names. */
import { useId, useState } from 'react';
import type { JsonValue } from '../../shared/api';
import type { SchemaField, WidgetKind } from '../../shared/content/schema/types';

/** Where a value sits in the front matter: keys and list indexes from the top. */
export type FieldPath = (string | number)[];

/** Props of the component that edits one kind of field. */
export interface FieldProps<W extends WidgetKind = WidgetKind> {
  field: Extract<SchemaField, { widget: W }>;
  /** The value in the file, or undefined when the key is absent. */
  value: JsonValue | undefined;
  onChange: (value: JsonValue) => void;
  /** Where the value is, to find its issues. */
  path: FieldPath;
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

/**
 * The text in a field's box, which may be half-typed ("", "-", part of a date) and so differ from
 * the saved value. It follows values changed from outside (e.g. a list reorder) without fighting
 * the writer's typing: `markSaved` records a value the field itself wrote, so it is not taken for
 * an outside change that would reset the box.
 */
export function useDraft<T>(
  value: T,
  show: (value: T) => string,
): { draft: string; setDraft: (text: string) => void; markSaved: (value: T) => void } {
  const [draft, setDraft] = useState(() => show(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(show(value));
  }
  return { draft, setDraft, markSaved: setSeen };
}

/** The value as text for a text box: strings as they are, anything else empty. */
export const textOf = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');
