/**
 * The open post as a save would send it now — its edited front matter and its body — for views
 * that compare it with another version (History, Publish). The body is asked of the editor only
 * after it changed, at most every BODY_POLL_MS, as the SEO views do.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FrontMatterData } from '../../shared/api';
import { useController, useWorkspace } from '../app/WorkspaceContext';
import { BODY_POLL_MS } from '../seo/use-body-snapshot';

/** The current front matter and body of the open post, or null when none is open. Mount it once per opened post (key by session). */
export function useCurrentText(): { frontMatter: FrontMatterData; body: string } | null {
  const controller = useController();
  const post = useWorkspace((state) => state.post);
  // The controller knows the body a save would send (the file's, recovered edits, or the editor's).
  const [body, setBody] = useState<string | null>(() => controller.currentBody());
  useEffect(() => {
    let seen = controller.bodyRevision();
    const timer = setInterval(() => {
      const revision = controller.bodyRevision();
      if (revision === seen) return;
      seen = revision;
      setBody(controller.currentBody());
    }, BODY_POLL_MS);
    return () => clearInterval(timer);
  }, [controller]);
  const frontMatter = post?.frontMatter;
  const fallback = post?.doc.body;
  return useMemo(
    () => (frontMatter === undefined ? null : { frontMatter, body: body ?? fallback ?? '' }),
    [frontMatter, body, fallback],
  );
}
