/**
 * The back end: composes the workspace, git, settings and publishing services into the one object
 * that implements every request of shared/api.ts. Both transports (Electron IPC, web HTTP) call it
 * through `dispatch`, so arguments are checked in one place and errors always cross as data.
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
  RequestName,
  ShellKind,
} from '../shared/api';
import { REQUEST_NAMES } from '../shared/api';
import { parseDataFile, type DataFormat } from '../shared/content/data-file';
import { parsePostFile } from '../shared/content/post-file';
import type { Outcome } from '../shared/errors';
import { fail, toAppError } from '../shared/errors';
import { createContentService, type ContentService } from './content-service';
import { createCredentialBroker } from './credentials/broker';
import { createMemoryCredentialStore, type CredentialStore } from './credentials/credential-store';
import { setRemoteAuth } from './git/index';
import { createJournalService } from './journal/journal-service';
import { mergeFileTexts } from './journal/merge';
import { createLocalSaveStore } from './history/local-saves';
import { committedPost, postHistory, postVersion } from './history/post-history';
import { saveKeepingHistory } from './history/record-save';
import { publishPost } from './publish';
import {
  badRequest,
  checkConflictChoices,
  checkJournalEntry,
  checkMediaImport,
  checkNull,
  checkPathArg,
  checkRawSaveRequest,
  checkRecreateRequest,
  checkRelationQuery,
  checkSaveRequest,
  checkString,
  isPlainObject,
} from './request-checks';
import { createSyncService, type SyncService } from './sync/sync-service';
import { createTranslationSync, type TranslationSync } from './translation-sync';
import { mediaInfo, seoContext, setSeoMapping } from './seo-service';
import type { SettingsStore } from './settings';
import { getRepoSettings, REPO_SETTING_KEYS, setRepoSettings } from './repo-settings';
import { readMedia, type MediaFile } from './workspace/media';
import { importMedia, siteGenerator } from './workspace/media-import';
import { addedMedia } from './workspace/post-media';
import { readSiteConventions } from './workspace/site-conventions';
import { librarySummaries, locateEntry } from './workspace/data-entries';
import { normalizeRepoPath } from './workspace/paths';
import { readPost, savePost } from './workspace/posts';
import { openRepository } from './workspace/repository';
import { indexFolders, watchRepository, type RepoWatch } from './workspace/repo-watch';
import { sweepWriteLeftovers } from './workspace/write-leftovers';
import { removeStaleIndexLock } from './sync/preflight';
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
  // Fetches, queued pushes and pending merges of the open repository (see main/sync/).
  let sync: SyncService | null = null;
  // Tells the UI about files changed on disk (a pull, another editor) so it reloads what it shows.
  let watcher: RepoWatch | null = null;
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
    const service = createContentService(opened.path);
    // The library lists the collections of the content model (the site's config, or inferred).
    const index = await service.refresh();
    const summary = { ...opened, collections: librarySummaries(index) };
    current = summary;
    content?.close();
    content = service;
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
    watcher = watchRepository(summary.path, {
      folders: indexFolders(index),
      onChange: (paths) => {
        content?.invalidate();
        options.emit('files:changed', { paths });
      },
    });
    // Cut-short journal writes are swept and month-old journals of deleted posts dropped; never blocks opening.
    await journal
      ?.opened(summary.path)
      .catch((error: unknown) => console.warn('Masthead: could not tidy the unsaved-edits journal.', error));
    // Temp files of saves a crash cut short (in .git/masthead-tmp, or beside posts from older versions).
    await sweepWriteLeftovers(summary.path, indexFolders(index)).catch((error: unknown) =>
      console.warn('Masthead: could not remove temp files of interrupted saves.', error),
    );
    try {
      await options.settings.addRecent(summary.path, summary.name);
    } catch (error) {
      // The repository is open and usable; only the start screen's shortcut is missing.
      console.warn('Masthead: could not record the repository in the recent list.', error);
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

  return {
    openRepository: async (path) => open(checkString(path, 'path', 'repo:open')),

    readMedia: async (postPath, src) =>
      readMedia(requireRepo().path, checkString(postPath, 'post', 'media'), checkString(src, 'src', 'media')),

    settle: async () => journal?.settle(),

    async 'app:info'(arg): Promise<AppInfo> {
      checkNull(arg, 'app:info');
      return {
        version: options.version,
        shell: options.shell,
        canPickFolder: options.pickFolder !== undefined,
        openRepository: current,
      };
    },

    async 'repo:recent'(arg) {
      checkNull(arg, 'repo:recent');
      return options.settings.getRecent();
    },

    async 'repo:pick'(arg) {
      checkNull(arg, 'repo:pick');
      return (await options.pickFolder?.()) ?? null;
    },

    async 'repo:open'(arg) {
      return open(checkPathArg(arg, 'repo:open'));
    },

    async 'repo:status'(arg) {
      checkNull(arg, 'repo:status');
      requireRepo();
      // The sync engine's status: also what waits to be pushed, the last fetch and any problem.
      return requireSync().status();
    },

    async 'posts:list'(arg) {
      checkNull(arg, 'posts:list');
      const repo = requireRepo();
      const service = requireContent();
      // Re-index: posts and folders may have been added since the repository was opened.
      const posts = await service.listPosts();
      const index = await service.current();
      if (current === repo) {
        current = { ...repo, collections: librarySummaries(index) };
      }
      return posts;
    },

    async 'repo:model'(arg) {
      checkNull(arg, 'repo:model');
      requireRepo();
      return requireContent().model();
    },

    async 'relation:options'(arg) {
      return requireContent().relationOptions(checkRelationQuery(arg));
    },

    async 'seo:context'(arg) {
      const path = checkPathArg(arg, 'seo:context');
      return seoContext(requireRepo().path, requireContent(), options.settings, path);
    },

    async 'seo:set-mapping'(arg) {
      const request = 'seo:set-mapping';
      if (!isPlainObject(arg) || !isPlainObject(arg.mapping))
        throw badRequest(request, 'expected a “collection” and a “mapping” object');
      const mapping: Record<string, string> = {};
      for (const [role, key] of Object.entries(arg.mapping)) mapping[role] = checkString(key, role, request, true);
      await setSeoMapping(
        options.settings,
        requireRepo().path,
        checkString(arg.collection, 'collection', request, true),
        mapping,
      );
      return null;
    },

    async 'media:info'(arg) {
      if (!isPlainObject(arg)) throw badRequest('media:info', 'expected an object with “post” and “src”');
      return mediaInfo(
        requireRepo().path,
        checkString(arg.post, 'post', 'media:info'),
        checkString(arg.src, 'src', 'media:info'),
      );
    },

    async 'media:import'(arg) {
      const { post, name, data, mediaFolder, publicFolder, forField } = checkMediaImport(arg);
      const root = requireRepo().path;
      const model = await requireContent().model();
      const generator = await siteGenerator(root, await readSiteConventions(root), model);
      const field = {
        ...(mediaFolder === undefined ? {} : { mediaFolder }),
        ...(publicFolder === undefined ? {} : { publicFolder }),
        ...(forField ? { forField } : {}),
      };
      return importMedia(root, model, generator, { post, name, bytes: Buffer.from(data, 'base64'), field });
    },

    async 'media:added'(arg) {
      // The same shape as a save: a path, the edited front matter and body.
      const { path, frontMatter, body } = checkSaveRequest(
        { ...(isPlainObject(arg) ? arg : {}), baseVersion: '-' },
        'media:added',
      );
      return addedMedia(requireRepo().path, normalizeRepoPath(path), frontMatter, body);
    },

    async 'post:create'(arg) {
      if (!isPlainObject(arg)) throw badRequest('post:create', 'expected an object with a “collection” and a “title”');
      requireRepo();
      return requireContent().createPost({
        collection: checkString(arg.collection, 'collection', 'post:create'),
        title: checkString(arg.title, 'title', 'post:create', true),
      });
    },

    async 'post:translate'(arg) {
      const request = 'post:translate';
      if (!isPlainObject(arg)) throw badRequest(request, 'expected an object with a “path” and a “locale”');
      requireRepo();
      return requireContent().createTranslation({
        path: checkString(arg.path, 'path', request),
        locale: checkString(arg.locale, 'locale', request),
      });
    },

    async 'settings:get'(arg) {
      checkNull(arg, 'settings:get');
      return getRepoSettings(options.settings, requireRepo().path);
    },

    async 'settings:set'(arg) {
      if (!isPlainObject(arg)) throw badRequest('settings:set', 'expected an object of settings');
      const changes: Partial<RepoSettings> = {};
      for (const key of REPO_SETTING_KEYS) {
        const value = arg[key];
        if (value === undefined) continue;
        if (typeof value !== 'boolean') throw badRequest('settings:set', `“${key}” must be true or false`);
        changes[key] = value;
      }
      return setRepoSettings(options.settings, requireRepo().path, changes);
    },

    async 'post:read'(arg) {
      const path = checkPathArg(arg, 'post:read');
      const repo = requireRepo();
      // The content index names the collection the post belongs to.
      const location = await locate(path);
      const doc = await readPost(repo.path, path, [], location);
      return requireContent().present(journal ? await recoverInto(repo.path, doc, location?.dataFormat ?? null) : doc);
    },

    async 'post:save'(arg) {
      const request = checkSaveRequest(arg, 'post:save');
      const root = requireRepo().path;
      const afterSave = await translations?.beforeSave(normalizeRepoPath(request.path));
      const dataFormat = (await locate(request.path))?.dataFormat ?? null;
      const result = await saveKeepingHistory(localSaves, root, request, dataFormat !== null, () =>
        savePost(root, request, dataFormat),
      );
      await journal?.saved(root, request);
      if (!result.written) return result;
      // The library lists titles and dates from the index: it must not wait for the watch to notice.
      content?.invalidate();
      return afterSave ? { ...result, ...(await afterSave(request.frontMatter)) } : result;
    },

    async 'post:raw'(arg) {
      const path = checkPathArg(arg, 'post:raw');
      return readRawPost(requireRepo().path, path, (await locate(path))?.dataFormat ?? null);
    },

    async 'post:save-raw'(arg) {
      const request = checkRawSaveRequest(arg);
      const result = await saveRawPost(requireRepo().path, request, (await locate(request.path))?.dataFormat ?? null);
      if (result.written) content?.invalidate();
      return result;
    },

    async 'post:recreate'(arg) {
      const request = checkRecreateRequest(arg);
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

    async 'post:history'(arg) {
      const path = checkPathArg(arg, 'post:history');
      return postHistory(requireRepo().path, path, localSaves);
    },

    async 'post:version'(arg) {
      const path = checkPathArg(arg, 'post:version');
      const id = checkString((arg as { id?: unknown }).id, 'id', 'post:version');
      return postVersion(requireRepo().path, path, id, localSaves, (await locate(path))?.dataFormat ?? null);
    },

    async 'post:committed'(arg) {
      const path = checkPathArg(arg, 'post:committed');
      return committedPost(requireRepo().path, path, (await locate(path))?.dataFormat ?? null);
    },

    async 'post:publish'(arg) {
      const request = checkSaveRequest(arg, 'post:publish');
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

    async 'credentials:provide'(arg) {
      const request = 'credentials:provide';
      if (!isPlainObject(arg) || typeof arg.remember !== 'boolean')
        throw badRequest(request, 'expected requestId, username, token and remember');
      const answer = {
        requestId: checkString(arg.requestId, 'requestId', request),
        username: checkString(arg.username, 'username', request),
        token: checkString(arg.token, 'token', request),
        remember: arg.remember,
      };
      await credentials.provide(answer);
      return null;
    },

    async 'credentials:cancel'(arg) {
      if (!isPlainObject(arg)) throw badRequest('credentials:cancel', 'expected an object with a “requestId”');
      credentials.cancel(checkString(arg.requestId, 'requestId', 'credentials:cancel'));
      return null;
    },

    async 'credentials:forget'(arg) {
      if (!isPlainObject(arg)) throw badRequest('credentials:forget', 'expected an object with a “host”');
      await credentials.forget(checkString(arg.host, 'host', 'credentials:forget'));
      return null;
    },

    async 'credentials:list'(arg) {
      checkNull(arg, 'credentials:list');
      return credentials.list();
    },

    async 'journal:write'(arg) {
      const entry = checkJournalEntry(arg);
      const root = requireRepo().path;
      if (journal === null)
        throw fail('io', 'Masthead has no data folder to keep unsaved edits in. Save to keep your edits.');
      await journal.write(root, entry, async () => (await locate(entry.path))?.dataFormat ?? null);
      return null;
    },

    async 'journal:discard'(arg) {
      const path = checkPathArg(arg, 'journal:discard');
      await journal?.discard(requireRepo().path, path);
      return null;
    },

    async 'journal:recoverable'(arg) {
      checkNull(arg, 'journal:recoverable');
      const root = requireRepo().path;
      return journal ? journal.recoverable(root) : [];
    },

    async 'repo:fetch'(arg) {
      checkNull(arg, 'repo:fetch');
      return requireSync().fetch();
    },

    async 'repo:sync'(arg) {
      checkNull(arg, 'repo:sync');
      try {
        return await requireSync().sync();
      } finally {
        content?.invalidate();
      }
    },

    async 'repo:link-upstream'(arg) {
      checkNull(arg, 'repo:link-upstream');
      return requireSync().linkUpstream();
    },

    async 'repo:remove-lock'(arg) {
      checkNull(arg, 'repo:remove-lock');
      return removeStaleIndexLock(requireRepo().path);
    },

    async 'post:merge'(arg) {
      return requireSync().pendingMerge(checkPathArg(arg, 'post:merge'));
    },

    async 'post:resolve-merge'(arg) {
      const request = 'post:resolve-merge';
      const path = checkPathArg(arg, request);
      const choices = checkConflictChoices((arg as { choices?: unknown }).choices, request);
      try {
        return await requireSync().resolveMerge(path, choices);
      } finally {
        content?.invalidate();
      }
    },

    async 'post:cancel-merge'(arg) {
      await requireSync().cancelMerge(checkPathArg(arg, 'post:cancel-merge'));
      content?.invalidate();
      return null;
    },
  };
}

/**
 * Runs one request by name and returns its outcome as data: unknown names and malformed arguments
 * become 'bad-request', anything thrown becomes an AppError. Never throws.
 */
export async function dispatch(backend: Handlers, name: unknown, arg: unknown): Promise<Outcome<unknown>> {
  if (!isRequestName(name)) {
    const shown = typeof name === 'string' ? name.slice(0, 100) : typeof name;
    return { ok: false, error: { code: 'bad-request', message: `Masthead does not know the request “${shown}”.` } };
  }
  try {
    const handler = backend[name] as (value: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(arg) };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}

/** True for the name of a request in the contract (and not, say, `constructor`). */
export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && (REQUEST_NAMES as readonly string[]).includes(name);
}

/** A file's text as the fields and body a journal entry holds. */
function editsOf(text: string, dataFormat: DataFormat | null): { frontMatter: FrontMatterData; body: string } {
  if (dataFormat !== null) return { frontMatter: parseDataFile(text, dataFormat), body: '' };
  const { data, body } = parsePostFile(text);
  return { frontMatter: data, body };
}
