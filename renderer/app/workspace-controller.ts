/**
 * The workspace's actions: open a post, record edits, save, publish. They talk to the back end
 * through the injected `invoke` (renderer/api.ts in the app, a fake in tests) and report into the
 * store. Saves and publishes run one at a time, in order, so each builds on the version the last
 * one returned.
 */
import type { FrontMatterData, JsonValue, PostDocument, RequestArg, RequestName, RequestResult, SaveRequest } from '../../shared/api';
import { toAppError } from '../../shared/errors';
import { runSeoChecks } from '../../shared/seo/checks';
import { buildSeoInput } from '../../shared/seo/input';
import { entryFields, entryIssues } from './entry-schema';
import type { SeoCheck } from '../../shared/seo/types';
import type { Store } from './store';
import type { WorkspaceAction, WorkspaceState } from './workspace-state';

/** How the controller reaches the back end. */
export type Invoke = <K extends RequestName>(name: K, arg: RequestArg<K>) => Promise<RequestResult<K>>;

/** What the controller needs from its host. */
export interface ControllerDeps {
  invoke: Invoke;
  /** The editor's body as Markdown, or null when no editor is mounted. */
  exportBody: () => string | null;
}

/** The writer's answer to "you have unsaved changes". */
export type PendingChoice = 'save' | 'discard' | 'cancel';

/** The actions the workspace UI calls. */
export interface WorkspaceController {
  loadPosts(): Promise<void>;
  /** Fetches the site's content model (collections, fields, config problems). */
  loadModel(): Promise<void>;
  /** Creates a post in a collection and opens it, or asks first when the current one has unsaved changes. */
  requestCreate(collection: string, title: string): void;
  /** Creates the `locale` translation of the post at `path` and opens it (asking first about unsaved changes). */
  requestTranslate(path: string, locale: string): void;
  refreshSync(): Promise<void>;
  /** Opens a post, or asks first when the current one has unsaved changes. */
  requestOpen(path: string): void;
  /** Leaves the repository, or asks first when there are unsaved changes. */
  requestCloseRepository(): void;
  resolvePending(choice: PendingChoice): Promise<void>;
  editFrontMatter(frontMatter: FrontMatterData): void;
  editBody(): void;
  /** Counts body edits, so a reader can tell cheaply whether the body changed since it last looked. */
  bodyRevision(): number;
  /** The body as it would be saved now (the editor's export), or null when no post is open. */
  currentBody(): string | null;
  /** Saves when there is something to save; resolves false when the save failed. */
  save(): Promise<boolean>;
  /**
   * Saves, commits and pushes the open post; ignored while a publish is running. Refused while a
   * field is invalid; held back by SEO errors unless `ignoreSeo` (the writer chose "Publish anyway").
   */
  publish(options?: { ignoreSeo?: boolean }): Promise<void>;
}

/** Builds the controller over a workspace store. */
export function createWorkspaceController(
  store: Store<WorkspaceState, WorkspaceAction>,
  deps: ControllerDeps,
): WorkspaceController {
  const { invoke, exportBody } = deps;
  const dispatch = store.dispatch;
  // Counts edits so a save can tell whether the writer kept typing while it was in flight.
  let edits = 0;
  // Untouched bodies are sent back exactly as read, so a front-matter edit never reflows the prose.
  let bodyEdited = false;
  let bodyEdits = 0;
  let queue: Promise<unknown> = Promise.resolve();

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  function request(state: WorkspaceState): SaveRequest | null {
    const post = state.post;
    if (!post) return null;
    const body = bodyEdited ? (exportBody() ?? post.doc.body) : post.doc.body;
    return { path: post.doc.path, baseVersion: post.doc.version, frontMatter: post.frontMatter, body };
  }

  async function loadPosts(): Promise<void> {
    try {
      dispatch({ type: 'posts-loaded', posts: await invoke('posts:list', null) });
    } catch (error) {
      dispatch({ type: 'posts-failed', error: toAppError(error) });
    }
  }

  async function loadModel(): Promise<void> {
    try {
      dispatch({ type: 'model-loaded', model: await invoke('repo:model', null) });
    } catch {
      // Without a model the form infers fields from each post, as it did before the model existed.
    }
  }

  // A new post and a new translation are both a file created by the back end, then opened.
  async function create(collection: string, title: string): Promise<void> {
    await createThenOpen(title, () => invoke('post:create', { collection, title }));
  }

  async function translate(path: string, locale: string): Promise<void> {
    await createThenOpen(`${locale.toUpperCase()} translation`, () => invoke('post:translate', { path, locale }));
  }

  async function createThenOpen(title: string, write: () => Promise<PostDocument>): Promise<void> {
    dispatch({ type: 'create-start', title });
    try {
      const doc = await write();
      edits = 0;
      bodyEdited = false;
      dispatch({ type: 'open-done', doc });
      void loadPosts();
    } catch (error) {
      dispatch({ type: 'create-failed', error: toAppError(error) });
    }
  }

  async function refreshSync(): Promise<void> {
    try {
      dispatch({ type: 'sync', status: await invoke('repo:status', null) });
    } catch {
      // Sync state is a courtesy in the status bar; "unknown" is shown rather than an error.
      dispatch({ type: 'sync', status: null });
    }
  }

  async function open(path: string): Promise<void> {
    dispatch({ type: 'open-start', path });
    try {
      const doc = await invoke('post:read', { path });
      edits = 0;
      bodyEdited = false;
      dispatch({ type: 'open-done', doc });
    } catch (error) {
      dispatch({ type: 'open-failed', error: toAppError(error) });
    }
  }

  function save(): Promise<boolean> {
    return enqueue(async () => {
      const state = store.getState();
      const payload = request(state);
      if (!payload || !state.dirty) return true;
      const startEdits = edits;
      dispatch({ type: 'save-start' });
      try {
        const result = await invoke('post:save', payload);
        dispatch({ type: 'save-done', path: payload.path, version: result.version, stillDirty: edits !== startEdits, translationsFailed: result.translationsFailed });
        void loadPosts();
        return true;
      } catch (error) {
        dispatch({ type: 'save-failed', error: toAppError(error) });
        return false;
      }
    });
  }

  // SEO errors (no description, a canonical URL another post uses…) hold a publish back until the
  // writer fixes them or confirms; warnings never do.
  function seoErrors(state: WorkspaceState): SeoCheck[] {
    const post = state.post;
    if (!post) return [];
    const body = bodyEdited ? (exportBody() ?? post.doc.body) : post.doc.body;
    const fields = entryFields(state.model, post.doc.collection, post.doc.frontMatter, post.doc.path);
    const input = buildSeoInput({ path: post.doc.path, frontMatter: post.frontMatter, body, context: state.seoContext, image: undefined, fields });
    const image = state.seoImage;
    if (image && image.src === input.roles.image?.value) input.image = image.info;
    return runSeoChecks(input).filter((check) => check.severity === 'error');
  }

  async function publish(options: { ignoreSeo?: boolean } = {}): Promise<void> {
    const state = store.getState();
    if (!state.post || state.publish.running) return;
    // A required field left empty (or another invalid value) would publish a broken page: refuse,
    // and let the Publish tab list what to fix.
    const { doc } = state.post;
    const errors = entryIssues(entryFields(state.model, doc.collection, state.post.frontMatter, doc.path), state.post.frontMatter).filter(
      (issue) => issue.severity === 'error',
    );
    if (errors.length > 0) {
      dispatch({ type: 'publish-blocked', issues: errors });
      return;
    }
    // A data file is not a page: search and social checks do not apply to it.
    if (!options.ignoreSeo && doc.kind === 'post') {
      const blocking = seoErrors(state);
      if (blocking.length > 0) {
        dispatch({ type: 'seo-blocked', checks: blocking });
        return;
      }
    }
    // Marked running at once (not when the queue reaches it) so a second press cannot start another.
    dispatch({ type: 'publish-start' });
    await enqueue(async () => {
      const payload = request(store.getState());
      if (!payload) return;
      const startEdits = edits;
      try {
        const result = await invoke('post:publish', payload);
        dispatch({ type: 'publish-done', result, stillDirty: edits !== startEdits });
      } catch (error) {
        dispatch({ type: 'publish-failed', error: toAppError(error) });
        await adoptSavedVersion(payload, startEdits);
      }
      void loadPosts();
      void refreshSync();
    });
  }

  // A publish can fail after its save step wrote the file (e.g. the push was refused). The file then
  // has a new version; without adopting it the next save would be refused as "changed on disk".
  async function adoptSavedVersion(payload: SaveRequest, startEdits: number): Promise<void> {
    try {
      const disk = await invoke('post:read', { path: payload.path });
      if (disk.version !== payload.baseVersion && disk.body === payload.body && sameJson(disk.frontMatter, payload.frontMatter)) {
        dispatch({ type: 'save-done', path: payload.path, version: disk.version, stillDirty: edits !== startEdits });
      }
    } catch {
      // The publish error is already shown; a failed re-read leaves the state as it was.
    }
  }

  function run(action: NonNullable<WorkspaceState['pending']>): void {
    if (action.kind === 'open-post') void open(action.path);
    else if (action.kind === 'create-post') void create(action.collection, action.title);
    else if (action.kind === 'translate-post') void translate(action.path, action.locale);
    else dispatch({ type: 'close' });
  }

  function ask(action: NonNullable<WorkspaceState['pending']>): void {
    if (store.getState().dirty) dispatch({ type: 'pending', pending: action });
    else run(action);
  }

  return {
    loadPosts,
    loadModel,
    refreshSync,
    requestCreate(collection, title) {
      ask({ kind: 'create-post', collection, title });
    },
    requestTranslate(path, locale) {
      ask({ kind: 'translate-post', path, locale });
    },
    requestOpen(path) {
      if (store.getState().post?.doc.path === path) return;
      ask({ kind: 'open-post', path });
    },
    requestCloseRepository() {
      ask({ kind: 'close-repository' });
    },
    async resolvePending(choice) {
      const pending = store.getState().pending;
      dispatch({ type: 'pending', pending: null });
      if (!pending || choice === 'cancel') return;
      if (choice === 'save' && !(await save())) return;
      run(pending);
    },
    editFrontMatter(frontMatter) {
      edits += 1;
      dispatch({ type: 'front-matter-edited', frontMatter });
    },
    editBody() {
      edits += 1;
      bodyEdits += 1;
      bodyEdited = true;
      dispatch({ type: 'body-edited' });
    },
    bodyRevision: () => bodyEdits,
    currentBody() {
      const post = store.getState().post;
      if (!post) return null;
      return bodyEdited ? (exportBody() ?? post.doc.body) : post.doc.body;
    },
    save,
    publish,
  };
}

/** Deep equality of JSON values, ignoring key order (the file may list keys in another order). */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameJson(a[key], b[key]));
}
