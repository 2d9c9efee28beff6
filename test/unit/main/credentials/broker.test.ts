import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CredentialsNeeded, EmitEvent } from '../../../../shared/api';
import { createCredentialBroker, type CredentialBroker } from '../../../../main/credentials/broker';
import { createMemoryCredentialStore, type CredentialStore } from '../../../../main/credentials/credential-store';
import { commitFile } from '../../../../main/git/commit';
import { runGit, setRemoteAuth } from '../../../../main/git/core';
import { GitError } from '../../../../main/git/errors';
import { pushCurrentBranch } from '../../../../main/git/push';
import { createRepoWithRemote, isolateGitHome, type RepoWithRemote } from '../../../support/git-fixtures';
import { startHttpGitServer, type HttpGitServer } from '../../../support/http-git-server';

const USER = 'ada';
const TOKEN = 'ghp_AdaLovelace0123456789abcdef';
const WRONG = 'ghp_NotTheRightOne9876543210zyx';
const POST = 'content/posts/hello.md';

let restoreHome: () => void;
beforeAll(() => {
  restoreHome = isolateGitHome();
});
afterAll(() => restoreHome());

let repo: RepoWithRemote;
let server: HttpGitServer;
let store: CredentialStore;
let broker: CredentialBroker;
let asked: CredentialsNeeded[];
/** What the "writer" does when asked; default: never answers. */
let writer: (question: CredentialsNeeded) => void;

function makeBroker(answerTimeoutMs = 10_000): void {
  const emit: EmitEvent = (name, payload) => {
    if (name !== 'credentials:needed') return;
    const question = payload as CredentialsNeeded;
    asked.push(question);
    // The UI answers after the event, as a round trip over the bridge would.
    setTimeout(() => writer(question), 5);
  };
  broker = createCredentialBroker({ store, emit, answerTimeoutMs });
  setRemoteAuth(broker);
}

beforeEach(async () => {
  repo = createRepoWithRemote({ files: { [POST]: 'v1\n' } });
  repo.remoteGit('config', 'http.receivepack', 'true');
  server = await startHttpGitServer({ projectRoot: repo.root, username: USER, token: TOKEN });
  repo.git('remote', 'set-url', 'origin', server.urlOf('remote.git'));
  store = createMemoryCredentialStore();
  asked = [];
  writer = () => undefined;
  makeBroker();
});

afterEach(async () => {
  setRemoteAuth(null);
  await server.close();
  repo.cleanup();
});

async function commitEdit(text: string): Promise<string> {
  repo.write({ [POST]: text });
  return (await commitFile(repo.workTree, POST, `Publish: ${text.trim()}`)).commit;
}

function answerWith(token: string, remember: boolean) {
  return (question: CredentialsNeeded) =>
    void broker.provide({ requestId: question.requestId, username: USER, token, remember });
}

/** Everything about an error a writer or a log could see, as one string. */
function everythingIn(error: GitError): string {
  return [
    error.message,
    error.detail,
    error.stderr,
    error.args.join(' '),
    JSON.stringify(error.toJSON()),
    String(error),
    error.stack,
  ].join('\n');
}

describe('signing in to an HTTPS remote through the app', () => {
  it('asks once when nothing is stored, pushes with the answer, and reuses the remembered token without asking', async () => {
    writer = answerWith(TOKEN, true);
    const first = await commitEdit('v2\n');
    await pushCurrentBranch(repo.workTree);

    expect(asked).toEqual([{ requestId: expect.any(String), host: server.host, canRemember: false }]);
    expect(repo.remoteGit('rev-parse', 'main').trim()).toBe(first);
    expect(await store.get(server.host)).toEqual({ username: USER, token: TOKEN });

    // A new session (the app restarted) still has it in the store.
    makeBroker();
    writer = () => {
      throw new Error('asked again');
    };
    const second = await commitEdit('v3\n');
    await pushCurrentBranch(repo.workTree);
    expect(asked).toHaveLength(1);
    expect(repo.remoteGit('rev-parse', 'main').trim()).toBe(second);
  });

  it('keeps a sign-in the writer did not ask to remember in memory only, for this session', async () => {
    writer = answerWith(TOKEN, false);
    await commitEdit('v2\n');
    await pushCurrentBranch(repo.workTree);
    await runGit(repo.workTree, ['fetch', 'origin']);

    expect(asked).toHaveLength(1);
    expect(await store.get(server.host)).toBeNull();
    expect(await broker.list()).toEqual([{ host: server.host, username: USER, remembered: false }]);
  });

  it('fails a wrong token with git-auth and a plain message that names no token, and asks again next time', async () => {
    writer = answerWith(WRONG, true);
    await commitEdit('v2\n');
    const error = (await pushCurrentBranch(repo.workTree).catch((e: unknown) => e)) as GitError;

    expect(error).toBeInstanceOf(GitError);
    expect(error.code).toBe('git-auth');
    expect(error.message).toBe(
      `${server.host} did not accept the username and token. The token may be mistyped, expired or without access to this repository: try again and sign in with a valid token.`,
    );
    expect(everythingIn(error)).not.toContain(WRONG);
    expect(error.detail).toMatch(/Authentication failed/);
    // A refused token is neither kept nor remembered.
    expect(await store.get(server.host)).toBeNull();
    expect(await broker.list()).toEqual([]);

    writer = answerWith(TOKEN, true);
    await pushCurrentBranch(repo.workTree);
    expect(asked).toHaveLength(2);
  });

  it('fails within the sign-in timeout when the writer never answers, instead of hanging', async () => {
    makeBroker(1_000);
    await commitEdit('v2\n');
    const started = Date.now();
    const error = (await pushCurrentBranch(repo.workTree).catch((e: unknown) => e)) as GitError;
    const took = Date.now() - started;

    expect(error.code).toBe('git-auth');
    expect(error.message).toMatch(
      new RegExp(`^Nobody answered the sign-in to ${server.host.replace('.', '\\.')} in time`),
    );
    expect(took).toBeGreaterThanOrEqual(1_000);
    expect(took).toBeLessThan(8_000);
    expect(asked).toHaveLength(1);
  }, 15_000);

  it('fails with git-auth and says the sign-in was cancelled when the writer cancels', async () => {
    writer = (question) => broker.cancel(question.requestId);
    const error = (await runGit(repo.workTree, ['ls-remote', 'origin']).catch((e: unknown) => e)) as GitError;
    expect(error.code).toBe('git-auth');
    expect(error.message).toMatch(/^Signing in to 127\.0\.0\.1:\d+ was cancelled/);
    // Cancelled once: git's password prompt in the same run does not ask the writer again.
    expect(asked).toHaveLength(1);
  });

  it('keeps an answer that arrives after git gave up, for the next try', async () => {
    makeBroker(300);
    await expect(runGit(repo.workTree, ['ls-remote', 'origin'])).rejects.toMatchObject({ code: 'git-auth' });
    await broker.provide({ requestId: asked[0]!.requestId, username: USER, token: TOKEN, remember: false });
    await runGit(repo.workTree, ['ls-remote', 'origin']);
    expect(asked).toHaveLength(1);
  });

  it('asks once for runs under way at the same time (a background fetch beside a publish)', async () => {
    writer = (question) => setTimeout(() => answerWith(TOKEN, false)(question), 200);
    await Promise.all([
      runGit(repo.workTree, ['fetch', 'origin']),
      runGit(repo.workTree, ['ls-remote', 'origin']),
      runGit(repo.workTree, ['ls-remote', 'origin']),
    ]);
    expect(asked).toHaveLength(1);
  });

  it('asks again after the sign-in is forgotten', async () => {
    writer = answerWith(TOKEN, true);
    await runGit(repo.workTree, ['fetch', 'origin']);
    await broker.forget(server.host);
    expect(await store.get(server.host)).toBeNull();
    await runGit(repo.workTree, ['fetch', 'origin']);
    expect(asked).toHaveLength(2);
  });

  it('leaves a configured credential helper in charge: a stored credential works without asking', async () => {
    const file = path.join(repo.root, 'git-credentials');
    writeFileSync(file, `http://${USER}:${TOKEN}@${server.host}\n`);
    repo.git('config', 'credential.helper', `store --file=${file}`);
    writer = () => {
      throw new Error('asked');
    };
    const commit = await commitEdit('v2\n');
    await pushCurrentBranch(repo.workTree);
    expect(asked).toEqual([]);
    expect(repo.remoteGit('rev-parse', 'main').trim()).toBe(commit);
  });

  it('does not count the time the writer takes to answer as git stalling', async () => {
    // The writer takes twice the inactivity limit to answer; the limit itself leaves a loaded
    // machine a full second for each of git's own steps.
    writer = (question) => setTimeout(() => answerWith(TOKEN, false)(question), 2_000);
    await runGit(repo.workTree, ['ls-remote', 'origin'], { timeoutMs: 1_000 });
    expect(asked).toHaveLength(1);
  });

  it('still stops a remote run that stalls on the network, as a time-out', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/blog.git`;
      const error = (await runGit(repo.workTree, ['ls-remote', url], { timeoutMs: 400 }).catch(
        (e: unknown) => e,
      )) as GitError;
      expect(error.code).toBe('git-offline');
      expect(error.detail).toMatch(/timed out/);
    } finally {
      silent.close();
    }
  });

  it('scrubs a token written into the remote URL from the error', async () => {
    repo.git('remote', 'set-url', 'origin', `http://${USER}:${WRONG}@${server.host}/remote.git`);
    const error = (await runGit(repo.workTree, ['fetch', 'origin']).catch((e: unknown) => e)) as GitError;
    expect(error.code).toBe('git-auth');
    expect(everythingIn(error)).not.toContain(WRONG);
  });
});
