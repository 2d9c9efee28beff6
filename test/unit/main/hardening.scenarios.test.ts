// Issue 14's hostile world, replayed through the back end's own requests on one real repository:
// probes that try to write or read outside it, inputs the editor cannot open, git faults, and
// saves killed mid-write. Each case is a test; the last line printed is the whole table.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostDocument, RequestName, SaveRequest } from '../../../shared/api';
import type { AppError } from '../../../shared/errors';
import { createBackend, type Backend } from '../../../main/backend';
import { dispatch } from '../../../main/request-checks';
import type { CliContext } from '../../../main/cli/context';
import { runCli } from '../../../main/cli/run';
import { createFileSettings } from '../../../main/settings';
import { pushWaitingFor } from '../../../main/sync/push-queue';
import { DEFAULT_CSP } from '../../../main/web/security';
import { GIT_TEMP_FOLDER } from '../../../main/workspace/atomic-write';
import { LEFTOVER_MIN_AGE_MS, sweepWriteLeftovers } from '../../../main/workspace/write-leftovers';
import { createRepoWithRemote, isolateGitHome, type RepoWithRemote } from '../../support/git-fixtures';
import { redPng } from '../../support/png';
import { makeTempDir } from './workspace/temp-dir';

const CONFIG = `media_folder: static/img
public_folder: /img
collections:
  - { name: posts, label: Posts, folder: content/posts, create: true, slug: "{{slug}}", fields: [{ name: title, widget: string }, { name: body, widget: markdown }] }
  - { name: notes, label: Notes, folder: content/notes, create: true, slug: "{{slug}}", fields: [{ name: title, widget: string }, { name: body, widget: markdown }] }
  - { name: diary, label: Diary, folder: content/diary, path: "{{year}}/{{slug}}", create: true, slug: "{{slug}}", fields: [{ name: title, widget: string }, { name: body, widget: markdown }] }
`;
const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));
const FILES: Record<string, string | Uint8Array> = {
  'static/admin/config.yml': CONFIG,
  'content/posts/harbour.md': '---\ntitle: Harbour\n---\nBoats at rest.\n',
  'content/posts/lighthouse.md': '---\ntitle: Lighthouse\n---\nThe lamp turns all night.\n',
  'content/posts/cafe.md': latin1('---\ntitle: Caf\u00e9 du port\n---\nCr\u00e8me.\n'),
  'content/posts/photo.md': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  'content/posts/ferry.md': '---\ntitle: Ferry\ntitle: Night ferry\n---\nSpray.\n',
  'content/posts/long-walk.md': `---\ntitle: The long walk\n---\n${'Along the cliffs to the next bay. '.repeat(60_000)}\n`,
};

type Kind = 'probes refused' | 'inputs handled' | 'faults survived' | 'kills survived';
const table = new Map<Kind, { passed: number; total: number }>();
function count(kind: Kind, passed: boolean, total = 1, ok = passed ? total : 0): void {
  const row = table.get(kind) ?? { passed: 0, total: 0 };
  table.set(kind, { passed: row.passed + ok, total: row.total + total });
}

let repo: RepoWithRemote;
let outside: string;
let backend: Backend;
let restoreHome: () => void;
const dirs: string[] = [];
let leftBehind = -1;

async function call<K extends RequestName>(
  name: K,
  arg: unknown,
): Promise<{ ok: true; value: unknown } | { ok: false; error: AppError }> {
  return (await dispatch(backend, name, arg)) as { ok: true; value: unknown } | { ok: false; error: AppError };
}
async function refused(name: RequestName, arg: unknown, code = 'outside-repository'): Promise<boolean> {
  const outcome = await call(name, arg);
  return !outcome.ok && outcome.error.code === code;
}
async function read(path: string): Promise<PostDocument> {
  const outcome = await call('post:read', { path });
  if (!outcome.ok) throw new Error(`${path}: ${outcome.error.message}`);
  return outcome.value as PostDocument;
}
async function edit(path: string, body: string): Promise<SaveRequest> {
  const doc = await read(path);
  return { path, baseVersion: doc.version, frontMatter: doc.frontMatter, body };
}
const outsideFiles = (): string[] => readdirSync(outside).sort();
const head = (): string => repo.git('rev-parse', 'HEAD').trim();

beforeAll(async () => {
  restoreHome = isolateGitHome();
  repo = createRepoWithRemote({ files: FILES });
  outside = makeTempDir('masthead-outside-');
  dirs.push(outside);
  writeFileSync(join(outside, 'secret.md'), '---\ntitle: Not the site’s\n---\nPrivate.\n');
  const year = String(new Date().getUTCFullYear());
  // The links and pipes a hostile (or careless) setup leaves in a work tree; excluded so git status stays about us.
  symlinkSync(outside, join(repo.workTree, 'content/notes'));
  mkdirSync(join(repo.workTree, 'content/diary'), { recursive: true });
  symlinkSync(outside, join(repo.workTree, 'content/diary', year));
  symlinkSync(outside, join(repo.workTree, 'static/img'));
  mkdirSync(join(repo.workTree, 'static/media'), { recursive: true });
  execFileSync('mkfifo', [join(repo.workTree, 'static/media/pipe.png'), join(repo.workTree, 'content/posts/pipe.md')]);
  writeFileSync(
    join(repo.workTree, '.git/info/exclude'),
    `content/notes\ncontent/diary/\nstatic/img\nstatic/media/\ncontent/posts/pipe.md\n`,
  );
  const dataDir = makeTempDir('masthead-data-');
  const configDir = makeTempDir('masthead-config-');
  dirs.push(dataDir, configDir);
  backend = createBackend({
    shell: 'web',
    version: '0',
    settings: createFileSettings(configDir),
    emit: () => undefined,
    dataDir,
  });
  await backend.openRepository(repo.workTree);
});

afterAll(() => {
  const row = (kind: Kind): string => `${table.get(kind)?.passed ?? 0}/${table.get(kind)?.total ?? 0}`;
  const lines = [
    '┌───────────────────┬────────┐',
    ...(['probes refused', 'inputs handled', 'faults survived', 'kills survived'] as const).map(
      (kind) => `│ ${kind.padEnd(17)} │ ${row(kind).padStart(6)} │`,
    ),
    `│ ${'files left behind'.padEnd(17)} │ ${String(leftBehind).padStart(6)} │`,
    '└───────────────────┴────────┘',
    `hardening: probes refused ${row('probes refused')} · inputs handled ${row('inputs handled')} · faults survived ${row('faults survived')} · kills survived ${row('kills survived')} · files left behind ${leftBehind}`,
  ];
  console.log(lines.join('\n'));
  repo.cleanup();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  restoreHome();
});

describe('probes: nothing is written or read outside the repository', () => {
  it('writes through a symlinked collection, {{year}} folder or media folder are refused before writing', async () => {
    const checks = [
      await refused('post:create', { collection: 'notes', title: 'Through the link' }),
      await refused('post:create', { collection: 'diary', title: 'Through the year' }),
      await refused('post:save', {
        path: 'content/notes/secret.md',
        baseVersion: 'x',
        frontMatter: {},
        body: 'Overwritten.',
      }),
      await refused('post:save-raw', { path: 'content/notes/secret.md', baseVersion: 'x', text: 'Overwritten.' }),
      await refused('post:recreate', {
        path: 'content/notes/new.md',
        baseVersion: 'x',
        frontMatter: { title: 'New' },
        body: '',
        format: 'yaml',
      }),
      await refused('journal:write', {
        path: 'content/notes/secret.md',
        baseVersion: 'x',
        frontMatter: {},
        body: 'Kept?',
        editedAt: new Date().toISOString(),
      }),
      await refused('media:import', {
        post: 'content/posts/harbour.md',
        name: 'pier.png',
        data: redPng(4, 3).toString('base64'),
      }),
      await refused('post:save-raw', { path: '.git/hooks/pre-commit.md', baseVersion: 'x', text: '#!/bin/sh\n' }),
    ];
    const untouched =
      outsideFiles().join(',') === 'secret.md' && readFileSync(join(outside, 'secret.md'), 'utf8').includes('Private.');
    count('probes refused', checks.every(Boolean) && untouched, checks.length, checks.filter(Boolean).length);
    expect(checks).toEqual(checks.map(() => true));
    expect(untouched).toBe(true);
  });

  it('reads through such links are refused, and the library does not list what lies behind them', async () => {
    const listed = await call('posts:list', {});
    const paths = listed.ok ? (listed.value as { posts: { path: string }[] }).posts.map((post) => post.path) : [];
    const checks = [
      listed.ok && !paths.some((path) => path.startsWith('content/notes/')),
      await refused('post:read', { path: 'content/notes/secret.md' }),
      await refused('post:raw', { path: '../secret.md' }),
    ];
    count('probes refused', checks.every(Boolean), checks.length, checks.filter(Boolean).length);
    expect(checks).toEqual([true, true, true]);
  });

  it('a FIFO named like an image or a post is never opened: eight requests answer at once', async () => {
    const started = Date.now();
    const media = await Promise.allSettled(
      Array.from({ length: 8 }, () => backend.readMedia('content/posts/harbour.md', '/media/pipe.png')),
    );
    const post = await call('post:read', { path: 'content/posts/pipe.md' });
    const fast = Date.now() - started < 3000;
    const ok = fast && media.every((result) => result.status === 'rejected') && !post.ok;
    count('probes refused', ok, 9, ok ? 9 : 0);
    expect(ok).toBe(true);
  });

  it('the page policy loads no plain-http image', () => {
    const ok =
      /img-src 'self' data: blob: masthead-media: https:(;|$)/.test(DEFAULT_CSP) && !/\bhttp:/.test(DEFAULT_CSP);
    count('probes refused', ok);
    expect(ok).toBe(true);
  });
});

describe('inputs the editor cannot open get a way in', () => {
  it('a Latin-1 post converts to UTF-8 from a preview; a duplicate key is fixed in the raw source; a binary file is named', async () => {
    const cafeRefused = await refused('post:read', { path: 'content/posts/cafe.md' }, 'io');
    const cafe = (await call('post:raw', { path: 'content/posts/cafe.md' })) as {
      ok: true;
      value: { converted: string; version: string };
    };
    await call('post:save-raw', {
      path: 'content/posts/cafe.md',
      baseVersion: cafe.value.version,
      text: cafe.value.converted,
    });
    const cafeOk = cafeRefused && (await read('content/posts/cafe.md')).frontMatter.title === 'Café du port';

    const ferryRefused = await refused('post:read', { path: 'content/posts/ferry.md' }, 'invalid-front-matter');
    const ferry = (await call('post:raw', { path: 'content/posts/ferry.md' })) as {
      ok: true;
      value: { text: string; version: string; problem: { line: number } };
    };
    await call('post:save-raw', {
      path: 'content/posts/ferry.md',
      baseVersion: ferry.value.version,
      text: ferry.value.text.replace('title: Ferry\n', ''),
    });
    const ferryOk =
      ferryRefused &&
      ferry.value.problem.line === 3 &&
      (await read('content/posts/ferry.md')).frontMatter.title === 'Night ferry';

    const photo = await call('post:raw', { path: 'content/posts/photo.md' });
    const photoOk =
      (await refused('post:read', { path: 'content/posts/photo.md' }, 'io')) &&
      photo.ok &&
      (photo.value as { problem: { kind: string } }).problem.kind === 'binary';

    const results = [cafeOk, ferryOk, photoOk];
    count('inputs handled', results.every(Boolean), 3, results.filter(Boolean).length);
    expect(results).toEqual([true, true, true]);
  });

  it('masthead check reports the binary post as an error', async () => {
    const out: string[] = [];
    const context: CliContext = {
      out: (line) => out.push(line),
      err: () => undefined,
      env: {},
      cwd: repo.workTree,
      appRoot: process.cwd(),
      shutdown: new AbortController().signal,
    };
    await runCli(['check', '--no-seo'], context);
    const ok = out.join('\n').includes('“content/posts/photo.md” is a binary file');
    count('inputs handled', ok);
    expect(ok).toBe(true);
  });

  it('a post deleted on disk while open is saved back as a new file', async () => {
    const request = await edit('content/posts/harbour.md', 'Boats at rest, and one leaving.\n');
    rmSync(join(repo.workTree, 'content/posts/harbour.md'));
    const save = await call('post:save', request);
    const back = await call('post:recreate', { ...request, format: 'yaml' });
    const ok =
      !save.ok &&
      save.error.code === 'not-found' &&
      back.ok &&
      readFileSync(join(repo.workTree, 'content/posts/harbour.md'), 'utf8') ===
        '---\ntitle: Harbour\n---\nBoats at rest, and one leaving.\n';
    count('inputs handled', ok);
    expect(ok).toBe(true);
    repo.git('commit', '-qam', 'Writer fixed posts');
    repo.git('push', '-q');
  });
});

describe('git faults: refused before committing, named, nothing lost', () => {
  it('detached HEAD, a merge in progress and a stale index.lock', async () => {
    const before = head();
    repo.git('checkout', '-q', '--detach');
    const detached = await call(
      'post:publish',
      await edit('content/posts/lighthouse.md', 'The lamp turns until dawn.\n'),
    );
    const detachedOk =
      !detached.ok &&
      detached.error.code === 'git-detached-head' &&
      head() === before &&
      readFileSync(join(repo.workTree, 'content/posts/lighthouse.md'), 'utf8').includes('until dawn');
    repo.git('switch', '-q', 'main');

    writeFileSync(join(repo.workTree, '.git/MERGE_HEAD'), `${before}\n`);
    const merging = await call(
      'post:publish',
      await edit('content/posts/lighthouse.md', 'The lamp turns until dawn.\n'),
    );
    const mergingOk =
      !merging.ok &&
      merging.error.code === 'git-in-progress' &&
      /middle of a merge/.test(merging.error.message) &&
      head() === before;
    rmSync(join(repo.workTree, '.git/MERGE_HEAD'));

    const lock = join(repo.workTree, '.git/index.lock');
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const locked = await call(
      'post:publish',
      await edit('content/posts/lighthouse.md', 'The lamp turns until dawn.\n'),
    );
    const removed = await call('repo:remove-lock', null);
    const published = await call(
      'post:publish',
      await edit('content/posts/lighthouse.md', 'The lamp turns until dawn.\n'),
    );
    const lockOk =
      !locked.ok &&
      locked.error.code === 'git-locked' &&
      removed.ok &&
      published.ok &&
      repo.remoteGit('log', '-1', '--format=%s', 'main').trim() === 'Publish: Lighthouse';

    const results = [detachedOk, mergingOk, lockOk];
    count('faults survived', results.every(Boolean), 3, results.filter(Boolean).length);
    expect(results).toEqual([true, true, true]);
  });

  it('a failing pre-commit hook is quoted in the message; a vanished remote path is named and the commit waits', async () => {
    const hook = join(repo.workTree, '.git/hooks/pre-commit');
    writeFileSync(
      hook,
      '#!/bin/sh\necho "Every post needs a description (content/posts/lighthouse.md)." >&2\nexit 1\n',
    );
    chmodSync(hook, 0o755);
    const hooked = await call(
      'post:publish',
      await edit('content/posts/lighthouse.md', 'The lamp turns until the fog lifts.\n'),
    );
    const hookOk =
      !hooked.ok && hooked.error.code === 'git-hook' && hooked.error.message.includes('Every post needs a description');
    rmSync(hook);

    const url = repo.git('remote', 'get-url', 'origin').trim();
    repo.git('remote', 'set-url', 'origin', join(repo.root, 'moved-away.git'));
    const gone = await call(
      'post:publish',
      await edit('content/posts/lighthouse.md', 'The lamp turns until the fog lifts.\n'),
    );
    const goneOk =
      !gone.ok &&
      gone.error.message.includes('moved-away.git” no longer exists') &&
      (await pushWaitingFor(repo.workTree)) === 'main';
    repo.git('remote', 'set-url', 'origin', url);

    const results = [hookOk, goneOk];
    count('faults survived', results.every(Boolean), 2, results.filter(Boolean).length);
    expect(results).toEqual([true, true]);
  });

  it('a remote that accepts and never answers gives up within 10 s and keeps the commit queued', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = repo.git('remote', 'get-url', 'origin').trim();
    repo.git('remote', 'set-url', 'origin', `git://127.0.0.1:${(silent.address() as { port: number }).port}/blog.git`);
    try {
      const started = Date.now();
      const outcome = await call(
        'post:publish',
        await edit('content/posts/lighthouse.md', 'The lamp turns; the fog stays.\n'),
      );
      const ms = Date.now() - started;
      const ok =
        ms < 10_000 &&
        outcome.ok &&
        (outcome.value as { pushed: boolean }).pushed === false &&
        (await pushWaitingFor(repo.workTree)) === 'main';
      count('faults survived', ok);
      expect(ok).toBe(true);
    } finally {
      repo.git('remote', 'set-url', 'origin', url);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 20_000);
});

describe('saves killed mid-write', () => {
  it('leave the post whole and nothing behind once the repository is opened again', async () => {
    const work = makeTempDir('masthead-kill-');
    dirs.push(work);
    const saver = join(work, 'looping-saver.mjs');
    buildSync({
      entryPoints: [fileURLToPath(new URL('./workspace/looping-saver.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: saver,
      logLevel: 'silent',
    });
    const file = join(repo.workTree, 'content/posts/long-walk.md');
    const before = readFileSync(file, 'utf8');
    let whole = 0;
    const KILLS = 10;
    for (let kill = 0; kill < KILLS; kill++) {
      const child = spawn(process.execPath, [saver, file], { stdio: ['ignore', 'pipe', 'ignore'] });
      await readyLine(child);
      await new Promise((resolve) => setTimeout(resolve, 5 + kill * 3));
      child.kill('SIGKILL');
      await new Promise((resolve) =>
        child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve),
      );
      if (readFileSync(file, 'utf8') === before) whole++;
    }
    count('kills survived', whole === KILLS, KILLS, whole);

    // Opening again sweeps what the kills left in .git/masthead-tmp (made old enough to be litter).
    const temps = join(repo.workTree, '.git', GIT_TEMP_FOLDER);
    const old = new Date(Date.now() - LEFTOVER_MIN_AGE_MS - 1000);
    for (const name of existsSync(temps) ? readdirSync(temps) : []) utimesSync(join(temps, name), old, old);
    await sweepWriteLeftovers(repo.workTree);
    const status = repo
      .git('status', '--porcelain', '--untracked-files=all', '--ignored')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const expected = new Set([
      '!! content/notes',
      '!! static/img',
      '!! content/posts/pipe.md',
      '!! static/media/pipe.png',
    ]);
    const stray = status.filter(
      (line) =>
        !expected.has(line) &&
        !line.startsWith('!! content/diary/') &&
        !line.startsWith(' M content/posts/lighthouse.md'),
    );
    leftBehind = stray.length + (existsSync(temps) ? readdirSync(temps).length : 0) + (outsideFiles().length - 1);
    expect(whole).toBe(KILLS);
    expect(stray).toEqual([]);
    expect(leftBehind).toBe(0);
  }, 60_000);
});

function readyLine(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the saver exited early (${code})`)));
  });
}
