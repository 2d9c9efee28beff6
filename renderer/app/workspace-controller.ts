/**
 * The workspace's actions: open a post, record edits, save, publish, and every other request the
 * workspace's panes make (post-requests.ts, repo-actions.ts, seo-actions.ts). They talk to the back
 * end through the injected `invoke` (renderer/api.ts in the app, a fake in tests) and report into
 * the store, which holds what matters — edit counts, dirty flags, the file's text and version, the
 * queue's length — where tests and devtools can read it. Saves and publishes run one at a time, in
 * order, so each builds on the version the last one returned.
 *
 * Every edit is also journalled (post-journal.ts) within a second, so leaving a post, closing the
 * repository, a reload or a crash never loses words and never needs to ask first: the edits come
 * back, with a notice, when the post is opened again.
 */
import type {
  CollectionId,
  FrontMatterData,
  PostDocument,
  PublishResult,
  RequestArg,
  RequestName,
  RequestResult,
  SaveRequest,
} from '../../shared/api';
import { toAppError } from '../../shared/errors';
import { whenIdle } from './idle';
import type { JournalWriterOptions } from './journal-writer';
import { createPostJournal, journalFailure } from './post-journal';
import { createPostPrefetch } from './post-prefetch';
import { createPublishActions } from './publish-actions';
import { createRecoveryActions } from './recovery-actions';
import { createDiskActions, type DiskReload } from '../sync/disk-actions';
import { createSeoActions, type SeoActions } from '../seo/seo-actions';
import { createPostRequests, type PostRequests } from './post-requests';
import { createRepoActions, type RepoActions } from './repo-actions';
import type { Store } from './store';
import type { OpenPost, WorkspaceAction, WorkspaceState } from './workspace-state';

/** How the controller reaches the back end. */
export type Invoke = <K extends RequestName>(name: K, arg: RequestArg<K>) => Promise<RequestResult<K>>;

/** What the controller needs from its host. */
export interface ControllerDeps {
  invoke: Invoke;
  /** The editor's body as Markdown, or null when no editor is mounted. */
  exportBody: () => string | null;
  /** The same, cheaply for the journal's frequent writes (re-writing only changed blocks); defaults to `exportBody`. */
  exportJournalBody?: () => string | null;
  /** Journal timing (tests use short delays and no idle wait); `enabled: false` turns journalling off (benchmarks only). */
  journal?: Pick<JournalWriterOptions, 'idleMs' | 'maxWaitMs' | 'whenIdle'> & { enabled?: boolean };
  /** How long after the last edit an automatic save runs (when the repository has autosave on). */
  autosaveDelayMs?: number;
}

// How long the warm-up export after opening may wait for an idle moment (the editor mounts first).
const WARM_UP_TIMEOUT_MS = 2000;

/** Pause after the last edit before an automatic save. */
export const AUTOSAVE_DELAY_MS = 2000;

/** What the writer asked for that leaves the open post. */
type LeaveAction =
  | { kind: 'open-post'; path: string }
  | { kind: 'create-post'; collection: CollectionId; title: string }
  | { kind: 'translate-post'; path: string; locale: string }
  | { kind: 'close-repository' };

/** The actions the workspace UI calls. */
export interface WorkspaceController extends PostRequests, RepoActions, SeoActions {
  loadPosts(): Promise<void>;
  /** Fetches the site's content model (collections, fields, config problems). */
  loadModel(): Promise<void>;
  /** Creates a post in a collection and opens it (unsaved edits of the open one stay journalled). */
  requestCreate(collection: CollectionId, title: string): Promise<void>;
  /** Creates the `locale` translation of the post at `path` and opens it. */
  requestTranslate(path: string, locale: string): Promise<void>;
  refreshSync(): Promise<void>;
  /** Opens a post; the open one's unsaved edits are journalled first and come back when it is reopened. */
  requestOpen(path: string): Promise<void>;
  /** Starts reading the post at `path` ahead of opening it (the writer rests the mouse on it, or presses on it). */
  prefetchPost(path: string): void;
  /** Leaves the repository, its unsaved edits journalled first. */
  requestCloseRepository(): Promise<void>;
  /** Looks for posts with recovered edits; opens the most recent when no post is open, and offers the others. */
  recover(): Promise<void>;
  /** Keeps the recovered edits of the open post (it stays unsaved until the writer saves). */
  keepRecovered(): void;
  /** Drops the open post's recovered edits and reopens the file as it is on disk. */
  discardRecovered(): Promise<void>;
  /** Stops offering the other posts with recovered edits (they stay marked edited in the library). */
  dismissRecoverable(): void;
  /** Reads the repository's settings (autosave). */
  loadSettings(): Promise<void>;
  /** Turns saving to the file after each pause on or off for this repository. */
  setAutosave(on: boolean): Promise<void>;
  /** Journals pending edits now (focus left the editor, the page is hidden or closing); resolves false when they could not be kept. */
  flushJournal(): Promise<boolean>;
  /** False when there are unsaved edits the journal failed to take (closing now could lose them). */
  safe(): boolean;
  /** Stops timers when the workspace goes away. */
  dispose(): void;
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
  /**
   * Reads the open post again after its file changed on disk (see renderer/sync/disk-actions.ts);
   * `compareText` also reloads a clean post whose file kept its version but not its text (a publish that merged others' changes).
   */
  reloadFromDisk(options?: { compareText?: boolean }): Promise<DiskReload>;
  /** A publish made outside `publish` (a resolved merge): reopens the published post and shows the result. */
  adoptPublished(result: PublishResult): Promise<void>;
}

/** Builds the controller over a workspace store. */
export function createWorkspaceController(
  store: Store<WorkspaceState, WorkspaceAction>,
  deps: ControllerDeps,
): WorkspaceController {
  const { invoke, exportBody } = deps;
  const exportJournalBody = deps.exportJournalBody ?? exportBody;
  const inIdleTime = deps.journal?.whenIdle ?? whenIdle;
  const dispatch = store.dispatch;
  const journalling = deps.journal?.enabled ?? true;
  const autosaveDelay = deps.autosaveDelayMs ?? AUTOSAVE_DELAY_MS;
  // What matters (edit counts, the file's text, the queue's length) is in the store; only timers
  // and the queue's promise chain live here.
  let autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  // Counts edits so a save can tell whether the writer kept typing while it was in flight.
  const edits = () => store.getState().edits;

  const journal = createPostJournal({ store, invoke, exportBody: exportJournalBody, timing: deps.journal });

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    dispatch({ type: 'queue', change: 1 });
    const counted = async () => {
      try {
        return await task();
      } finally {
        dispatch({ type: 'queue', change: -1 });
      }
    };
    const run = queue.then(counted, counted);
    queue = run.catch(() => undefined);
    return run;
  }

  // The body as a save would send it; `post` is the open post the caller read the state for.
  // Untouched bodies are sent back exactly as read (the file's, or the recovered edits' when it
  // opened with them), so a front-matter edit never reflows the prose.
  function bodyOf(post: OpenPost): string {
    const base = store.getState().post?.doc.body ?? '';
    if (!store.getState().bodyEdited || post.doc.kind === 'data') return base;
    return exportBody() ?? base;
  }

  function request(state: WorkspaceState): SaveRequest | null {
    const post = state.post;
    if (!post) return null;
    return { path: post.doc.path, baseVersion: post.doc.version, frontMatter: post.frontMatter, body: bodyOf(post) };
  }

  // Runs after the edit is in the store (its count and time).
  function noteEdit(): void {
    if (journalling) journal.noteEdit();
    clearTimeout(autosaveTimer);
    if (store.getState().autosave) autosaveTimer = setTimeout(autosave, autosaveDelay);
  }

  function autosave(): void {
    const state = store.getState();
    // A failed save shows its error; saving again on every pause would only repeat it.
    if (!state.dirty || state.saving || state.saveError || !state.autosave) return;
    void save();
  }

  // Everything the controller remembers about the open post starts over with a newly opened one.
  // (The store's open-done resets the edit counts and the file's text.)
  function adopt(doc: PostDocument): void {
    journal.cancel();
    clearTimeout(autosaveTimer);
    dispatch({ type: 'open-done', doc });
    // The first journal write after opening would write every block of the body (35 ms at 10k
    // words); doing it while the writer reads, once the editor is up, keeps it off their first keystrokes.
    const session = store.getState().post?.session;
    if (journalling)
      inIdleTime(() => store.getState().post?.session === session && exportJournalBody(), WARM_UP_TIMEOUT_MS);
  }

  // The version of the list the page holds: the back end sends the rows only when they changed.
  let listVersion: string | null = null;
  let listRequests = 0;
  async function loadPosts(): Promise<void> {
    // Only the last request's answer counts: an earlier one may arrive later with an older list.
    const request = ++listRequests;
    try {
      const reply = await invoke('posts:list', listVersion === null ? {} : { known: listVersion });
      if (request !== listRequests) return;
      if (reply.posts) {
        listVersion = reply.version;
        dispatch({ type: 'posts-loaded', posts: reply.posts });
      } else if (store.getState().listError !== null) {
        dispatch({ type: 'posts-loaded', posts: store.getState().posts ?? [] });
      }
    } catch (error) {
      if (request === listRequests) dispatch({ type: 'posts-failed', error: toAppError(error) });
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
  async function create(collection: CollectionId, title: string): Promise<void> {
    await createThenOpen(title, () => invoke('post:create', { collection, title }));
  }

  async function translate(path: string, locale: string): Promise<void> {
    await createThenOpen(`${locale.toUpperCase()} translation`, () => invoke('post:translate', { path, locale }));
  }

  async function createThenOpen(title: string, write: () => Promise<PostDocument>): Promise<void> {
    dispatch({ type: 'create-start', title });
    try {
      adopt(await write());
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

  const prefetch = createPostPrefetch((path) => invoke('post:read', { path }));

  async function open(path: string): Promise<void> {
    dispatch({ type: 'open-start', path });
    try {
      adopt(await (prefetch.take(path) ?? invoke('post:read', { path })));
    } catch (error) {
      dispatch({ type: 'open-failed', error: toAppError(error), path });
    }
  }

  function save(): Promise<boolean> {
    return enqueue(async () => {
      const state = store.getState();
      const payload = request(state);
      if (!payload || !state.dirty) return true;
      const startEdits = state.edits;
      dispatch({ type: 'save-start' });
      try {
        const result = await invoke('post:save', payload);
        const stillDirty = edits() !== startEdits;
        dispatch({
          type: 'save-done',
          path: payload.path,
          version: result.version,
          stillDirty,
          translationsFailed: result.translationsFailed,
        });
        saved(payload, stillDirty);
        void loadPosts();
        return true;
      } catch (error) {
        dispatch({ type: 'save-failed', error: toAppError(error) });
        return false;
      }
    });
  }

  // The file holds `payload` now. With nothing typed since, the journal's copy is done with; it is
  // dropped after any write in flight, which holds an older snapshot.
  function saved(payload: SaveRequest, stillDirty: boolean): void {
    dispatch({
      type: 'disk-written',
      text: { path: payload.path, body: payload.body, frontMatter: payload.frontMatter },
    });
    if (stillDirty || !journalling) return;
    journal.cancel();
    void journal
      .exclusive(() => invoke('journal:discard', { path: payload.path }))
      .catch(() => {
        // The back end drops a journal equal to the file when the post is next opened.
      });
  }

  // Leaving a post never asks: its unsaved edits are journalled first and come back when it is
  // reopened. Only when the journal cannot take them (the back end is unreachable) does the post
  // stay open, with the reason, so nothing is lost.
  async function leave(action: LeaveAction): Promise<void> {
    const state = store.getState();
    const post = state.post;
    if (post && state.dirty && journalling) {
      if (!(await journal.flush())) {
        dispatch({ type: 'journal-failed', error: journalFailure() });
        return;
      }
      if (store.getState().dirty) dispatch({ type: 'left-edited', path: post.doc.path });
    }
    clearTimeout(autosaveTimer);
    if (action.kind === 'open-post') await open(action.path);
    else if (action.kind === 'create-post') await create(action.collection, action.title);
    else if (action.kind === 'translate-post') await translate(action.path, action.locale);
    else dispatch({ type: 'close' });
  }

  const recovery = createRecoveryActions({
    store,
    invoke,
    journal,
    open,
    autosaveTimer(armed) {
      clearTimeout(autosaveTimer);
      if (armed) autosaveTimer = setTimeout(autosave, autosaveDelay);
    },
  });

  const seoActions = createSeoActions({ store, invoke });
  const publishing = createPublishActions({
    store,
    invoke,
    enqueue,
    request,
    bodyOf,
    edits,
    saved,
    loadPosts,
    refreshSync,
    loadOpenSeoContext: seoActions.loadOpenSeoContext,
  });

  const diskActions = createDiskActions({
    store,
    invoke,
    journal: journalling ? journal : null,
    enqueue,
    adopt,
    edits,
    currentBody,
  });

  function currentBody(): string | null {
    const post = store.getState().post;
    return post ? bodyOf(post) : null;
  }

  async function requestOpen(path: string): Promise<void> {
    if (store.getState().post?.doc.path === path) return;
    await leave({ kind: 'open-post', path });
  }

  const postRequests = createPostRequests({ store, invoke, currentBody, requestOpen, loadPosts });
  const repoActions = createRepoActions({ store, invoke, publish: () => publishing.publish() });

  return {
    loadPosts,
    loadModel,
    refreshSync,
    requestCreate: (collection, title) => leave({ kind: 'create-post', collection, title }),
    requestTranslate: (path, locale) => leave({ kind: 'translate-post', path, locale }),
    requestOpen,
    prefetchPost(path) {
      if (store.getState().post?.doc.path !== path) prefetch.start(path);
    },
    requestCloseRepository: () => leave({ kind: 'close-repository' }),
    ...recovery,
    ...diskActions,
    ...postRequests,
    ...repoActions,
    ...seoActions,
    flushJournal: () => (journalling ? journal.flush() : Promise.resolve(true)),
    safe: () => !store.getState().dirty || (journalling && !journal.failed()),
    dispose() {
      journal.dispose();
      clearTimeout(autosaveTimer);
    },
    editFrontMatter(frontMatter) {
      dispatch({ type: 'front-matter-edited', frontMatter, at: Date.now() });
      noteEdit();
    },
    editBody() {
      dispatch({ type: 'body-edited', at: Date.now() });
      noteEdit();
    },
    bodyRevision: () => store.getState().bodyRevision,
    currentBody,
    save,
    publish: publishing.publish,
  };
}
