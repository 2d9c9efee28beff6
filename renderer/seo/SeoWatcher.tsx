/**
 * Keeps the open post's SEO inputs from the back end current: the context (site, other posts,
 * files) when a post opens, and the social image's real facts whenever the image changes. Mounted
 * once per workspace, so the publish check has them even while the SEO tab is not shown.
 */
import { useEffect, useMemo } from 'react';
import { resolveSeoRoles } from '../../shared/seo/roles';
import { useController, useWorkspace } from '../app/WorkspaceContext';

/** Loads SEO context and image facts into the workspace store; renders nothing. */
export function SeoWatcher() {
  const controller = useController();
  const path = useWorkspace((state) => state.post?.doc.path ?? null);
  const session = useWorkspace((state) => state.post?.session ?? 0);
  const mapping = useWorkspace((state) => state.seoContext?.mapping);
  const frontMatter = useWorkspace((state) => state.post?.frontMatter ?? null);
  // Resolved when the front matter changes, not on every store update (word counts, sync state…);
  // only the image reference matters here, so other edits leave the lookup below alone.
  const imageSrc = useMemo(
    () => (frontMatter ? (resolveSeoRoles(frontMatter, { mapping: mapping ?? {} }).image?.value ?? null) : null),
    [frontMatter, mapping],
  );

  // A lookup's answer is dropped once the post, the session or the image it was for has changed.
  useEffect(() => (path === null ? undefined : controller.loadSeoContext(path)), [controller, path, session]);

  useEffect(() => {
    if (path === null) return;
    if (imageSrc === null) {
      controller.clearSeoImage(path);
      return;
    }
    let forget: (() => void) | undefined;
    // Typing a path fires a lookup per keystroke otherwise; the last one wins after a short pause.
    const timer = setTimeout(() => {
      forget = controller.loadSeoImage(path, imageSrc);
    }, 150);
    return () => {
      forget?.();
      clearTimeout(timer);
    };
  }, [controller, path, imageSrc, mapping]);

  return null;
}
