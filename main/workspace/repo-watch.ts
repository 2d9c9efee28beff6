/**
 * Tells the UI which files of the open repository changed on disk — a pull, another editor, a
 * `git checkout` — so an open post can be reloaded in place and the library refreshed. Uses
 * chokidar, which watches each folder on its own: Node 20's recursive `fs.watch` on Linux misses
 * events in folders created after the watch began (nodejs/node#48437), exactly what a pull does.
 *
 * Only what the content index is built from is watched (the collection folders, the folder of the
 * CMS config, file collections' folders, and the root's own files): a site's node_modules or
 * build output can hold hundreds of thousands of files that never matter here. `.git/` and
 * dot-folders are skipped; what a pull or checkout does shows up in the work tree anyway.
 */
import { posix, relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { ContentIndex } from './content-index';

/** A running watch. */
export interface RepoWatch {
  /** Resolves once the initial scan is done and changes are being reported. */
  ready: Promise<void>;
  /** False once watching failed (a folder gone, too many watches): changes may then go unseen. */
  readonly active: boolean;
  /** True while every change is reported: active, and its first scan done (a change during it is not told). */
  readonly reporting: boolean;
  close(): Promise<void>;
}

/** What to watch and whom to tell. */
export interface RepoWatchOptions {
  /** Repo-relative POSIX folders watched with everything below them; '' (the root) is watched one level deep. */
  folders: readonly string[];
  /** Receives the repo-relative POSIX paths that changed, batched (sorted, each once). */
  onChange: (paths: string[]) => void;
  /**
   * Called at once for every change, before batching, to mark caches stale without waiting: with
   * the changed file's repo-relative path, or null when changes may go unseen from now on.
   */
  onStale?: (path: string | null) => void;
  /** Quiet time that ends a batch: a pull touching many files is told once. */
  quietMs?: number;
  /** Longest a batch waits while changes keep coming. */
  maxWaitMs?: number;
}

const QUIET_MS = 150;
const MAX_WAIT_MS = 1000;
const SKIPPED = new Set(['node_modules']);

/** The folders the content index reads: its collections', its config's and its file collections'. */
export function indexFolders(index: ContentIndex): string[] {
  const folders = new Set<string>(['']);
  const dirOf = (file: string) => (posix.dirname(file) === '.' ? '' : posix.dirname(file));
  for (const collection of index.collections) folders.add(collection.folder);
  if (index.model.configPath) folders.add(dirOf(index.model.configPath));
  for (const collection of index.model.collections) {
    if (collection.kind === 'file') for (const file of collection.files) folders.add(dirOf(file.file));
  }
  return [...folders];
}

/** Watches `folders` under `root` and reports changed files in batches. */
export function watchRepository(root: string, options: RepoWatchOptions): RepoWatch {
  const quietMs = options.quietMs ?? QUIET_MS;
  const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  const recursive = outermost(options.folders.filter((folder) => folder !== ''));
  const toRepoPath = (path: string) => relative(root, path).split(sep).join('/');
  // Dot-folders (.git, .github, .cache…), dotfiles and node_modules never hold posts.
  const ignored = (path: string) =>
    toRepoPath(path)
      .split('/')
      .some((part) => part.startsWith('.') || SKIPPED.has(part));

  const pending = new Set<string>();
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let maxTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let active = true;

  const send = () => {
    clearTimeout(quietTimer);
    clearTimeout(maxTimer);
    quietTimer = maxTimer = undefined;
    if (pending.size === 0 || closed) return;
    const paths = [...pending].sort();
    pending.clear();
    options.onChange(paths);
  };
  const note = (path: string) => {
    const repoPath = toRepoPath(path);
    if (repoPath === '' || repoPath.startsWith('../')) return;
    options.onStale?.(repoPath);
    pending.add(repoPath);
    clearTimeout(quietTimer);
    quietTimer = setTimeout(send, quietMs);
    maxTimer ??= setTimeout(send, maxWaitMs);
  };

  // Not persistent: a watch must never keep the CLI or a test process alive.
  const common = { ignoreInitial: true, ignored, persistent: false } as const;
  const watchers: FSWatcher[] = [watch(root, { ...common, depth: 0 })];
  if (recursive.length > 0)
    watchers.push(
      watch(
        recursive.map((folder) => posix.join(root.split(sep).join('/'), folder)),
        common,
      ),
    );
  for (const watcher of watchers) {
    watcher.on('all', (event, path) => {
      // Folders are reported through the files in them; the root watch sees its own files only.
      if (event === 'addDir' || event === 'unlinkDir') return;
      note(path);
    });
    // A folder gone or too many watches: from then on the content service looks at every file at
    // every refresh (it trusts only an active watch).
    watcher.on('error', (error) => {
      active = false;
      options.onStale?.(null);
      console.warn('Masthead: watching the repository for changes failed.', error);
    });
  }
  let scanned = false;
  const ready = Promise.all(
    watchers.map((watcher) => new Promise<void>((resolve) => watcher.once('ready', () => resolve()))),
  ).then(() => {
    scanned = true;
  });

  return {
    ready,
    get active() {
      return active && !closed;
    },
    get reporting() {
      return active && !closed && scanned;
    },
    async close() {
      closed = true;
      clearTimeout(quietTimer);
      clearTimeout(maxTimer);
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
}

// Folders not inside another listed folder (a nested one is watched through its parent already).
function outermost(folders: readonly string[]): string[] {
  const unique = [...new Set(folders)].sort();
  return unique.filter((folder) => !unique.some((other) => other !== folder && folder.startsWith(`${other}/`)));
}
