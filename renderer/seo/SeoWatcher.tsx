/**
 * Keeps the open post's SEO inputs from the back end current: the context (site, other posts,
 * files) for each open, and the social image's real facts whenever the image changes. Mounted
 * once per workspace, so the publish check has them even while the SEO tab is not shown.
 *
 * The context is asked for at the writer's first pause after opening, not at once: answering it
 * costs the back end a look at the repository's files (a git process), which on two cores delayed
 * the click into the body and the first keystroke by 10–20 ms. A tab that shows SEO results asks at
 * once, and publishing waits for it (publish-actions.ts).
 */
import { useEffect, useMemo } from 'react';
import { resolveSeoRoles } from '../../shared/seo/roles';
import { afterPause } from '../app/idle';
import { useController, useWorkspace } from '../app/WorkspaceContext';

/** The writer's pause after which the context is asked for. */
export const SEO_CONTEXT_AFTER_QUIET_MS = 1000;
/** Asked for this long after opening at the latest, pause or not. */
export const SEO_CONTEXT_LATEST_MS = 10_000;

/** Loads SEO context and image facts into the workspace store; renders nothing. */
export function SeoWatcher() {
  const controller = useController();
  const path = useWorkspace((state) => state.post?.doc.path ?? null);
  const session = useWorkspace((state) => state.post?.session ?? 0);
  const shown = useWorkspace((state) => state.inspectorOpen && (state.tab === 'seo' || state.tab === 'publish'));
  const mapping = useWorkspace((state) => state.seoContext?.mapping);
  const frontMatter = useWorkspace((state) => state.post?.frontMatter ?? null);
  // Resolved when the front matter changes, not on every store update (word counts, sync state…);
  // only the image reference matters here, so other edits leave the lookup below alone.
  const imageSrc = useMemo(
    () => (frontMatter ? (resolveSeoRoles(frontMatter, { mapping: mapping ?? {} }).image?.value ?? null) : null),
    [frontMatter, mapping],
  );

  useEffect(() => {
    if (path === null) return;
    if (shown) {
      void controller.loadOpenSeoContext();
      return;
    }
    return afterPause(() => void controller.loadOpenSeoContext(), SEO_CONTEXT_AFTER_QUIET_MS, SEO_CONTEXT_LATEST_MS);
  }, [controller, path, session, shown]);

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
