/**
 * The front-matter form, inferred from the post's own front matter. It edits a copy of the whole
 * object and hands the whole object back on every change, so keys it does not show pass through.
 * `title` is left to the page's large title input.
 */
import { useState } from 'react';
import type { FrontMatterData } from '../../shared/api';
import { inferFields } from '../../shared/content/fields';
import { FieldControl } from './FieldControl';
import './frontmatter.css';

/** The form's inputs: the current front matter and where to send the edited whole. */
export interface FrontMatterFormProps {
  value: FrontMatterData;
  onChange: (next: FrontMatterData) => void;
}

/** Edits every front-matter key except the title. */
export function FrontMatterForm({ value, onChange }: FrontMatterFormProps) {
  // Inferred once per post: re-inferring while typing would swap an input for a textarea mid-word.
  // A string title belongs to the page's title input; any other shape stays here, kept as is.
  const [fields] = useState(() => inferFields(value).filter((field) => !(field.key === 'title' && typeof value['title'] === 'string')));
  if (fields.length === 0) {
    return <p className="form__empty">This post has no fields besides its title.</p>;
  }
  return (
    <div className="form">
      {fields.map((field) => (
        <FieldControl key={field.key} spec={field} value={value[field.key] ?? null} onChange={(next) => onChange({ ...value, [field.key]: next })} />
      ))}
    </div>
  );
}
