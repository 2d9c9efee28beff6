/**
 * The open post's body as Markdown for views that only need it now and then (SEO previews, the
 * publish summary). Exporting a long post on every keystroke would cost more than those views, so
 * the editor is asked only when its body changed and at most every BODY_POLL_MS.
 */
import { useEffect, useState } from 'react';
import { useController } from '../app/WorkspaceContext';

/** How often the editor is asked whether the body changed. */
export const BODY_POLL_MS = 700;

/** The body, starting from `initial` (the post as opened), refreshed after edits. */
export function useBodySnapshot(initial: string): string {
  const controller = useController();
  const [body, setBody] = useState(initial);
  useEffect(() => {
    let seen = controller.bodyRevision();
    const timer = setInterval(() => {
      const revision = controller.bodyRevision();
      if (revision === seen) return;
      seen = revision;
      const next = controller.currentBody();
      if (next !== null) setBody(next);
    }, BODY_POLL_MS);
    return () => clearInterval(timer);
  }, [controller]);
  return body;
}
