// A remote that accepts the connection and then says nothing (a hung server, a firewall that
// swallows packets) used to block a publish for the whole 60 s inactivity timeout. Every transport
// now gives up within 10 s and the commit stays queued for the retry.
import { chmodSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REMOTE_ANSWER_TIMEOUT_MS, runGit } from '../../../../main/git/core';
import { publishPost } from '../../../../main/publish';
import { pushWaitingFor } from '../../../../main/sync/push-queue';
import { readPost } from '../../../../main/workspace/posts';
import { createRepoWithRemote, isolateGitHome, type RepoWithRemote } from '../../../support/git-fixtures';

const POST_PATH = 'content/posts/fog.md';
const POST = '---\ntitle: Fog on the estuary\n---\nThe foghorn sounded all morning.\n';
// The bound: a silent remote fails within 10 s (the clock stops git after 8 s).
const FAIL_WITHIN_MS = 10_000;

let silent: Server;
let port: number;
const sockets = new Set<Socket>();
let restoreHome: () => void;

beforeAll(async () => {
  restoreHome = isolateGitHome();
  // Accepts every connection and never writes a byte.
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  port = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  restoreHome();
});

describe('a remote that accepts and never answers', () => {
  let repo: RepoWithRemote;
  beforeEach(() => {
    repo = createRepoWithRemote({ files: { [POST_PATH]: POST } });
  });
  afterEach(() => repo.cleanup());

  const timedFetch = async (url: string): Promise<{ ms: number; error: unknown }> => {
    const started = Date.now();
    const error = await runGit(repo.workTree, ['fetch', '--progress', url, 'main']).then(
      () => null,
      (failure: unknown) => failure,
    );
    return { ms: Date.now() - started, error };
  };

  it(`fails over git://, http:// and ssh:// within ${FAIL_WITHIN_MS / 1000} s, as "could not reach the remote"`, async () => {
    // Side by side: each waits on the same silent server independently.
    const [git, http, ssh] = await Promise.all([
      timedFetch(`git://127.0.0.1:${port}/blog.git`),
      timedFetch(`http://127.0.0.1:${port}/blog.git`),
      timedFetch(`ssh://writer@127.0.0.1:${port}/blog.git`),
    ]);
    for (const [name, run] of Object.entries({ git, http, ssh })) {
      expect(run.error, name).toMatchObject({ code: 'git-offline' });
      expect(run.ms, name).toBeLessThan(FAIL_WITHIN_MS);
    }
    expect(String((git.error as { detail?: string }).detail)).toMatch(
      new RegExp(`did not answer within ${REMOTE_ANSWER_TIMEOUT_MS / 1000} s`),
    );
    console.log(`silent remote gave up after: git:// ${git.ms} ms, http:// ${http.ms} ms, ssh:// ${ssh.ms} ms`);
  }, 30_000);

  it('a publish to it fails fast and keeps the commit queued for the retry', async () => {
    repo.git('remote', 'set-url', 'origin', `git://127.0.0.1:${port}/blog.git`);
    const doc = await readPost(repo.workTree, POST_PATH);
    const before = repo.git('rev-parse', 'HEAD').trim();
    const started = Date.now();
    const outcome = await publishPost(
      repo.workTree,
      {
        path: POST_PATH,
        baseVersion: doc.version,
        frontMatter: doc.frontMatter,
        body: 'The foghorn sounded until noon.\n',
      },
      () => undefined,
    ).catch((error: unknown) => error);
    const ms = Date.now() - started;
    // Offline is not a failure of the publish: the commit is made and waits for the remote.
    expect(outcome).toMatchObject({ committed: true, pushed: false });
    expect(ms).toBeLessThan(FAIL_WITHIN_MS);
    expect(repo.git('rev-parse', 'HEAD~1').trim()).toBe(before);
    expect(await pushWaitingFor(repo.workTree)).toBe('main');
    console.log(`publish to a silent remote returned after ${ms} ms, commit queued`);
  }, 30_000);

  it('a remote that answers is not cut short by the first-answer clock, even while a silent pre-push hook runs', async () => {
    // The hook runs after the remote's first answer, so only the ordinary inactivity clock applies to it.
    repo.write({ '.git/hooks/pre-push': '#!/bin/sh\nsleep 1\n' });
    chmodSync(join(repo.workTree, '.git/hooks/pre-push'), 0o755);
    repo.write({ 'notes.md': 'A quiet push.\n' });
    repo.git('add', 'notes.md');
    repo.git('commit', '-m', 'Add notes');
    const result = await runGit(repo.workTree, ['push', '--progress', 'origin', 'main'], { answerTimeoutMs: 300 });
    expect(result.exitCode).toBe(0);
    expect(repo.remoteGit('log', '-1', '--format=%s', 'main').trim()).toBe('Add notes');
  });
});
