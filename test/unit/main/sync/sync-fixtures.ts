/**
 * A writer's repository and a co-author's clone sharing one remote, served over `file://` or by
 * `git daemon` on 127.0.0.1, for the sync scenarios. Everything runs real git.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmitEvent, PublishResult } from '../../../../shared/api';
import type { AppError } from '../../../../shared/errors';
import { toAppError } from '../../../../shared/errors';
import { createBackend, type Backend } from '../../../../main/backend';
import { dispatch } from '../../../../main/request-checks';
import { publishPost } from '../../../../main/publish';
import { createFileSettings } from '../../../../main/settings';
import { createSyncService, type SyncService } from '../../../../main/sync/sync-service';
import { readPost } from '../../../../main/workspace/posts';
import { makeTempDir } from '../workspace/temp-dir';
import { closedPort, createRepoWithRemote, type RepoWithRemote } from '../../../support/git-fixtures';
import { startGitDaemon, type GitDaemon } from './git-daemon';

/** How the remote is reached. */
export type RemoteKind = 'file' | 'daemon';

export const POST = 'content/posts/harbour-lights.md';
export const OTHER_POST = 'content/posts/net-mending.md';

export const POST_TEXT = [
  '---',
  'title: Harbour Lights',
  'date: 2026-03-14',
  'tags: [harbour, evening]',
  '---',
  'The first lamp comes on at the end of the east pier.',
  '',
  'By seven the whole quay is lit, and the gulls go quiet.',
  '',
  'Fishing boats come in under the lights, one by one.',
  '',
].join('\n');

export const OTHER_TEXT = '---\ntitle: Mending Nets\n---\nA torn net is mended knot by knot.\n';

/** The shared set-up. */
export interface SyncWorld {
  repo: RepoWithRemote;
  /** The co-author's clone, pushing behind the writer's back. */
  other: { workTree: string; git(...args: string[]): string };
  /** The URL the writer's `origin` normally has. */
  url: string;
  /** Points the writer's origin at a closed port (offline) or back. */
  goOffline(): Promise<void>;
  goOnline(): void;
  /** The co-author changes files and pushes. */
  othersPush(files: Record<string, string>, message: string): void;
  /** The writer publishes `path` with these edits (body and/or fields), as the editor would. */
  publish(path: string, edit: { body?: string; title?: string }, emit?: EmitEvent): Promise<PublishResult>;
  read(path: string): string;
  remoteFile(path: string): string;
  /** Subjects on the remote's main, newest first. */
  remoteSubjects(): string[];
  /** What is staged: `git diff --cached --name-only`. */
  staged(): string[];
  /** No rebase, merge or cherry-pick left behind, and history is linear. */
  expectNoOperationLeft(): void;
  cleanup(): Promise<void>;
}

/** Makes the world over `kind`. */
export async function createSyncWorld(kind: RemoteKind): Promise<SyncWorld> {
  const repo = createRepoWithRemote({
    files: { [POST]: POST_TEXT, [OTHER_POST]: OTHER_TEXT, 'config.toml': 'title = "Quay Notes"\n' },
  });
  let daemon: GitDaemon | null = null;
  let url = `file://${repo.bareRemote}`;
  if (kind === 'daemon') {
    daemon = await startGitDaemon(repo.root);
    url = daemon.urlOf('remote.git');
  }
  repo.git('remote', 'set-url', 'origin', url);
  repo.git('fetch', '--quiet');
  const other = repo.cloneElsewhere();

  const world: SyncWorld = {
    repo,
    other,
    url,
    async goOffline() {
      repo.git('remote', 'set-url', 'origin', `git://127.0.0.1:${await closedPort()}/remote.git`);
    },
    goOnline() {
      repo.git('remote', 'set-url', 'origin', url);
    },
    othersPush(files, message) {
      other.git('pull', '--quiet', '--ff-only');
      for (const [path, text] of Object.entries(files)) {
        const target = join(other.workTree, ...path.split('/'));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
      other.git('add', '--', ...Object.keys(files));
      other.git('commit', '--quiet', '-m', message);
      other.git('push', '--quiet');
    },
    async publish(path, edit, emit = () => undefined) {
      const doc = await readPost(repo.workTree, path);
      const frontMatter = edit.title === undefined ? doc.frontMatter : { ...doc.frontMatter, title: edit.title };
      return publishPost(
        repo.workTree,
        { path, baseVersion: doc.version, frontMatter, body: edit.body ?? doc.body },
        emit,
      );
    },
    read: (path) => readFileSync(join(repo.workTree, ...path.split('/')), 'utf8'),
    remoteFile: (path) => repo.remoteGit('show', `main:${path}`),
    remoteSubjects: () => repo.remoteGit('log', '--format=%s', 'main').trim().split('\n'),
    staged: () =>
      repo
        .git('diff', '--cached', '--name-only')
        .trim()
        .split('\n')
        .filter((line) => line !== ''),
    expectNoOperationLeft() {
      const gitDir = join(repo.workTree, '.git');
      for (const name of ['rebase-merge', 'rebase-apply', 'MERGE_HEAD', 'CHERRY_PICK_HEAD', 'index.lock'])
        expect(existsSync(join(gitDir, name)), name).toBe(false);
      expect(repo.git('rev-list', '--merges', 'HEAD').trim()).toBe('');
      expect(repo.remoteGit('rev-list', '--merges', 'main').trim()).toBe('');
    },
    async cleanup() {
      await daemon?.stop();
      repo.cleanup();
    },
  };
  return world;
}

/** The post's text with one paragraph replaced (paragraphs as in POST_TEXT). */
export function withParagraph(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`no “${from}” in the text`);
  return text.replace(from, to);
}

/** The body of POST_TEXT (what the editor holds), with `from` replaced by `to`. */
export function postBody(from?: string, to?: string): string {
  const body = POST_TEXT.slice(POST_TEXT.indexOf('---\n', 4) + 4);
  return from === undefined || to === undefined ? body : withParagraph(body, from, to);
}

/** One scenario: its name, the remotes it runs over, and what it does and checks. */
export type Scenario = [name: string, kinds: RemoteKind[], run: (w: SyncWorld) => Promise<void>];

export const BOTH: RemoteKind[] = ['file', 'daemon'];
export const FILE: RemoteKind[] = ['file'];

const cleanups: Array<() => void | Promise<void>> = [];

/**
 * Runs a scenario table over each kind of remote, each in a fresh world; after each, nothing may
 * be left mid-rebase or mid-merge and the remote's history must be linear from the first commit.
 */
export function runScenarios(title: string, scenarios: readonly Scenario[]): void {
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  // Only the kinds some scenario asks for: an empty suite is an error.
  const kinds = (['file', 'daemon'] as const).filter((kind) => scenarios.some(([, wanted]) => wanted.includes(kind)));
  describe.each(kinds)(`${title} over %s`, (kind) => {
    const table = scenarios.filter(([, kinds]) => kinds.includes(kind));
    it.each(table)(
      '%s',
      async (_name, _kinds, run) => {
        const w = await createSyncWorld(kind);
        cleanups.push(() => w.cleanup());
        await run(w);
        w.expectNoOperationLeft();
        expect(w.remoteSubjects().at(-1)).toBe('Initial commit');
      },
      30_000,
    );
  });
}

/** The AppError a promise rejects with (fails the test when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return toAppError(error);
  }
  throw new Error('expected a failure');
}

/** A sync service for the world's repository, without background work. */
export function syncService(w: SyncWorld): SyncService {
  return createSyncService(w.repo.workTree, { emit: () => undefined, background: false });
}

/** A back end with a journal, the world's repository open. */
export async function backendFor(w: SyncWorld): Promise<Backend> {
  const configDir = makeTempDir();
  const dataDir = makeTempDir('masthead-data-');
  cleanups.push(
    () => rmSync(configDir, { recursive: true, force: true }),
    () => rmSync(dataDir, { recursive: true, force: true }),
  );
  const backend = createBackend({
    shell: 'web',
    version: '0',
    settings: createFileSettings(configDir),
    emit: () => undefined,
    dataDir,
  });
  await backend.openRepository(w.repo.workTree);
  return backend;
}

/** Calls a request through dispatch; a failure rejects with its AppError fields. */
export async function call<T>(backend: Backend, name: string, arg: unknown): Promise<T> {
  const outcome = await dispatch(backend, name, arg);
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), outcome.error);
  return outcome.value as T;
}
