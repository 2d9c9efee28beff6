/**
 * The Fields tab's form: the schema form minus the title, which the page's large title input edits.
 * Everything else (whole-object hand-back, pass-through of unknown keys) is SchemaForm's.
 */
import type { FrontMatterData } from '../../shared/api';
import type { FieldIssue, SchemaField } from '../../shared/content/schema/types';
import { emptyFormServices, type FormServices } from './form-services';
import { SchemaForm } from './SchemaForm';
import './frontmatter.css';

/** The form's inputs: the collection's fields, the current front matter and where to send the edited whole. */
export interface FrontMatterFormProps {
  fields: SchemaField[];
  value: FrontMatterData;
  onChange: (next: FrontMatterData) => void;
  issues?: FieldIssue[];
  services?: FormServices;
}

const NO_ISSUES: FieldIssue[] = [];

/** True for the field the page's title input edits: a text `title` (any other shape stays in the form). */
const isPageTitle = (field: SchemaField, value: FrontMatterData): boolean =>
  field.name === 'title' &&
  (field.widget === 'string' || field.widget === 'text') &&
  (value['title'] === undefined || typeof value['title'] === 'string');

/** Edits every front-matter field except the title. */
export function FrontMatterForm({
  fields,
  value,
  onChange,
  issues = NO_ISSUES,
  services = emptyFormServices,
}: FrontMatterFormProps) {
  const shown = fields.filter((field) => field.widget !== 'hidden' && !isPageTitle(field, value));
  if (shown.length === 0) {
    return <p className="form__empty">This post has no fields besides its title.</p>;
  }
  return <SchemaForm fields={shown} value={value} onChange={onChange} issues={issues} services={services} />;
}
