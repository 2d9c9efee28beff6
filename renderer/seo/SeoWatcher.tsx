/**
 * Keeps the open post's SEO inputs from the back end current: the context (site, other posts,
 * files) when a post opens, and the social image's real facts whenever the image changes. Mounted
 * once per workspace, so the publish check has them even while the SEO tab is not shown.
 */
import { useEffect, useMemo } from 'react';
import { resolveSeoRoles } from '../../shared/seo/roles';
import { invoke } from '../api';
import { useDispatch, useWorkspace } from '../app/WorkspaceContext';

/** Loads SEO context and image facts into the workspace store; renders nothing. */
export function SeoWatcher() {
  const dispatch = useDispatch();
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

  useEffect(() => {
    if (path === null) return;
    let current = true;
    invoke('seo:context', { path })
      .then((context) => {
        if (current) dispatch({ type: 'seo-context', path, context });
      })
      .catch(() => {
        // Without context the checks that compare with other posts simply do not run.
      });
    return () => {
      current = false;
    };
  }, [dispatch, path, session]);

  useEffect(() => {
    if (path === null) return;
    if (imageSrc === null) {
      dispatch({ type: 'seo-image', path, image: null });
      return;
    }
    let current = true;
    // Typing a path fires a lookup per keystroke otherwise; the last one wins after a short pause.
    const timer = setTimeout(() => {
      invoke('media:info', { post: path, src: imageSrc })
        .then((info) => {
          if (current) dispatch({ type: 'seo-image', path, image: { src: imageSrc, info } });
        })
        .catch(() => {
          if (current) dispatch({ type: 'seo-image', path, image: { src: imageSrc, info: null } });
        });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [dispatch, path, imageSrc, mapping]);

  return null;
}
