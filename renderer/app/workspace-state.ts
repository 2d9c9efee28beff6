/**
 * The workspace's state and its pure reducer: the open repository, the post list, the post being
 * edited (with its edited copy of the front matter), save and publish progress, and pane layout.
 */
import type {
  FrontMatterData,
  PostDocument,
  PostSummary,
  PublishResult,
  PublishStage,
  RecoverablePost,
  RecoveredEdits,
  RepoSummary,
  SaveResult,
  SeoContext,
  SyncStatus,
} from '../../shared/api';
import type { ContentModel, FieldIssue } from '../../shared/content/schema/types';
import type { ImageInfo, SeoCheck } from '../../shared/seo/types';
import type { AppError } from '../../shared/errors';

/** A post opened in the editor. `session` changes on every open so the editor and form remount fresh. */
export interface OpenPost {
  doc: PostDocument;
  /** The edited copy of the whole front matter; sent whole on save. */
  frontMatter: FrontMatterData;
  session: number;
}

/** The open post's text as its file holds it (as opened, or as last saved): "unsaved" means different from this. */
export interface DiskText {
  path: string;
  body: string;
  frontMatter: FrontMatterData;
}

/** Where a publish stands. */
export interface PublishState {
  running: boolean;
  stage: PublishStage | null;
  result: PublishResult | null;
  error: AppError | null;
}

/** The notice over a post opened with journalled edits, until the writer keeps or discards them. */
export interface RecoveryNotice {
  path: string;
  state: RecoveredEdits['state'];
  editedAt: string;
  conflicts: string[];
}

/** The inspector's tabs. */
export type InspectorTab = 'fields' | 'seo' | 'publish' | 'history';

/** Everything the workspace shows. */
export interface WorkspaceState {
  repo: RepoSummary;
  /** Null until the first list arrives. */
  posts: PostSummary[] | null;
  listError: AppError | null;
  /** The path being read, while it loads. */
  opening: string | null;
  openError: AppError | null;
  /** The post that failed to open because of its text (front matter, encoding): shown in the raw source view. */
  rawSource: string | null;
  post: OpenPost | null;
  dirty: boolean;
  /** Edits to the open post since it opened: a save or publish compares it to tell whether the writer typed meanwhile. */
  edits: number;
  /** True once the body was edited since the post opened; until then saves send the body exactly as read. */
  bodyEdited: boolean;
  /** Counts body edits in this workspace (never reset), so a reader can tell cheaply whether the body changed. */
  bodyRevision: number;
  /** When the last edit happened (ms since the epoch; 0 before any): the journal's `editedAt`. */
  lastEditAt: number;
  /** What the open post's file holds, to tell edits that went back to it (nothing unsaved then). */
  disk: DiskText | null;
  /** Saves, publishes and reloads waiting in the controller's queue or running (they run one at a time, in order). */
  queued: number;
  /** Posts the writer left with unsaved edits in this session: reopening them needs no recovery notice. */
  leftEdited: readonly string[];
  saving: boolean;
  saveError: AppError | null;
  /** The last save or publish could not carry shared fields into these translations (see translation-sync.ts). */
  translationsFailed: NonNullable<SaveResult['translationsFailed']> | null;
  sync: SyncStatus | null;
  publish: PublishState;
  /**
   * The errors that stopped the last publish before it started (a required field left empty…),
   * shown as a summary in the Publish tab; cleared when the writer publishes again or opens a post.
   */
  publishBlocked: FieldIssue[] | null;
  /** How many fields of the open entry are invalid right now (shown in the status bar). */
  fieldErrors: number;
  /** The SEO errors that held back the last publish, until the writer fixes them or publishes anyway. */
  seoBlocked: SeoCheck[] | null;
  /** What the open post's SEO checks compare against; null until loaded. */
  seoContext: SeoContext | null;
  /** The open post's social image facts: undefined until looked up, null when unreadable. */
  seoImage: { src: string; info: ImageInfo | null } | null;
  /** The site's content model; null until it arrives (the form infers fields from the post meanwhile). */
  model: ContentModel | null;
  /** A new post being created (its title), while the back end writes it. */
  creating: string | null;
  createError: AppError | null;
  /** Short SHA of the last publish in this session, kept when another post is opened. */
  lastPublish: string | null;
  words: number;
  /** Shown over the open post when it opened with recovered edits. */
  recovery: RecoveryNotice | null;
  /** Other posts with recovered edits the writer has not looked at yet (offered in the recovery bar). */
  recoverable: RecoverablePost[];
  /** Posts whose unsaved edits are in the journal, not in their files (marked edited in the library). */
  journalled: readonly string[];
  /** Save the file by itself after a pause in typing (per repository; off by default). */
  autosave: boolean;
  tab: InspectorTab;
  libraryOpen: boolean;
  inspectorOpen: boolean;
  /** Set once the writer has left the repository; the host then shows the start screen. */
  closed: boolean;
}

/** Every change the workspace knows. */
export type WorkspaceAction =
  | { type: 'posts-loaded'; posts: PostSummary[] }
  | { type: 'posts-failed'; error: AppError }
  | { type: 'model-loaded'; model: ContentModel }
  | { type: 'create-start'; title: string }
  | { type: 'create-failed'; error: AppError }
  | { type: 'publish-blocked'; issues: FieldIssue[] }
  | { type: 'seo-blocked'; checks: SeoCheck[] }
  | { type: 'field-errors'; count: number }
  | { type: 'seo-context'; path: string; context: SeoContext }
  | { type: 'seo-image'; path: string; image: { src: string; info: ImageInfo | null } | null }
  | { type: 'open-start'; path: string }
  | { type: 'open-done'; doc: PostDocument }
  | { type: 'open-failed'; error: AppError; path?: string }
  // `at`: when the edit happened (ms since the epoch), for the journal.
  | { type: 'front-matter-edited'; frontMatter: FrontMatterData; at?: number }
  | { type: 'body-edited'; at?: number }
  | { type: 'disk-written'; text: DiskText }
  | { type: 'queue'; change: 1 | -1 }
  | { type: 'left-edited'; path: string }
  | { type: 'save-start' }
  | {
      type: 'save-done';
      path: string;
      version: string;
      stillDirty: boolean;
      translationsFailed?: SaveResult['translationsFailed'];
    }
  | { type: 'dismiss-translations-failed' }
  | { type: 'save-failed'; error: AppError }
  | { type: 'dismiss-save-error' }
  | { type: 'sync'; status: SyncStatus | null }
  | { type: 'publish-start' }
  | { type: 'publish-progress'; stage: PublishStage }
  | { type: 'publish-done'; result: PublishResult; stillDirty: boolean }
  | { type: 'publish-failed'; error: AppError }
  | { type: 'words'; words: number }
  | { type: 'matches-disk'; path: string }
  | { type: 'journal-failed'; error: AppError }
  | { type: 'journalled'; path: string; edited: boolean }
  | { type: 'recoverable'; posts: RecoverablePost[] }
  | { type: 'recovery-kept' }
  | { type: 'autosave'; on: boolean }
  | { type: 'tab'; tab: InspectorTab }
  | { type: 'toggle-library' }
  | { type: 'toggle-inspector' }
  | { type: 'close' };

const idlePublish: PublishState = { running: false, stage: null, result: null, error: null };

/** The state of a freshly opened repository. */
export function initialWorkspaceState(repo: RepoSummary): WorkspaceState {
  return {
    repo,
    posts: null,
    listError: null,
    opening: null,
    openError: null,
    rawSource: null,
    post: null,
    dirty: false,
    edits: 0,
    bodyEdited: false,
    bodyRevision: 0,
    lastEditAt: 0,
    disk: null,
    queued: 0,
    leftEdited: [],
    saving: false,
    saveError: null,
    translationsFailed: null,
    sync: null,
    publish: idlePublish,
    publishBlocked: null,
    fieldErrors: 0,
    seoBlocked: null,
    seoContext: null,
    seoImage: null,
    model: null,
    creating: null,
    createError: null,
    lastPublish: null,
    words: 0,
    recovery: null,
    recoverable: [],
    journalled: [],
    autosave: false,
    tab: 'fields',
    libraryOpen: true,
    inspectorOpen: true,
    closed: false,
  };
}

/** Applies one action; returns the same object when nothing changed so subscribers stay quiet. */
export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'posts-loaded':
      return { ...state, posts: action.posts, listError: null };
    case 'posts-failed':
      return { ...state, listError: action.error };
    case 'model-loaded':
      return { ...state, model: action.model };
    case 'create-start':
      return { ...state, creating: action.title, createError: null };
    case 'create-failed':
      return { ...state, creating: null, createError: action.error };
    case 'field-errors':
      return state.fieldErrors === action.count ? state : { ...state, fieldErrors: action.count };
    case 'seo-blocked':
      return { ...state, seoBlocked: action.checks, tab: 'publish', inspectorOpen: true };
    case 'seo-context':
      return state.post?.doc.path === action.path ? { ...state, seoContext: action.context } : state;
    case 'seo-image':
      return state.post?.doc.path === action.path ? { ...state, seoImage: action.image } : state;
    case 'publish-blocked':
      return { ...state, publishBlocked: action.issues, tab: 'fields', inspectorOpen: true };
    case 'open-start':
      return { ...state, opening: action.path, openError: null, rawSource: null };
    case 'open-done': {
      const session = (state.post?.session ?? 0) + 1;
      const recovered = action.doc.recovered;
      const path = action.doc.path;
      // Edits the writer left here a moment ago come back without a notice: they know.
      const known = recovered?.state === 'exact' && state.leftEdited.includes(path);
      return {
        ...state,
        edits: 0,
        bodyEdited: false,
        disk: { path, body: action.doc.body, frontMatter: action.doc.frontMatter },
        leftEdited: withPath(state.leftEdited, path, false),
        opening: null,
        rawSource: null,
        creating: null,
        createError: null,
        // Recovered edits open as the edited copy: unsaved until the writer saves them.
        post: { doc: asOpened(action.doc), frontMatter: recovered?.frontMatter ?? action.doc.frontMatter, session },
        dirty: recovered !== undefined,
        recovery:
          recovered && !known
            ? { path, state: recovered.state, editedAt: recovered.editedAt, conflicts: recovered.conflicts ?? [] }
            : null,
        recoverable: state.recoverable.some((post) => post.path === path)
          ? state.recoverable.filter((post) => post.path !== path)
          : state.recoverable,
        journalled: withPath(state.journalled, path, recovered !== undefined),
        saveError: null,
        translationsFailed: null,
        publish: idlePublish,
        publishBlocked: null,
        seoBlocked: null,
        seoContext: state.post?.doc.path === action.doc.path ? state.seoContext : null,
        seoImage: state.post?.doc.path === action.doc.path ? state.seoImage : null,
        words: 0,
      };
    }
    case 'open-failed': {
      // Text the editor cannot read opens as raw source; the post left behind has its edits journalled
      // (a dirty one whose edits could not be kept stays open instead, with the error above it).
      const raw = action.path !== undefined && opensAsRawSource(action.error) && !state.dirty;
      return raw
        ? { ...state, opening: null, openError: null, rawSource: action.path ?? null, post: null }
        : { ...state, opening: null, openError: action.error, rawSource: null };
    }
    case 'front-matter-edited': {
      const edited = { ...state, edits: state.edits + 1, lastEditAt: action.at ?? state.lastEditAt };
      if (!state.post) return edited;
      return { ...edited, post: { ...state.post, frontMatter: action.frontMatter }, dirty: true };
    }
    case 'body-edited':
      return {
        ...state,
        edits: state.edits + 1,
        bodyEdited: true,
        bodyRevision: state.bodyRevision + 1,
        lastEditAt: action.at ?? state.lastEditAt,
        dirty: state.dirty || state.post !== null,
      };
    case 'disk-written':
      return state.disk?.path === action.text.path ? { ...state, disk: action.text } : state;
    case 'queue':
      return { ...state, queued: state.queued + action.change };
    case 'left-edited':
      return { ...state, leftEdited: withPath(state.leftEdited, action.path, true) };
    case 'save-start':
      return { ...state, saving: true, saveError: null };
    case 'save-done':
      return withNewVersion(
        { ...state, saving: false, translationsFailed: action.translationsFailed ?? null },
        action.path,
        action.version,
        action.stillDirty,
      );
    case 'dismiss-translations-failed':
      return { ...state, translationsFailed: null };
    case 'save-failed':
      return { ...state, saving: false, saveError: action.error };
    case 'dismiss-save-error':
      return { ...state, saveError: null };
    case 'sync':
      return { ...state, sync: action.status };
    case 'publish-start':
      return {
        ...state,
        publish: { running: true, stage: 'saving', result: null, error: null },
        publishBlocked: null,
        seoBlocked: null,
        tab: 'publish',
        inspectorOpen: true,
      };
    case 'publish-progress':
      // Late events from a finished run must not flip the panel back to "running".
      return state.publish.running ? { ...state, publish: { ...state.publish, stage: action.stage } } : state;
    case 'publish-done': {
      const next = withNewVersion(
        { ...state, translationsFailed: action.result.save.translationsFailed ?? null },
        state.post?.doc.path ?? '',
        action.result.save.version,
        action.stillDirty,
      );
      return {
        ...next,
        publish: { running: false, stage: 'done', result: action.result, error: null },
        lastPublish: action.result.shortCommit,
      };
    }
    case 'publish-failed':
      return { ...state, publish: { running: false, stage: 'failed', result: null, error: action.error } };
    case 'words':
      return state.words === action.words ? state : { ...state, words: action.words };
    case 'matches-disk':
      // Undone back to the file's text: nothing unsaved, nothing journalled.
      if (state.post?.doc.path !== action.path) return state;
      return { ...state, dirty: false, journalled: withPath(state.journalled, action.path, false) };
    case 'journal-failed':
      return { ...state, saveError: action.error };
    case 'journalled': {
      const journalled = withPath(state.journalled, action.path, action.edited);
      return journalled === state.journalled ? state : { ...state, journalled };
    }
    case 'recoverable':
      return {
        ...state,
        recoverable: action.posts,
        journalled: action.posts.reduce((paths, post) => withPath(paths, post.path, true), state.journalled),
      };
    case 'recovery-kept':
      return { ...state, recovery: null };
    case 'autosave':
      return state.autosave === action.on ? state : { ...state, autosave: action.on };
    case 'tab':
      return state.tab === action.tab ? state : { ...state, tab: action.tab };
    case 'toggle-library':
      return { ...state, libraryOpen: !state.libraryOpen };
    case 'toggle-inspector':
      return { ...state, inspectorOpen: !state.inspectorOpen };
    case 'close':
      return { ...state, closed: true };
  }
}

/** True for failures to open that are about the file's text, which the raw source view can show and fix. */
export function opensAsRawSource(error: AppError): boolean {
  return (
    error.code === 'invalid-front-matter' || (error.code === 'io' && /not UTF-8 text|binary file/.test(error.message))
  );
}

// A save or publish answered for the post still open: adopt the new version the next save builds on.
function withNewVersion(state: WorkspaceState, path: string, version: string, stillDirty: boolean): WorkspaceState {
  if (!state.post || state.post.doc.path !== path) return state;
  const post = { ...state.post, doc: { ...state.post.doc, version } };
  if (stillDirty) return { ...state, post, dirty: true };
  // Saved: the file holds the edits now, so the journal's copy and any recovery notice are done.
  return { ...state, post, dirty: false, recovery: null, journalled: withPath(state.journalled, path, false) };
}

// A post opened with recovered edits shows their body everywhere (editor, SEO, publish checks);
// the controller keeps the file's own text to tell what is unsaved. Conflicting edits build on the
// version they began from, never on the changed file: a save then reports the change on disk (as
// any save would) instead of overwriting it; without that version, one that matches no file does.
function asOpened(doc: PostDocument): PostDocument {
  const recovered = doc.recovered;
  if (!recovered) return doc;
  const version =
    recovered.state === 'conflict' ? (recovered.baseVersion ?? `${doc.version}:before-recovered-edits`) : doc.version;
  return { ...doc, body: recovered.body, version };
}

// The list with `path` in (edited) or out; the same array when nothing changes.
function withPath(paths: readonly string[], path: string, edited: boolean): readonly string[] {
  if (paths.includes(path) === edited) return paths;
  return edited ? [...paths, path] : paths.filter((item) => item !== path);
}

/** The title shown for the open post: its front-matter title, else the file name. */
export function titleOf(frontMatter: FrontMatterData, path: string): string {
  const title = frontMatter['title'];
  if (typeof title === 'string' && title.trim() !== '') return title;
  return path.split('/').pop() ?? path;
}
