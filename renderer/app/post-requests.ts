/**
 * The back-end requests the panes make about the open post: its history and committed version,
 * the images it adds or imports, relation choices, the raw source of a post the editor cannot
 * open, and writing a deleted post back as a new file. Split from workspace-controller.ts, which
 * hands in what they share with it; components call these, never `invoke`.
 */
import type {
  FrontMatterData,
  ImportedMedia,
  MediaImportRequest,
  PostVersion,
  PostVersionContent,
  RawPost,
  RelationQuery,
} from '../../shared/api';
import type { RelationOption } from '../../shared/content/schema/types';
import { toAppError } from '../../shared/errors';
import type { Store } from './store';
import type { Invoke } from './workspace-controller';
import type { WorkspaceAction, WorkspaceState } from './workspace-state';

/** The post requests, as the controller exposes them. */
export interface PostRequests {
  /** The post's versions: its commits (followed across renames) and the local saves kept on this computer. */
  loadHistory(path: string): Promise<PostVersion[]>;
  /** One version from `loadHistory`, parsed. */
  loadVersion(path: string, id: string): Promise<PostVersionContent>;
  /** The post as its last commit holds it; null when it was never committed. */
  loadCommitted(path: string): Promise<PostVersionContent | null>;
  /** The new images (untracked files) the post as `current` refers to: what a publish commits with it. */
  addedImages(path: string, current: { frontMatter: FrontMatterData; body: string }): Promise<string[]>;
  /** Copies an image into the site's media folder for a post; says where it went. */
  importImage(request: MediaImportRequest): Promise<ImportedMedia>;
  /** The entries a relation field can point to, filtered by what the writer typed. */
  relationOptions(query: RelationQuery): Promise<RelationOption[]>;
  /** The file of a post the editor cannot open, as text, with what keeps it out. */
  loadRawSource(path: string): Promise<RawPost>;
  /** Writes the raw text exactly as given, then opens the post again (in the editor when it reads now). */
  saveRawSource(path: string, baseVersion: string, text: string): Promise<void>;
  /** Writes the open post, whose file was deleted on disk, back at its path as a new file; false when that failed (the error is shown). */
  saveAsNewFile(): Promise<boolean>;
}

/** What the post requests need from the controller. */
export interface PostRequestDeps {
  store: Store<WorkspaceState, WorkspaceAction>;
  invoke: Invoke;
  /** The body as a save would send it now. */
  currentBody: () => string | null;
  /** Reads the post at `path` and opens it (leaving the open one's edits journalled). */
  requestOpen: (path: string) => Promise<void>;
  loadPosts: () => Promise<void>;
}

/** Builds the post requests. */
export function createPostRequests(deps: PostRequestDeps): PostRequests {
  const { store, invoke, currentBody, requestOpen, loadPosts } = deps;
  const dispatch = store.dispatch;
  return {
    loadHistory: (path) => invoke('post:history', { path }),
    loadVersion: (path, id) => invoke('post:version', { path, id }),
    loadCommitted: (path) => invoke('post:committed', { path }),
    addedImages: (path, current) =>
      invoke('media:added', { path, frontMatter: current.frontMatter, body: current.body }),
    importImage: (request) => invoke('media:import', request),
    relationOptions: (query) => invoke('relation:options', query),
    loadRawSource: (path) => invoke('post:raw', { path }),
    async saveRawSource(path, baseVersion, text) {
      await invoke('post:save-raw', { path, baseVersion, text });
      await requestOpen(path);
    },
    async saveAsNewFile() {
      const post = store.getState().post;
      if (!post) return false;
      const revision = store.getState().bodyRevision;
      const { path, version, format } = post.doc;
      dispatch({ type: 'save-start' });
      try {
        const result = await invoke('post:recreate', {
          path,
          baseVersion: version,
          frontMatter: post.frontMatter,
          body: currentBody() ?? '',
          format,
        });
        // Typing while it was written leaves the post unsaved, on top of the new file's version.
        const stillDirty = store.getState().bodyRevision !== revision;
        dispatch({ type: 'save-done', path, version: result.version, stillDirty });
        void loadPosts();
        return true;
      } catch (error) {
        dispatch({ type: 'save-failed', error: toAppError(error) });
        return false;
      }
    },
  };
}
