/**
 * THE contract between the UI and the back end: every request the renderer can make (name →
 * argument → result) and every event the back end pushes. The Electron IPC transport, the web-mode
 * HTTP transport, the back end and the renderer are all typed from this one file. Each argument is a
 * valibot schema (shared/api/args.ts): its type is inferred from it, and the back end checks every
 * argument against it before a handler runs.
 */
import type { ContentModel, RelationOption } from './content/schema/types';
import type { AppError, Outcome } from './errors';
import type { ImageInfo, OtherPost, SeoFieldMapping } from './seo/types';
import type { SeoConventions } from './seo/conventions';
import {
  createPostRequest,
  credentialsAnswer,
  credentialsHost,
  credentialsRequestId,
  editedPost,
  journalEntry,
  mediaImportRequest,
  mediaRef,
  seoContextRequest,
  postListRequest,
  pathArg,
  rawSaveRequest,
  recreateRequest,
  relationQuery,
  repoSettingsChange,
  resolveMergeRequest,
  saveRequest,
  seoMappingRequest,
  translateRequest,
  versionRequest,
  type RepoSettings,
} from './api/args';
import { noArg } from './api/fields';
import type { FrontMatterData } from './api/json';
import type { CollectionId, RepoFolder } from './content/collection-ids';
import { request, type ArgOf, type ResultOf } from './api/spec';

// The argument types are declared as schemas in shared/api/ and re-exported here, so the whole
// contract is still read from this one module.
export type {
  ConflictChoice,
  CreatePostRequest,
  CredentialsAnswer,
  JournalEntry,
  MediaImportRequest,
  RawSaveRequest,
  RecreateRequest,
  RelationQuery,
  RepoSettings,
  SaveRequest,
  TranslateRequest,
} from './api/args';
export type { FrontMatterData, JsonValue } from './api/json';
export type { CollectionId, RepoFolder } from './content/collection-ids';

/** The syntax a post's front matter is written in. */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'none';

/** Which shell hosts the UI. The renderer may only use this for wording, never for behaviour. */
export type ShellKind = 'electron' | 'web';

/** Facts about the running app the UI needs at start. */
export interface AppInfo {
  version: string;
  shell: ShellKind;
  /** True where a native folder picker exists (desktop); web mode offers a path field instead. */
  canPickFolder: boolean;
  /** The repository opened at launch (web mode `--repo`), already open in the back end. */
  openRepository: RepoSummary | null;
}

/** A repository the writer opened before, offered on the start screen. */
export interface RecentRepo {
  path: string;
  name: string;
  /** ISO timestamp of the last time it was opened. */
  openedAt: string;
}

/** A folder of posts inside the repository, or a file collection (named single files such as site settings). */
export interface CollectionSummary {
  /**
   * The collection's id: its name in the content model (the config's `name`, e.g. `blog` or
   * `settings`; for an inferred collection, one made unique from its folder). Several collections
   * may share a folder (Decap `filter`), so a folder never identifies one.
   */
  id: CollectionId;
  /** A folder collection's repo-relative POSIX folder (e.g. `content/posts`); null for a file collection. */
  folder: RepoFolder | null;
  /** A readable name, e.g. `Posts`. */
  label: string;
  postCount: number;
}

/** An open repository. */
export interface RepoSummary {
  /** Absolute path of the work tree. */
  path: string;
  /** Folder name, shown as the repository's name. */
  name: string;
  /** Current branch, or null on a detached HEAD / unborn branch. */
  branch: string | null;
  collections: CollectionSummary[];
}

/** Where the current branch stands against its upstream. */
export interface SyncStatus {
  branch: string | null;
  /** e.g. `origin/main`, or null when the branch tracks nothing. */
  upstream: string | null;
  /** Commits waiting to be pushed. */
  ahead: number;
  /** Commits on the remote not yet pulled (as of the last fetch). */
  behind: number;
  /**
   * Posts published while the remote could not be reached (or refused), committed here and queued
   * to push; retried automatically. 0 when nothing waits. Absent from back ends that do not queue.
   */
  waitingToPush?: number;
  /** ISO time of the last successful fetch of the upstream, or null when none succeeded yet. */
  lastFetchAt?: string | null;
  /** What went wrong the last time the back end fetched or pushed on its own (offline, credentials…), or null. */
  problem?: AppError | null;
}

/** What a Sync did, for the status bar: the new status and one sentence ("Up to date", "3 changes from others pulled"). */
export interface SyncOutcome {
  status: SyncStatus;
  message: string;
}

/** A part of a post that the writer and someone else both changed since their last common version. */
export interface MergeConflict {
  /** Stable within one pending merge; the key of the writer's choice. */
  id: string;
  kind: 'field' | 'block';
  /** In words: `Field “Title”`, `Paragraph 3 (“The first skeins…”)`. */
  label: string;
  /** Each side as text: a field's value as YAML-ish text, a block's Markdown source ('' when that side deleted it). */
  base: string;
  mine: string;
  theirs: string;
}

/** A publish that needs the writer: others changed the same places of the post. Everything else merged on its own. */
export interface PendingMerge {
  path: string;
  conflicts: MergeConflict[];
  /** What merged cleanly from the other side, in words (`Paragraph 5 (“…”) changed by others`), for the writer to see. */
  merged: string[];
}

/** One post (or data entry) in the library list. */
export interface PostSummary {
  /** Repo-relative POSIX path, e.g. `content/posts/hello.md`. Identifies the post everywhere. */
  path: string;
  /** The collection's id (CollectionSummary.id). */
  collection: CollectionId;
  /** The front matter title (a file collection's file: its label), or the file name when there is none. */
  title: string;
  /** The front matter date as written (ISO-like string), or null. */
  date: string | null;
  /** True when front matter says `draft: true`. */
  draft: boolean;
  /** In a translated collection with a file per locale: the locale of this file (`de`). */
  locale?: string;
  /** In a translated collection with a file per locale: what all translations of the entry share (the slug without the locale). */
  translationKey?: string;
  /** In a translated collection keeping every locale in one file: the locales the file holds. */
  locales?: string[];
  /** Other collections the file belongs to too (collections sharing a folder, told apart by filters); absent when none. */
  alsoIn?: CollectionId[];
}

/**
 * What `posts:list` answers: the version of the library's list, and its rows unless the page said it
 * holds that version (after most saves it does: a save of the body changes no row).
 */
export interface PostListReply {
  /** Changes whenever a row changes (or the back end restarts). */
  version: string;
  /** Every row, sorted as the library shows them; absent when the page holds this version. */
  posts?: PostSummary[];
}

/**
 * What an open document is: `post`, Markdown with front matter; `data`, a whole YAML, TOML or JSON
 * file that is all fields (an entry of a data collection, or a file collection's file).
 */
export type DocumentKind = 'post' | 'data';

/** A post (or data entry) opened for editing. */
export interface PostDocument {
  kind: DocumentKind;
  path: string;
  /** The collection's id (CollectionSummary.id). */
  collection: CollectionId;
  /** The front matter's syntax; for a data entry, the file's. */
  format: FrontMatterFormat;
  /** The front matter; for a data entry, the whole file's data. */
  frontMatter: FrontMatterData;
  /**
   * The Markdown body after the front matter, with LF line endings (the file's own are restored on
   * save). Always '' for a data entry, whose saves ignore the body.
   */
  body: string;
  /** Fingerprint of the bytes on disk when read; sent back on save to detect changes made elsewhere. */
  version: string;
  /** Unsaved edits journalled before a crash, reload or close, when there are any; the editor opens them with a notice. */
  recovered?: RecoveredEdits;
}

export interface SaveResult {
  /** The new fingerprint of the file on disk. */
  version: string;
  /** False when the file already held exactly these bytes (nothing was written). */
  written: boolean;
  /** ISO timestamp. */
  savedAt: string;
  /** Other translations' files this save also wrote (fields kept the same in every locale); absent when none. */
  translationsUpdated?: string[];
  /** Translations that should have followed this save but could not be written, and why; absent when none. */
  translationsFailed?: Array<{ path: string; message: string }>;
}

export interface PublishResult {
  save: SaveResult;
  /** Full SHA of the commit that now holds the post (the new one, or HEAD when nothing changed). */
  commit: string;
  shortCommit: string;
  /** False when the post was already committed as is, so only a push happened. */
  committed: boolean;
  message: string;
  branch: string;
  upstream: string;
  /**
   * False when the commit was made but could not be pushed yet (offline, remote unreachable): it is
   * queued and pushed automatically ("Published locally — will push when online"). Absent means true.
   */
  pushed?: boolean;
  /** Set when others had pushed first and the branch was brought up to date before pushing: what happened, in words. */
  caughtUp?: string;
}

/** The steps of a publish, pushed as events so the UI can show progress. */
export type PublishStage = 'saving' | 'committing' | 'pushing' | 'done' | 'failed';

export interface PublishProgress {
  path: string;
  stage: PublishStage;
  /** Present when stage is `failed`. */
  error?: AppError;
}

/** Why a post will not open in the editor: its front matter does not read, it is not UTF-8 text, or it is binary. */
export interface RawProblem {
  kind: 'front-matter' | 'not-utf8' | 'binary';
  /** The parser's (or the encoding check's) sentence. */
  message: string;
  /** 1-based line of the mistake, when known. */
  line: number | null;
}

/** A post as raw text, for fixing what keeps it out of the editor (see 'post:raw'). */
export interface RawPost {
  path: string;
  /** The file's text; null when it is not UTF-8 text. */
  text: string | null;
  /** For a file that is not UTF-8: its bytes read as Windows-1252 (Latin-1), offered as the UTF-8 conversion. */
  converted: string | null;
  /** Null when the file opens in the editor after all (someone fixed it meanwhile). */
  problem: RawProblem | null;
  /** Fingerprint of the bytes, for 'post:save-raw'. */
  version: string;
}

/** Unsaved edits found for a post when it is opened (see PostDocument.recovered). */
export interface RecoveredEdits {
  frontMatter: FrontMatterData;
  body: string;
  /** ISO timestamp of the last journalled edit. */
  editedAt: string;
  /**
   * `exact`: the file is as it was when the edits began, so they apply as they are. `merged`: the
   * file changed since (a pull, another editor); the edits were merged into it field by field and
   * block by block with no conflict. `conflict`: some field or block changed on both sides; the
   * edits are offered as they were, and the file's version stays on disk.
   */
  state: 'exact' | 'merged' | 'conflict';
  /** For `conflict`: the front-matter keys and body blocks changed on both sides, in words. */
  conflicts?: string[];
  /**
   * For `conflict`: the version of the file the edits were based on. The editor saves on top of it,
   * so keeping the edits and saving reports the change on disk instead of overwriting it.
   */
  baseVersion?: string;
}

/** A post with journalled edits newer than its file, as offered when a repository opens. */
export interface RecoverablePost {
  path: string;
  title: string;
  editedAt: string;
}

/**
 * One version of a post in its History: a commit that touched the file (followed across renames),
 * or a local save — a copy kept by a save in the app's data folder, committed or not. `id` is
 * opaque: send it back in 'post:version'.
 */
export type PostVersion =
  | {
      kind: 'commit';
      id: string;
      /** ISO timestamp (the author's date). */
      date: string;
      commit: string;
      shortCommit: string;
      author: string;
      /** The message's first line. */
      message: string;
      /** The file's repo-relative path in that commit (another name before a rename). */
      path: string;
    }
  | {
      kind: 'save';
      id: string;
      /** ISO timestamp of the save. */
      date: string;
      /** `written`: what a save wrote; `replaced`: what the file held before a save overwrote it. */
      role: 'written' | 'replaced';
    };

/** A version's content, parsed as the editor opens a post. */
export interface PostVersionContent {
  id: string;
  frontMatter: FrontMatterData;
  /** The Markdown body ('' for a data entry). */
  body: string;
}

/** What the SEO previews and checks need beyond the post itself. */
export interface SeoContext {
  /** The site's address and display name from the CMS config (`site_url`, `display_url`), when it has them. */
  siteUrl: string | null;
  displayUrl: string | null;
  /** Every other post's title and canonical URL (for duplicate checks and the site's URL pattern). */
  otherPosts: OtherPost[];
  /** Repo-relative paths of the repository's files (for internal link checks). */
  existingPaths: string[];
  /** The writer's field mapping for the post's collection ({} when they kept the defaults). */
  mapping: SeoFieldMapping;
  /** How many posts of the collection set a description, canonical URL, image… of their own (the site's habits). */
  conventions?: SeoConventions;
}

/**
 * The site's posts and files the SEO checks compare a post with: the same for every post until a
 * post or a file changes, and on a 10,000-post site ~2 MB, which took the page ~40 ms to read on
 * every open. So `seo:context` sends it only to a page that does not hold its version yet.
 */
export interface SeoCatalog {
  /** Changes whenever the posts or the files below change (or the back end restarts). */
  version: string;
  /** Every post's title and canonical URL, the open one too (the page leaves it out). */
  posts: OtherPost[];
  /** Repo-relative paths of the repository's files (for internal link checks). */
  existingPaths: string[];
}

/** What `seo:context` answers: the post's own part, and the catalog unless the page said it holds that version. */
export interface SeoContextReply extends Omit<SeoContext, 'otherPosts' | 'existingPaths'> {
  catalog: SeoCatalog | { version: string };
}

/** Git needs a sign-in the app does not have: the UI asks the writer, then answers with 'credentials:provide' or 'credentials:cancel'. */
export interface CredentialsNeeded {
  /** Identifies this question in the answer. */
  requestId: string;
  /** The host git is signing in to, with its port when it has one: `github.com`, `127.0.0.1:8080`. */
  host: string;
  /** The username the repository's URL already names, when it does. */
  username?: string;
  /** True where a sign-in can be kept on this computer (the OS keychain); else it lasts until Masthead quits. */
  canRemember: boolean;
}

/** A host the app can sign in to without asking (never the token). */
export interface SavedSignIn {
  host: string;
  username: string;
  /** True when it is kept on this computer; false when it lasts until Masthead quits. */
  remembered: boolean;
}

/** Commands a native menu (or shortcut handled by the shell) sends to the UI. */
export type MenuCommand =
  | 'save'
  | 'publish'
  | 'sync'
  | 'open-repository'
  | 'find'
  | 'replace'
  | 'command-palette'
  | 'shortcuts'
  | 'toggle-library'
  | 'toggle-inspector'
  | 'focus-mode';

/** Where an imported image landed. */
export interface ImportedMedia {
  /** What the post writes (`/images/harbour.png`, `harbour.png` beside a page bundle). */
  src: string;
  /** The repo-relative file. */
  path: string;
  /** True when a file with the same bytes was already there and is used instead of a copy. */
  reused: boolean;
  /** Size, bytes and format, for the large-image warning. */
  info: ImageInfo | null;
  /** Why that folder, in words for the writer (`the site’s media_folder`, `beside the post (page bundle)`). */
  reason: string;
}

/**
 * Every request: name → the schema of its argument (checked by the back end before its handler
 * runs) and the type of its result. Adding a request is one entry here and one handler in
 * main/backend.ts; both transports and the preload register every name listed here.
 */
export const requests = {
  'app:info': request(noArg).returns<AppInfo>(),
  'repo:recent': request(noArg).returns<RecentRepo[]>(),
  /** Shows the native folder picker; resolves null when cancelled or when no picker exists. */
  'repo:pick': request(noArg).returns<string | null>(),
  'repo:open': request(pathArg).returns<RepoSummary>(),
  'repo:status': request(noArg).returns<SyncStatus>(),
  /** The library's rows; `known`: the version of them the page holds (then they are not sent again). */
  'posts:list': request(postListRequest).returns<PostListReply>(),
  'post:read': request(pathArg).returns<PostDocument>(),
  /** The site's content model: from its CMS config, or inferred from the posts (with any config problems). */
  'repo:model': request(noArg).returns<ContentModel>(),
  /** The choices of a relation field, searched. */
  'relation:options': request(relationQuery).returns<RelationOption[]>(),
  /** Creates the post's file (slug from the collection's template, defaults filled in) and opens it. */
  'post:create': request(createPostRequest).returns<PostDocument>(),
  /**
   * Creates the file of a missing translation beside the post (duplicated fields copied, translated
   * ones left to fill in) and opens it. Refused when that translation exists.
   */
  'post:translate': request(translateRequest).returns<PostDocument>(),
  /** Site, other posts and files the SEO checks of the post at `path` compare against. */
  /** The post's SEO context; `known`: the catalog version the page holds (then it is not sent again). */
  'seo:context': request(seoContextRequest).returns<SeoContextReply>(),
  /** Stores which front-matter key feeds each SEO role for a collection (kept per repository). */
  'seo:set-mapping': request(seoMappingRequest).returns<null>(),
  /** Size, byte count and format of an image the post refers to; null when it is not in the repository or unreadable. */
  'media:info': request(mediaRef).returns<ImageInfo | null>(),
  /** Copies an image (base64 bytes) into the folder the site expects for the post; the src to write. */
  'media:import': request(mediaImportRequest).returns<ImportedMedia>(),
  /** The images a publish of the post (as edited: its fields and body) would commit with it: untracked files it refers to. */
  'media:added': request(editedPost).returns<string[]>(),
  'post:save': request(saveRequest).returns<SaveResult>(),
  /** A post the editor cannot open, as raw text with the reason (front matter, encoding) and the line. */
  'post:raw': request(pathArg).returns<RawPost>(),
  /** Saves a post's raw text exactly as given (a fixed front matter, or the UTF-8 conversion). */
  'post:save-raw': request(rawSaveRequest).returns<SaveResult>(),
  /** Writes a post deleted on disk while open back at its path ("Save as new file"); never overwrites. */
  'post:recreate': request(recreateRequest).returns<SaveResult>(),
  /** Saves, commits only this post's (or data entry's) file with `Publish: <title>`, and pushes to the upstream. */
  'post:publish': request(saveRequest).returns<PublishResult>(),
  /** The open post's versions, newest first: its commits (across renames) and its local saves. */
  'post:history': request(pathArg).returns<PostVersion[]>(),
  /** One version of the post (an id from 'post:history'), parsed. */
  'post:version': request(versionRequest).returns<PostVersionContent>(),
  /** The post as the last commit on the current branch has it; null when it was never committed. */
  'post:committed': request(pathArg).returns<PostVersionContent | null>(),
  /** Journals the open post's unsaved edits (atomic, fsync'd, in the app's data folder). */
  'journal:write': request(journalEntry).returns<null>(),
  /** Forgets the post's journalled edits (the writer chose Discard, or saved them). */
  'journal:discard': request(pathArg).returns<null>(),
  /** Posts of the open repository with journalled edits newer than their files, newest first. */
  'journal:recoverable': request(noArg).returns<RecoverablePost[]>(),
  /** Fetches the upstream without touching the work tree (in the background, on focus); the new status. */
  'repo:fetch': request(noArg).returns<SyncStatus>(),
  /** Brings the branch up to date: fast-forward, else rebase the writer's unpushed publish commits; pushes what waits. */
  'repo:sync': request(noArg).returns<SyncOutcome>(),
  /** Links a branch that tracks nothing to its namesake on `origin` (or the only remote): tracked when it exists there, else pushed; the new status. */
  'repo:link-upstream': request(noArg).returns<SyncStatus>(),
  /** Removes `.git/index.lock` left by a crashed git (refused with `git-locked` while a git process runs); true when one was removed. */
  'repo:remove-lock': request(noArg).returns<boolean>(),
  /** After a publish failed with `git-merge-conflict`: the conflicts to resolve (null when none is pending for the post). */
  'post:merge': request(pathArg).returns<PendingMerge | null>(),
  /** Publishes the post with the writer's choice for every conflict of its pending merge. */
  'post:resolve-merge': request(resolveMergeRequest).returns<PublishResult>(),
  /** Drops the pending merge: the writer keeps their version as unsaved edits (journalled), nothing is committed. */
  'post:cancel-merge': request(pathArg).returns<null>(),
  /** Answers a 'credentials:needed' question with the writer's username and token. */
  'credentials:provide': request(credentialsAnswer).returns<null>(),
  /** The writer declined a 'credentials:needed' question: git gets no answer and fails with `git-auth`. */
  'credentials:cancel': request(credentialsRequestId).returns<null>(),
  /** Forgets the sign-in for a host, on this computer and in memory: the next git run asks again. */
  'credentials:forget': request(credentialsHost).returns<null>(),
  /** The hosts the app can sign in to without asking. */
  'credentials:list': request(noArg).returns<SavedSignIn[]>(),
  /** The open repository's settings (defaults for what was never set). */
  'settings:get': request(noArg).returns<RepoSettings>(),
  /** Changes some of the open repository's settings; resolves with all of them. */
  'settings:set': request(repoSettingsChange).returns<RepoSettings>(),
};

/** Every event the back end pushes: name → payload. */
export interface Events {
  'publish:progress': PublishProgress;
  /** Git asks for a sign-in (username and token) the app does not have. */
  'credentials:needed': CredentialsNeeded;
  'menu:command': { command: MenuCommand };
  /** The sync status changed on its own (a background fetch, a queued push landed or failed). */
  'sync:status': SyncStatus;
  /** Files of the repository changed on disk (a pull, another editor, a checkout): repo-relative paths. */
  'files:changed': { paths: string[] };
}

/** Every request's name. */
export type RequestName = keyof typeof requests;
/** What a request's handler receives: its argument as its schema outputs it (checked, unknown fields dropped). */
export type RequestArg<K extends RequestName> = ArgOf<(typeof requests)[K]>;
/** What a request resolves with. */
export type RequestResult<K extends RequestName> = ResultOf<(typeof requests)[K]>;
/** Every request: name → { arg, result }, as types. */
export type Requests = { [K in RequestName]: { arg: RequestArg<K>; result: RequestResult<K> } };
export type EventName = keyof Events;

/** The back end's shape: one async function per request. */
export type Handlers = { [K in RequestName]: (arg: RequestArg<K>) => Promise<RequestResult<K>> };

/** Pushes an event to the UI (Electron webContents or web-mode event stream). */
export type EmitEvent = <E extends EventName>(name: E, payload: Events[E]) => void;

/**
 * What a transport gives the renderer: `window.masthead` in Electron (preload), the HTTP client in
 * web mode. Outcomes carry errors as data; `renderer/api.ts` turns them back into exceptions.
 */
export interface MastheadBridge {
  invoke<K extends RequestName>(name: K, arg: RequestArg<K>): Promise<Outcome<RequestResult<K>>>;
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
  /**
   * An address an <img> can load for the image `src` written in the post at `postPath`, served from
   * the open repository (see main/workspace/media.ts). Synchronous: it only builds the URL.
   */
  mediaUrl(postPath: string, src: string): string;
}

/** The custom scheme the Electron shell serves repository images on. */
export const MEDIA_SCHEME = 'masthead-media';

/** The Electron media URL for an image: `masthead-media://media/?post=…&src=…`. */
export function electronMediaUrl(postPath: string, src: string): string {
  return `${MEDIA_SCHEME}://media/?${new URLSearchParams({ post: postPath, src }).toString()}`;
}

export const REQUEST_NAMES = Object.keys(requests) as RequestName[];

const eventNameSet: { [E in EventName]: true } = {
  'publish:progress': true,
  'menu:command': true,
  'sync:status': true,
  'files:changed': true,
  'credentials:needed': true,
};

/** Every event name. */
export const EVENT_NAMES = Object.keys(eventNameSet) as EventName[];

/** The IPC channel a request travels on in Electron. */
export function requestChannel(name: RequestName): string {
  return `masthead:request:${name}`;
}

/** The IPC channel an event travels on in Electron. */
export function eventChannel(name: EventName): string {
  return `masthead:event:${name}`;
}
