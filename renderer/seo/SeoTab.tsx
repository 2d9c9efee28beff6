/**
 * The inspector's SEO tab: the previews and checks of the open post, live as the writer types.
 * The body is read from the editor only once typing pauses (exporting a long post per keystroke
 * would cost more than the previews), so title and field edits show at once and body edits a
 * moment later.
 */
import { useEffect, useMemo } from 'react';
import { mediaUrl } from '../api';
import { useController, useWorkspace } from '../app/WorkspaceContext';
import { entryFields } from '../app/entry-schema';
import type { OpenPost } from '../app/workspace-state';
import { SeoMappingEditor } from './SeoMappingEditor';
import { SeoPanel } from './SeoPanel';
import { buildSeoInput, siteOf } from '../../shared/seo/input';
import { useBodyFacts } from './use-body-facts';
import { useBodySnapshot } from './use-body-snapshot';

/** Shows the SEO previews for the open post, or a hint when none is open. */
export function SeoTab() {
  const post = useWorkspace((state) => state.post);
  // Hidden tab panels stay mounted: keep the previews (and the body reads they need) off the typing path.
  const visible = useWorkspace((state) => state.tab === 'seo' && state.inspectorOpen);
  if (!visible) return null;
  if (!post)
    return <p className="inspector__empty">Open a post to see how it will look in search results and social cards.</p>;
  if (post.doc.kind === 'data')
    return (
      <p className="inspector__empty">A data file is not a page of its own, so it has no search or social previews.</p>
    );
  return <PostSeo key={post.session} post={post} />;
}

/**
 * When the social image falls back to the body's first image (no image field is set), its facts are
 * looked up here: the SEO watcher only sees the front matter, and only this tab reads the body.
 */
function useBodyImageFacts(path: string, bodyImage: string | null, known: string | null): void {
  const controller = useController();
  useEffect(() => {
    if (bodyImage === null || bodyImage === known) return;
    return controller.loadSeoImage(path, bodyImage);
  }, [controller, path, bodyImage, known]);
}

function PostSeo({ post }: { post: OpenPost }) {
  const context = useWorkspace((state) => state.seoContext);
  const image = useWorkspace((state) => state.seoImage);
  const body = useBodySnapshot(post.doc.body);
  const facts = useBodyFacts({ body });
  const site = useMemo(() => siteOf(context, post.doc.path), [context, post.doc.path]);
  const path = post.doc.path;
  const model = useWorkspace((state) => state.model);
  const fields = useMemo(
    () => entryFields(model, post.doc.collection, post.doc.frontMatter, post.doc.path),
    [model, post.doc],
  );
  const input = useMemo(
    () =>
      buildSeoInput({
        path,
        frontMatter: post.frontMatter,
        body,
        bodyFacts: facts,
        context,
        image: undefined,
        site,
        fields,
      }),
    [path, post.frontMatter, body, facts, context, site, fields],
  );
  const imageInfo = image && image.src === input.roles.image?.value ? image.info : undefined;
  useBodyImageFacts(
    path,
    input.roles.image?.source === 'fallback' ? input.roles.image.value : null,
    image?.src ?? null,
  );
  const resolveImageUrl = useMemo(() => (src: string) => mediaUrl(path, src), [path]);
  return (
    <>
      <SeoPanel input={input} imageInfo={imageInfo} resolveImageUrl={resolveImageUrl} />
      <SeoMappingEditor roles={input.roles} />
    </>
  );
}
