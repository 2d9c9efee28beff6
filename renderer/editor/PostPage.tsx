/** The centre pane: the open post's editor, or a calm hint when none is open. */
import { ErrorNotice } from '../app/ErrorNotice';
import { useWorkspace } from '../app/WorkspaceContext';
import { DataEntryPage } from './DataEntryPage';
import { PostEditor } from './PostEditor';
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
  if (post) return <PostEditor key={post.session} doc={post.doc} />;
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
