/**
 * The front-matter form, driven by a collection's fields. It edits the whole front-matter object
 * and hands the whole object back on every change, so keys the schema does not list pass through
 * exactly. Issues (from validateEntry, computed by the caller) show under their fields.
 */
import { useMemo, type ReactNode } from 'react';
import type { FrontMatterData } from '../../shared/api';
import type { FieldIssue, SchemaField } from '../../shared/content/schema/types';
import { FieldControl } from './FieldControl';
import type { FieldProps } from './field-props';
import { FormContext } from './form-context';
import type { FormServices } from './form-services';
import { ObjectFields } from './fields/ObjectFields';
import './frontmatter.css';
import './widgets.css';

/** The schema form's inputs. */
export interface SchemaFormProps {
  fields: SchemaField[];
  value: FrontMatterData;
  onChange(next: FrontMatterData): void;
  issues: FieldIssue[];
  services: FormServices;
}

function renderField(props: FieldProps): ReactNode {
  return <FieldControl {...props} />;
}

/** One control per field, in schema order. */
export function SchemaForm({ fields, value, onChange, issues, services }: SchemaFormProps) {
  const context = useMemo(() => ({ issues, services, renderField }), [issues, services]);
  return (
    <FormContext value={context}>
      <div className="form">
        <ObjectFields fields={fields} object={value} path={[]} onChange={onChange} />
      </div>
    </FormContext>
  );
}
