/** The centre pane: the open post's editor, or a calm hint when none is open. */
import { Suspense, use } from 'react';
import type { PostDocument } from '../../shared/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { LoadBoundary } from '../app/LoadBoundary';
import { useWorkspace } from '../app/WorkspaceContext';
import { DataEntryPage } from './DataEntryPage';
import { loadEditorFor } from './editor-loader';
import { RawSourcePage } from './RawSourcePage';
import './editor.css';
import './raw-nodes.css';
import './alerts.css';
import './table.css';
import './long-post.css';

/** Shows the page for the open post. */
export function PostPage() {
  const post = useWorkspace((state) => state.post);
  const opening = useWorkspace((state) => state.opening);
  const openError = useWorkspace((state) => state.openError);
  const rawSource = useWorkspace((state) => state.rawSource);
  if (rawSource !== null) return <RawSourcePage key={rawSource} path={rawSource} />;
  if (post?.doc.kind === 'data') return <DataEntryPage key={post.session} doc={post.doc} />;
  if (post)
    return (
      // The same quiet line as while the post's file is read, so the page does not jump.
      <LoadBoundary what="editor">
        <Suspense fallback={<OpeningPost />}>
          <ReadyEditor key={post.session} doc={post.doc} />
        </Suspense>
      </LoadBoundary>
    );
  return (
    <div className="page__empty">
      {openError ? (
        <ErrorNotice title="The post could not be opened" error={openError} />
      ) : opening ? (
        <p role="status">Opening the post…</p>
      ) : (
        <>
          <h2>No post open</h2>
          <p>Choose a post in the library to start writing.</p>
        </>
      )}
    </div>
  );
}

// The editor is its own chunk (editor-chunk.ts), usually fetched while the library was shown; an
// `.mdx` post also needs MDX's syntax. Suspends only while one of them is still on its way.
function ReadyEditor({ doc }: { doc: PostDocument }) {
  const { PostEditor } = use(loadEditorFor(doc.path));
  return <PostEditor doc={doc} />;
}

function OpeningPost() {
  return (
    <div className="page__empty">
      <p role="status">Opening the post…</p>
    </div>
  );
}
