/**
 * The library pane: the repository's name and branch, its collections, a search field and the
 * post list. Collapses to a thin rail with a button to bring it back.
 */
import { useState } from 'react';
import { Icon } from '../app/icons';
import { PaneRail, PaneToggle } from '../app/PaneToggle';
import { useWorkspace } from '../app/WorkspaceContext';
import { filterPosts } from './filter-posts';
import { ModelNote } from './ModelNote';
import { NewPostDialog } from './NewPostDialog';
import { PostList } from './PostList';
import './library.css';

/** The left pane. */
export function Library() {
  const open = useWorkspace((state) => state.libraryOpen);
  const repo = useWorkspace((state) => state.repo);
  const syncBranch = useWorkspace((state) => state.sync?.branch);
  const posts = useWorkspace((state) => state.posts);
  const listError = useWorkspace((state) => state.listError);
  const [query, setQuery] = useState('');
  const [collection, setCollection] = useState<string | null>(null);
  const [creatingPost, setCreatingPost] = useState(false);
  const creating = useWorkspace((state) => state.creating);
  const createError = useWorkspace((state) => state.createError);

  if (!open) {
    return <PaneRail pane="library" />;
  }

  const branch = syncBranch ?? repo.branch;
  const visible = posts ? filterPosts(posts, query, collection) : [];
  const showCollections = repo.collections.length > 1;

  return (
    <nav className="library" id="library" aria-label="Library" data-pane="library">
      <header className="library__header">
        <div className="library__repo">
          <h1 className="library__name" title={repo.path}>
            {repo.name}
          </h1>
          <p className="library__branch">
            <Icon name="branch" />
            <span className="visually-hidden">Branch </span>
            {branch ?? 'No branch (detached)'}
          </p>
        </div>
        <PaneToggle pane="library" open />
      </header>
      <ModelNote />

      <div className="library__actions">
        <button type="button" className="button library__new" onClick={() => setCreatingPost(true)} disabled={creating !== null}>
          <Icon name="plus" />
          {creating !== null ? 'Creating…' : 'New post'}
        </button>
      </div>
      {createError && (
        <p className="library__note library__note--error" role="alert">
          Could not create the post: {createError.message}
        </p>
      )}
      <NewPostDialog open={creatingPost} initialCollection={collection} onClose={() => setCreatingPost(false)} />

      <div className="library__search">
        <input
          id="library-search"
          className="input"
          type="search"
          aria-label="Search posts"
          placeholder="Search posts"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-keyshortcuts="Control+Shift+F Meta+Shift+F"
        />
      </div>

      {showCollections && (
        <div className="library__collections" role="group" aria-label="Collections">
          <CollectionButton label="All posts" count={posts?.length ?? null} pressed={collection === null} onPress={() => setCollection(null)} />
          {repo.collections.map((item) => (
            <CollectionButton key={item.id} label={item.label} count={item.postCount} pressed={collection === item.id} onPress={() => setCollection(item.id)} />
          ))}
        </div>
      )}
      {!showCollections && repo.collections[0] && (
        <h2 className="library__collection-title">
          {repo.collections[0].label} <span className="library__count">{repo.collections[0].postCount}</span>
        </h2>
      )}

      <div className="library__list">
        {listError ? (
          <p className="library__note" role="alert">
            {listError.message}
          </p>
        ) : posts === null ? (
          <p className="library__note" role="status">
            Loading posts…
          </p>
        ) : posts.length === 0 ? (
          <p className="library__note">No posts yet. Masthead looks for Markdown files in folders such as content/posts, src/content or _posts.</p>
        ) : visible.length === 0 ? (
          <p className="library__note" role="status">
            No posts match “{query}”.
          </p>
        ) : (
          <PostList posts={visible} />
        )}
      </div>
    </nav>
  );
}

function CollectionButton(props: { label: string; count: number | null; pressed: boolean; onPress: () => void }) {
  return (
    <button type="button" className="library__collection" aria-pressed={props.pressed} onClick={props.onPress}>
      <span>{props.label}</span>
      {props.count !== null && <span className="library__count">{props.count}</span>}
    </button>
  );
}
