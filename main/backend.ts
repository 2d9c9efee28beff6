/**
 * The back end: composes the workspace, git, settings and publishing services into the one object
 * that implements every request of shared/api.ts. Every handler gets its argument checked against
 * the request's schema first (checkedHandlers), and both transports (Electron IPC, web HTTP) call
 * it through `dispatch` (request-checks.ts), so errors always cross as data. Sync and sign-in
 * requests are in sync-handlers.ts; SEO and image requests in media-handlers.ts.
 */
import { join } from 'node:path';
import type {
  AppInfo,
  EmitEvent,
  FrontMatterData,
  Handlers,
  PostDocument,
  RepoSettings,
  RepoSummary,
  ShellKind,
} from '../shared/api';
import { mediaRef, pathArg } from '../shared/api/args';
import { parseDataFile, type DataFormat } from '../shared/content/data-file';
import { parsePostFile } from '../shared/content/post-file';
import { fail } from '../shared/errors';
import { createContentService, type ContentService } from './content-service';
import { createCredentialBroker } from './credentials/broker';
import { createMemoryCredentialStore, type CredentialStore } from './credentials/credential-store';
import { setRemoteAuth } from './git/index';
import { createJournalService } from './journal/journal-service';
import { mergeFileTexts } from './journal/merge';
import { createLocalSaveStore } from './history/local-saves';
import { committedPost, postHistory, postVersion } from './history/post-history';
import { saveKeepingHistory } from './history/record-save';
import { createPostListVersions } from './post-list-versions';
import { publishPost } from './publish';
import { checkedHandlers, parseArg } from './request-checks';
import { createSyncService, type SyncService } from './sync/sync-service';
import { mediaHandlers } from './media-handlers';
import { syncHandlers } from './sync-handlers';
import { createTranslationSync, type TranslationSync } from './translation-sync';
import type { SettingsStore } from './settings';
import { getRepoSettings, REPO_SETTING_KEYS, setRepoSettings } from './repo-settings';
import { readMedia, type MediaFile } from './workspace/media';
import { librarySummaries, locateEntry } from './workspace/data-entries';
import { normalizeRepoPath } from './workspace/paths';
import { readPost, savePost, warmUpPostRead } from './workspace/posts';
import { openRepository } from './workspace/repository';
import { indexFolders, watchRepository, type RepoWatch } from './workspace/repo-watch';
import { sweepWriteLeftovers } from './workspace/write-leftovers';
import { readRawPost, recreatePost, saveRawPost } from './workspace/raw-source';

/** What a shell provides to build the back end. */
export interface BackendOptions {
  shell: ShellKind;
  version: string;
  settings: SettingsStore;
  emit: EmitEvent;
  /** The native folder picker (desktop only); resolves null when cancelled. */
  pickFolder?: () => Promise<string | null>;
  /** The app's data folder (journal, local history of saves); without it nothing is kept there. */
  dataDir?: string;
  /** Where git sign-ins are kept (the desktop's is encrypted by the OS keychain); default: memory until exit. */
  credentials?: CredentialStore;
  /** The folder of the askpass helper (default: the app's `resources/askpass`). */
  askPassDir?: string;
  /** How long git waits for the writer to sign in (default 3 minutes). */
  signInTimeoutMs?: number;
}

/** Every request handler, plus opening a repository directly (web mode `--repo`, CLI). */
export type Backend = Handlers & {
  /** Opens a repository as 'repo:open' does (and records it in the recent list). */
  openRepository(path: string): Promise<RepoSummary>;
  /** An image a post refers to, from the open repository (served by each transport's media URL). */
  readMedia(postPath: string, src: string): Promise<MediaFile>;
  /** Resolves once the journal writes in flight are on disk: shells await it before the process exits. */
  settle(): Promise<void>;
};

/** Builds the back end for one window / one web session. One repository is open at a time. */
export function createBackend(options: BackendOptions): Backend {
  let current: RepoSummary | null = null;
  let content: ContentService | null = null;
  let translations: TranslationSync | null = null;
  // The version of the open repository's library list each page is told (see post-list-versions.ts).
  let listVersions = createPostListVersions();
  // Fetches, queued pushes and pending merges of the open repository (see main/sync/).
  let sync: SyncService | null = null;
  // Tells the UI about files changed on disk (a pull, another editor) so it reloads what it shows.
  let watcher: RepoWatch | null = null;
  // Tidying after opening a repository (temp files of interrupted saves), awaited by settle().
  let housekeeping: Promise<void> = Promise.resolve();
  // Unsaved edits, journalled within a second of typing (see main/journal/).
  const journal = options.dataDir ? createJournalService(options.dataDir, { merge: mergeFileTexts }) : null;
  // Every save keeps what it replaced and what it wrote, for the History panel.
  const localSaves = options.dataDir ? createLocalSaveStore(join(options.dataDir, 'local-history')) : null;
  // Git asks the writer to sign in through this broker (askpass), never on a terminal.
  const credentials = createCredentialBroker({
    store: options.credentials ?? createMemoryCredentialStore(),
    emit: options.emit,
    ...(options.askPassDir === undefined ? {} : { askPassDir: options.askPassDir }),
    ...(options.signInTimeoutMs === undefined ? {} : { answerTimeoutMs: options.signInTimeoutMs }),
  });
  setRemoteAuth(credentials);

  const requireRepo = (): RepoSummary => {
    if (current === null) throw fail('no-repository', 'No repository is open. Open your site’s repository first.');
    return current;
  };

  const requireSync = (): SyncService => {
    requireRepo();
    if (sync === null) throw fail('no-repository', 'No repository is open. Open your site’s repository first.');
    return sync;
  };

  const requireContent = (): ContentService => {
    requireRepo();
    if (content === null) throw fail('no-repository', 'No repository is open. Open your site’s repository first.');
    return content;
  };

  // Only the content model makes a YAML/TOML/JSON file an editable entry (see data-entries.ts).
  const locate = async (path: string) => locateEntry(await requireContent().model(), path);

  const open = async (path: string): Promise<RepoSummary> => {
    const opened = await openRepository(path);
    // The index is trusted while the repository watch (started below) runs; it marks it stale on every change.
    const service = createContentService(opened.path, {
      get active() {
        return watcher?.active ?? false;
      },
      get reporting() {
        return watcher?.reporting ?? false;
      },
    });
    // The library lists the collections of the content model (the site's config, or inferred).
    const index = await service.refresh();
    const summary = { ...opened, collections: librarySummaries(index) };
    current = summary;
    content?.close();
    content = service;
    listVersions = createPostListVersions();
    translations = createTranslationSync(summary.path, () => content);
    sync?.close();
    sync = createSyncService(summary.path, {
      emit: options.emit,
      // A cancelled merge leaves the writer's version as unsaved edits, journalled like typing.
      keepUnsavedEdits: async (path, text, baseVersion) => {
        if (journal === null) return false;
        const dataFormat = (await locate(path))?.dataFormat ?? null;
        await journal.write(
          summary.path,
          { path, baseVersion, ...editsOf(text, dataFormat), editedAt: new Date().toISOString() },
          async () => dataFormat,
        );
        return true;
      },
    });
    void watcher?.close();
    watcher = null;
    // Cut-short journal writes are swept and month-old journals of deleted posts dropped; never blocks opening.
    await journal
      ?.opened(summary.path)
      .catch((error: unknown) => console.warn('Masthead: could not tidy the unsaved-edits journal.', error));
    try {
      await options.settings.addRecent(summary.path, summary.name);
    } catch (error) {
      // The repository is open and usable; only the start screen's shortcut is missing.
      console.warn('Masthead: could not record the repository in the recent list.', error);
    }
    // Watching and tidying walk every content folder (a second or more on a 10,000-page site), so
    // they start once the repository is open, not before: their file system work would otherwise
    // queue ahead of opening's own. A change made meanwhile is not told by the watch: once it is
    // ready, the index is marked stale, and the next refresh looks at every file.
    if (current === summary) {
      watcher = watchRepository(summary.path, {
        folders: indexFolders(index),
        onStale: (path) => content?.invalidate(path === null ? undefined : [path]),
        onChange: (paths) => options.emit('files:changed', { paths }),
      });
      // Temp files of saves a crash cut short (in .git/masthead-tmp, or beside posts from older
      // versions), after the watch is set up; only files older than any save in flight are removed.
      housekeeping = watcher.ready
        .then(() => {
          if (content === service) content.invalidate();
        })
        .then(() => sweepWriteLeftovers(summary.path, indexFolders(index)))
        .then(() => warmUpPostRead(summary.path, index.entries))
        .catch((error: unknown) => console.warn('Masthead: could not remove temp files of interrupted saves.', error));
    }
    return summary;
  };

  // A journal that cannot be read or merged must never keep the post from opening.
  const recoverInto = async (root: string, doc: PostDocument, dataFormat: DataFormat | null): Promise<PostDocument> => {
    try {
      return (await journal?.recover(root, doc, dataFormat)) ?? doc;
    } catch (error) {
      console.warn(`Masthead: could not read the unsaved-edits journal of ${doc.path}.`, error);
      return doc;
    }
  };

  // One handler per request of the contract; each receives its argument already checked and typed
  // by the request's schema (see checkedHandlers), so none repeats a check.
  const handlers: Handlers = {
    async 'app:info'(): Promise<AppInfo> {
      return {
        version: options.version,
        shell: options.shell,
        canPickFolder: options.pickFolder !== undefined,
        openRepository: current,
      };
    },

    async 'repo:recent'() {
      return options.settings.getRecent();
    },

    async 'repo:pick'() {
      return (await options.pickFolder?.()) ?? null;
    },

    async 'repo:open'({ path }) {
      return open(path);
    },

    async 'repo:status'() {
      requireRepo();
      // The sync engine's status: also what waits to be pushed, the last fetch and any problem.
      return requireSync().status();
    },

    async 'posts:list'({ known }) {
      const repo = requireRepo();
      const service = requireContent();
      const versions = listVersions;
      // Re-index: posts and folders may have been added since the repository was opened.
      const posts = await service.listPosts();
      const index = await service.current();
      if (current === repo) {
        current = { ...repo, collections: librarySummaries(index) };
      }
      return versions.reply(posts, known ?? null);
    },

    async 'repo:model'() {
      requireRepo();
      return requireContent().model();
    },

    async 'relation:options'(query) {
      return requireContent().relationOptions(query);
    },

    async 'post:create'(request) {
      requireRepo();
      return requireContent().createPost(request);
    },

    async 'post:translate'(request) {
      requireRepo();
      return requireContent().createTranslation(request);
    },

    async 'settings:get'() {
      return getRepoSettings(options.settings, requireRepo().path);
    },

    async 'settings:set'(arg) {
      // Only the settings that were sent: a key left out keeps its value.
      const changes: Partial<RepoSettings> = {};
      for (const key of REPO_SETTING_KEYS) if (arg[key] !== undefined) changes[key] = arg[key];
      return setRepoSettings(options.settings, requireRepo().path, changes);
    },

    async 'post:read'({ path }) {
      const repo = requireRepo();
      // The content index names the collection the post belongs to.
      const location = await locate(path);
      const doc = await readPost(repo.path, path, location);
      return requireContent().present(journal ? await recoverInto(repo.path, doc, location?.dataFormat ?? null) : doc);
    },

    async 'post:save'(request) {
      const root = requireRepo().path;
      const afterSave = await translations?.beforeSave(normalizeRepoPath(request.path));
      const dataFormat = (await locate(request.path))?.dataFormat ?? null;
      const result = await saveKeepingHistory(localSaves, root, request, dataFormat !== null, () =>
        savePost(root, request, dataFormat),
      );
      await journal?.saved(root, request);
      if (!result.written) return result;
      // The library lists titles and dates from the index: it must not wait for the watch to notice.
      content?.invalidate([normalizeRepoPath(request.path)]);
      if (!afterSave) return result;
      const synced = await afterSave(request.frontMatter);
      content?.invalidate(synced.translationsUpdated ?? []);
      return { ...result, ...synced };
    },

    async 'post:raw'({ path }) {
      return readRawPost(requireRepo().path, path, (await locate(path))?.dataFormat ?? null);
    },

    async 'post:save-raw'(request) {
      const result = await saveRawPost(requireRepo().path, request, (await locate(request.path))?.dataFormat ?? null);
      if (result.written) content?.invalidate([normalizeRepoPath(request.path)]);
      return result;
    },

    async 'post:recreate'(request) {
      const root = requireRepo().path;
      const result = await recreatePost(
        root,
        request,
        request.format,
        (await locate(request.path))?.dataFormat ?? null,
      );
      await journal?.saved(root, request);
      content?.invalidate();
      return result;
    },

    async 'post:history'({ path }) {
      return postHistory(requireRepo().path, path, localSaves);
    },

    async 'post:version'({ path, id }) {
      return postVersion(requireRepo().path, path, id, localSaves, (await locate(path))?.dataFormat ?? null);
    },

    async 'post:committed'({ path }) {
      return committedPost(requireRepo().path, path, (await locate(path))?.dataFormat ?? null);
    },

    async 'post:publish'(request) {
      try {
        const root = requireRepo().path;
        const dataFormat = (await locate(request.path))?.dataFormat ?? null;
        const publishing = () => publishPost(root, request, options.emit, dataFormat, translations);
        const result = await (sync ? sync.track(publishing) : publishing());
        await journal?.saved(root, request);
        sync?.published(result);
        return result;
      } finally {
        content?.invalidate();
      }
    },

    async 'journal:write'(entry) {
      const root = requireRepo().path;
      if (journal === null)
        throw fail('io', 'Masthead has no data folder to keep unsaved edits in. Save to keep your edits.');
      await journal.write(root, entry, async () => (await locate(entry.path))?.dataFormat ?? null);
      return null;
    },

    async 'journal:discard'({ path }) {
      await journal?.discard(requireRepo().path, path);
      return null;
    },

    async 'journal:recoverable'() {
      const root = requireRepo().path;
      return journal ? journal.recoverable(root) : [];
    },

    ...mediaHandlers({ requireRepo, requireContent, settings: options.settings }),

    ...syncHandlers({
      requireRepo,
      requireSync,
      invalidateContent: () => content?.invalidate(),
      credentials,
    }),
  };

  return {
    ...checkedHandlers(handlers),

    openRepository: async (path) => open(parseArg('repo:open', pathArg, { path }).path),

    readMedia: async (postPath, src) => {
      const ref = parseArg('media', mediaRef, { post: postPath, src });
      return readMedia(requireRepo().path, ref.post, ref.src);
    },

    settle: async () => {
      await Promise.all([journal?.settle(), housekeeping]);
    },
  };
}

/** A file's text as the fields and body a journal entry holds. */
function editsOf(text: string, dataFormat: DataFormat | null): { frontMatter: FrontMatterData; body: string } {
  if (dataFormat !== null) return { frontMatter: parseDataFile(text, dataFormat), body: '' };
  const { data, body } = parsePostFile(text);
  return { frontMatter: data, body };
}
