/**
 * Shown above the form when a publish was refused because fields are invalid: says why, lists
 * what to fix, and puts the cursor in the first field that needs it.
 */
import { useEffect, useRef } from 'react';
import { revealField } from '../frontmatter/reveal-field';
import { useWorkspace } from './WorkspaceContext';

/** The refusal notice; renders nothing unless the last publish was blocked. */
export function PublishBlockedNotice() {
  const issues = useWorkspace((state) => state.publishBlocked);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!issues) return;
    // After the form has rendered its error states: focus the first field marked invalid, opening
    // the collapsed groups around it first (a hidden field cannot take focus).
    let frame = requestAnimationFrame(() => {
      const panel = ref.current?.parentElement;
      const field = panel?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (!field) return;
      if (revealField(field)) frame = requestAnimationFrame(() => field.focus());
      else field.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [issues]);

  if (!issues || issues.length === 0) return null;
  return (
    <div ref={ref} className="blocked" role="alert">
      <p className="blocked__title">
        <strong>Not published.</strong> {issues.length === 1 ? 'One field needs' : `${issues.length} fields need`}{' '}
        attention first:
      </p>
      <ul className="blocked__list">
        {issues.map((issue, index) => (
          <li key={index}>{issue.message}</li>
        ))}
      </ul>
    </div>
  );
}
