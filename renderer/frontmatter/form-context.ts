/**
 * What every field of one form shares without threading it through each level: the issues found
 * by validation and the app's services.
 */
import { createContext, useContext, useMemo } from 'react';
import type { FieldIssue } from '../../shared/content/schema/types';
import { emptyFormServices, type FormServices } from './form-services';

/** The shared part of a form. */
export interface FormContextValue {
  issues: readonly FieldIssue[];
  services: FormServices;
}

/** Provided by SchemaForm; the default lets a field render on its own (e.g. in a test). */
export const FormContext = createContext<FormContextValue>({ issues: [], services: emptyFormServices });

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
    return issues.filter((issue) => issue.path.length > prefix.length && prefix.every((part, index) => issue.path[index] === part)).length;
  }, [issues, key]);
}
