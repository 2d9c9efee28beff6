/**
 * "Changes to publish": the open post as it would be saved now against its last commit — changed
 * fields as "field: old → new", changed blocks of the body as word diffs — so the writer sees what
 * the commit will hold before pressing Publish. Rendered only while the Publish tab shows.
 */
import { use, useEffect, useMemo, useState } from 'react';
import type { PostVersionContent } from '../../shared/api';
import { isMdxPath, loadMdxSyntax } from '../../shared/document';
import { useController, useWorkspace } from '../app/WorkspaceContext';
import type { OpenPost } from '../app/workspace-state';
import { PublishImages } from '../editor/images/PublishImages';
import { DiffView } from '../history/DiffView';
import { useCurrentText } from '../history/use-current-text';
import { isUnchanged, versionDiff } from '../history/version-diff';

type Committed = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; content: PostVersionContent | null };

/** The diff of the open post against its last commit. */
export function PublishDiff({ post }: { post: OpenPost }) {
  const path = post.doc.path;
  // A publish makes a new commit: read the committed version again after each one.
  const lastCommit = useWorkspace((state) => state.publish.result?.commit ?? null);
  const controller = useController();
  const [committed, setCommitted] = useState<Committed>({ state: 'loading' });
  const current = useCurrentText();
  const mdx = isMdxPath(path);
  // MDX's parser is loaded on demand (usually already, with the editor): wait for it before diffing.
  if (mdx) use(loadMdxSyntax());

  useEffect(() => {
    let live = true;
    controller
      .loadCommitted(path)
      .then((content) => live && setCommitted({ state: 'loaded', content }))
      .catch(() => live && setCommitted({ state: 'failed' }));
    return () => {
      live = false;
    };
  }, [controller, path, lastCommit]);

  const diff = useMemo(
    () =>
      committed.state === 'loaded' && committed.content && current
        ? versionDiff(committed.content, current, { mdx })
        : null,
    [committed, current, mdx],
  );

  return (
    <section className="publish__diff" aria-labelledby="publish-diff-title">
      <h3 className="publish__diff-title" id="publish-diff-title">
        Changes to publish
      </h3>
      {committed.state === 'loading' ? (
        <p className="publish__diff-note" role="status">
          Comparing with the last commit…
        </p>
      ) : committed.state === 'failed' ? (
        <p className="publish__diff-note">
          The last commit of this file could not be read, so the changes cannot be shown. Publishing still works.
        </p>
      ) : committed.content === null ? (
        <p className="publish__diff-note">This file has never been committed: publishing adds all of it.</p>
      ) : diff === null || isUnchanged(diff) ? (
        <p className="publish__diff-note">
          Nothing changed since the last commit; publishing pushes what is already committed.
        </p>
      ) : (
        <DiffView diff={diff} label="Changes since the last commit" />
      )}
      <PublishImages path={path} current={current} lastCommit={lastCommit} />
    </section>
  );
}
