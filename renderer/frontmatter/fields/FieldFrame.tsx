/**
 * The frame every field shares: its label (with a required marker), the control, the schema's hint
 * and the issues validation found, all wired to the control with ARIA so a screen reader hears the
 * same as a sighted writer sees.
 */
import type { ReactNode } from 'react';
import type { FieldIssue, SchemaField } from '../../../shared/content/schema/types';
import { pathKey, useIssuesAt } from '../form-context';
import { useFieldIds, type FieldPath } from '../field-props';

/** Ids and ARIA for one field's control. */
export interface FieldFrameState {
  id: string;
  labelId: string;
  labelledBy: string;
  hintId: string | undefined;
  issues: FieldIssue[];
  issueIds: string[];
  invalid: boolean;
  /** `aria-describedby` for the control: the hint, the issues, then any `extra` ids. */
  describedBy(...extra: (string | undefined)[]): string | undefined;
  /** The ARIA a control spreads onto itself. */
  aria(...extra: (string | undefined)[]): ControlAria;
}

/** ARIA attributes shared by every field's main control. */
export interface ControlAria {
  id: string;
  'aria-labelledby': string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
  /** The value's path as JSON (`["seo","title"]`), so the app can focus the field an issue names. */
  'data-field-path': string;
}

/** Computes a field's ids, its issues and the ARIA that ties them to its control. */
export function useFieldFrame(field: SchemaField, path: FieldPath, contextId?: string): FieldFrameState {
  const { id, labelId, labelledBy } = useFieldIds(contextId);
  const issues = useIssuesAt(path);
  const hintId = field.hint ? `${id}-hint` : undefined;
  const issueIds = issues.map((_, index) => `${id}-issue-${index}`);
  const invalid = issues.some((issue) => issue.severity === 'error');
  const describedBy = (...extra: (string | undefined)[]): string | undefined => {
    const ids = [hintId, ...issueIds, ...extra].filter((part): part is string => part !== undefined);
    return ids.length > 0 ? ids.join(' ') : undefined;
  };
  return {
    id,
    labelId,
    labelledBy,
    hintId,
    issues,
    issueIds,
    invalid,
    describedBy,
    aria: (...extra) => ({
      id,
      'aria-labelledby': labelledBy,
      'aria-describedby': describedBy(...extra),
      'aria-invalid': invalid || undefined,
      'aria-required': field.required || undefined,
      'data-field-path': pathKey(path),
    }),
  };
}

/** The visible "required" asterisk; hidden from the accessible name, which gets aria-required instead. */
export function RequiredMark({ field }: { field: SchemaField }) {
  return field.required ? (
    <span className="field__required" aria-hidden="true" title="Required">
      *
    </span>
  ) : null;
}

/** Said on a collapsed group or item that hides problems, so they are not missed. */
export function HiddenIssues({ count }: { count: number }) {
  return count > 0 ? (
    <span className="field__hidden-issues">{count === 1 ? '1 problem inside' : `${count} problems inside`}</span>
  ) : null;
}

/** The schema's hint and the issues at this field, each with the id the control points at. */
export function FieldNotes({ field, frame }: { field: SchemaField; frame: FieldFrameState }) {
  return (
    <>
      {field.hint && (
        <p className="field__hint" id={frame.hintId}>
          {field.hint}
        </p>
      )}
      {frame.issues.map((issue, index) => (
        <p
          key={frame.issueIds[index]}
          id={frame.issueIds[index]}
          className={`field__issue field__issue--${issue.severity}`}
        >
          {/* Said in words too, so the kind of issue never rests on colour alone. */}
          <span className="field__issue-kind">{issue.severity === 'error' ? 'Error:' : 'Check:'}</span> {issue.message}
        </p>
      ))}
    </>
  );
}

/**
 * A one-control field: label above, control, then hint and issues. The label carries `labelId` so
 * the control's `aria-labelledby` can put a group's name in front of it; `htmlFor` keeps a click on
 * the label focusing the control.
 */
export function FieldFrame({
  field,
  frame,
  className,
  children,
}: {
  field: SchemaField;
  frame: FieldFrameState;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={['field', frame.invalid ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <div className="field__head">
        <label className="field__label" id={frame.labelId} htmlFor={frame.id}>
          {field.label}
        </label>
        <RequiredMark field={field} />
      </div>
      {children}
      <FieldNotes field={field} frame={frame} />
    </div>
  );
}
