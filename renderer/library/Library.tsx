/**
 * The library pane: the repository's name and branch, its collections, a search field and the
 * post list. Collapses to a thin rail with a button to bring it back. However many collections and
 * posts a site has, the collections keep to a small section and the posts get the rest.
 */
import { lazy, Suspense, useEffect, useMemo, useState, type ComponentProps, type KeyboardEvent } from 'react';
import type { CollectionId } from '../../shared/api';
import { Icon } from '../app/icons';
import { LoadBoundary } from '../app/LoadBoundary';
import { PaneRail, PaneToggle } from '../app/PaneToggle';
import { useMountedOnce } from '../app/use-mounted-once';
import { useWorkspace } from '../app/WorkspaceContext';
import { useCollectionRequests } from '../commands/tools-state';
import { Collections } from './Collections';
import { filterPosts, prepareSearch } from './filter-posts';
import { ModelNote } from './ModelNote';
import { PostList, type ListPosition } from './PostList';
import './library.css';

// Loaded the first time a writer asks for a new post.
const NewPostDialog = lazy(() => import('./NewPostDialog').then((module) => ({ default: module.NewPostDialog })));

/** The left pane. */
export function Library() {
  const open = useWorkspace((state) => state.libraryOpen);
  const repo = useWorkspace((state) => state.repo);
  const syncBranch = useWorkspace((state) => state.sync?.branch);
  const posts = useWorkspace((state) => state.posts);
  const listError = useWorkspace((state) => state.listError);
  const [query, setQuery] = useState('');
  const [collection, setCollection] = useState<CollectionId | null>(null);
  // "Switch collection…" in the command palette.
  useCollectionRequests(setCollection);
  const [creatingPost, setCreatingPost] = useState(false);
  const creating = useWorkspace((state) => state.creating);
  const createError = useWorkspace((state) => state.createError);
  const [collectionsOpen, setCollectionsOpen] = useState(true);
  // Where each collection's list was scrolled to, kept while the pane is hidden too.
  const [scrollMemory] = useState(() => new Map<string, ListPosition>());
  const visible = useMemo(() => (posts ? filterPosts(posts, query, collection) : []), [posts, query, collection]);
  useEffect(() => (posts ? prepareSearch(posts) : undefined), [posts]);

  if (!open) {
    return <PaneRail pane="library" />;
  }

  const branch = syncBranch ?? repo.branch;
  const showCollections = repo.collections.length > 1;
  // One list per collection; search results are a new list each keystroke, not worth a remembered position.
  const listKey = collection ?? '';

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
        <button
          type="button"
          className="button library__new"
          onClick={() => setCreatingPost(true)}
          disabled={creating !== null}
        >
          <Icon name="plus" />
          {creating !== null ? 'Creating…' : 'New post'}
        </button>
      </div>
      {createError && (
        <p className="library__note library__note--error" role="alert">
          Could not create the post: {createError.message}
        </p>
      )}
      <OnDemandNewPostDialog
        open={creatingPost}
        initialCollection={collection}
        onClose={() => setCreatingPost(false)}
      />

      <div className="library__search">
        <input
          id="library-search"
          className="input"
          type="search"
          aria-label="Search posts"
          placeholder="Search posts"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={toList}
          aria-keyshortcuts="Control+Shift+F Meta+Shift+F"
        />
      </div>

      {showCollections && (
        <Collections
          collections={repo.collections}
          total={posts?.length ?? null}
          selected={collection}
          onSelect={setCollection}
          expanded={collectionsOpen}
          onExpandedChange={setCollectionsOpen}
        />
      )}
      {!showCollections && repo.collections[0] && (
        <h2 className="library__collection-title">
          {repo.collections[0].label} <span className="library__count">{repo.collections[0].postCount}</span>
        </h2>
      )}

      {listError || posts === null || visible.length === 0 ? (
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
            <p className="library__note">
              No posts yet. Masthead looks for Markdown files in folders such as content/posts, src/content or _posts.
            </p>
          ) : query.trim() !== '' ? (
            <p className="library__note" role="status">
              No posts match “{query}”.
            </p>
          ) : (
            <p className="library__note">No posts in this collection yet.</p>
          )}
        </div>
      ) : (
        <PostList
          key={listKey}
          posts={visible}
          scrollMemory={scrollMemory}
          scrollKey={query.trim() === '' ? listKey : null}
          searchKey={query.trim()}
        />
      )}
    </nav>
  );
}

// ↓ in the search field goes on to the list, as in a quick-open box.
function toList(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key !== 'ArrowDown') return;
  const row = document.querySelector<HTMLButtonElement>('#library .post-list button[tabindex="0"]');
  if (!row) return;
  event.preventDefault();
  row.focus();
}

// Mounted from its first opening on (it then keeps its own state, as before).
function OnDemandNewPostDialog(props: ComponentProps<typeof NewPostDialog>) {
  const mounted = useMountedOnce(props.open);
  return mounted ? (
    <LoadBoundary what="new-post dialog">
      <Suspense fallback={null}>
        <NewPostDialog {...props} />
      </Suspense>
    </LoadBoundary>
  ) : null;
}
