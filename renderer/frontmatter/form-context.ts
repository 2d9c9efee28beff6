/**
 * What every field of one form shares without threading it through each level: the issues found
 * by validation, the app's services, and the control nested fields render with.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { FieldIssue } from '../../shared/content/schema/types';
import type { FieldProps } from './field-props';
import { emptyFormServices, type FormServices } from './form-services';

/** The shared part of a form. */
export interface FormContextValue {
  issues: readonly FieldIssue[];
  services: FormServices;
  /**
   * Renders a nested field with FieldControl, handed down rather than imported: composite widgets
   * (objects, lists, custom fields) render their fields with it, and FieldControl renders them —
   * recursion without an import cycle.
   */
  renderField: (props: FieldProps) => ReactNode;
}

/** Provided by SchemaForm; the default lets a simple field render on its own (e.g. in a test). */
export const FormContext = createContext<FormContextValue>({
  issues: [],
  services: emptyFormServices,
  renderField: () => null,
});

/** Renders a nested field (with FieldControl, from SchemaForm). */
export function useRenderField(): (props: FieldProps) => ReactNode {
  return useContext(FormContext).renderField;
}

/** A path as one string, for comparing paths. */
export const pathKey = (path: readonly (string | number)[]): string => JSON.stringify(path);

/** The issues about exactly the value at `path` (not those of the fields inside it). */
export function useIssuesAt(path: readonly (string | number)[]): FieldIssue[] {
  const { issues } = useContext(FormContext);
  const key = pathKey(path);
  return useMemo(() => issues.filter((issue) => pathKey(issue.path) === key), [issues, key]);
}

/** The app's services for this form. */
export function useServices(): FormServices {
  return useContext(FormContext).services;
}

/** How many issues lie inside the value at `path` (in its fields or items), for collapsed groups. */
export function useIssueCountWithin(path: readonly (string | number)[]): number {
  const { issues } = useContext(FormContext);
  const key = pathKey(path);
  return useMemo(() => {
    const prefix = JSON.parse(key) as (string | number)[];
    return issues.filter(
      (issue) => issue.path.length > prefix.length && prefix.every((part, index) => issue.path[index] === part),
    ).length;
  }, [issues, key]);
}
