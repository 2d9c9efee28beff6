import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CredentialsNeeded, EmitEvent, PostDocument } from '../../../shared/api';
import type { Outcome } from '../../../shared/errors';
import { createBackend, type Backend } from '../../../main/backend';
import { dispatch } from '../../../main/request-checks';
import { setRemoteAuth } from '../../../main/git/core';
import { createFileSettings } from '../../../main/settings';
import { createRepoWithRemote, isolateGitHome, type RepoWithRemote } from '../../support/git-fixtures';
import { startHttpGitServer, type HttpGitServer } from '../../support/http-git-server';
import { makeTempDir } from './workspace/temp-dir';

const POST_PATH = 'content/posts/kettle.md';
const POST = '---\ntitle: The Kettle Sings\ndate: 2025-01-20\n---\nSteam rose.\n';
const USER = 'ada';
const TOKEN = 'ghp_KettleWhistles0123456789abc';

let restoreHome: () => void;
beforeAll(() => {
  restoreHome = isolateGitHome();
});
afterAll(() => restoreHome());

let repo: RepoWithRemote;
let server: HttpGitServer;
let configDir: string;
let backend: Backend;
let asked: CredentialsNeeded[];
let answer: (question: CredentialsNeeded) => Promise<Outcome<unknown>>;

beforeEach(async () => {
  repo = createRepoWithRemote({ files: { [POST_PATH]: POST } });
  repo.remoteGit('config', 'http.receivepack', 'true');
  server = await startHttpGitServer({ projectRoot: repo.root, username: USER, token: TOKEN });
  repo.git('remote', 'set-url', 'origin', server.urlOf('remote.git'));
  configDir = makeTempDir();
  asked = [];
  answer = async () => ({ ok: true, value: null });
  const emit: EmitEvent = (name, payload) => {
    if (name !== 'credentials:needed') return;
    asked.push(payload as CredentialsNeeded);
    // The renderer answers over the transport, as the dialog does.
    setTimeout(() => void answer(payload as CredentialsNeeded), 5);
  };
  backend = createBackend({
    shell: 'web',
    version: '9.9.9',
    settings: createFileSettings(configDir),
    emit,
    signInTimeoutMs: 5_000,
  });
  await backend.openRepository(repo.workTree);
});

afterEach(async () => {
  setRemoteAuth(null);
  await server.close();
  repo.cleanup();
  rmSync(configDir, { recursive: true, force: true });
});

async function publish(title: string): Promise<Outcome<unknown>> {
  const doc = (await dispatch(backend, 'post:read', { path: POST_PATH })) as { ok: true; value: PostDocument };
  return dispatch(backend, 'post:publish', {
    path: POST_PATH,
    baseVersion: doc.value.version,
    frontMatter: { ...doc.value.frontMatter, title },
    body: 'Steam rose.\n',
  });
}

describe('signing in through the back end', () => {
  it('publishes after the writer signs in through credentials:provide, and lists then forgets the sign-in', async () => {
    answer = (question) =>
      dispatch(backend, 'credentials:provide', {
        requestId: question.requestId,
        username: USER,
        token: TOKEN,
        remember: true,
      });
    const outcome = await publish('The Kettle Whistles');

    expect(outcome).toMatchObject({ ok: true, value: { committed: true } });
    expect(repo.remoteGit('log', '-1', '--format=%s', 'main').trim()).toBe('Publish: The Kettle Whistles');
    expect(asked).toEqual([{ requestId: expect.any(String), host: server.host, canRemember: false }]);
    expect(await dispatch(backend, 'credentials:list', null)).toEqual({
      ok: true,
      value: [{ host: server.host, username: USER, remembered: false }],
    });

    expect(await dispatch(backend, 'credentials:forget', { host: server.host })).toEqual({ ok: true, value: null });
    expect(await dispatch(backend, 'credentials:list', null)).toEqual({ ok: true, value: [] });
  });

  it('fails the publish with git-auth and a plain message when the writer cancels, keeping the commit', async () => {
    answer = (question) => dispatch(backend, 'credentials:cancel', { requestId: question.requestId });
    const outcome = await publish('The Kettle Waits');

    expect(outcome.ok).toBe(false);
    const { error } = outcome as { ok: false; error: { code: string; message: string; detail?: string } };
    expect(error.code).toBe('git-auth');
    expect(error.message).toMatch(
      new RegExp(`^Signing in to ${server.host.replace(/\./g, '\\.')} was cancelled.*committed on this computer`),
    );
    expect(repo.git('log', '-1', '--format=%s').trim()).toBe('Publish: The Kettle Waits');
  });

  it('never lets a token travel back out in an outcome, even from a wrong one', async () => {
    const wrong = 'ghp_WrongKettle9876543210zyxwv';
    answer = (question) =>
      dispatch(backend, 'credentials:provide', {
        requestId: question.requestId,
        username: USER,
        token: wrong,
        remember: true,
      });
    const outcome = await publish('The Kettle Boils');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'git-auth' } });
    expect(JSON.stringify(outcome)).not.toContain(wrong);
    expect(JSON.stringify(await dispatch(backend, 'credentials:list', null))).not.toContain(wrong);
  });

  it('refuses malformed credentials requests', async () => {
    for (const [name, arg] of [
      ['credentials:provide', { requestId: 'r', username: USER, token: TOKEN }],
      ['credentials:provide', { requestId: 'r', username: '', token: TOKEN, remember: true }],
      ['credentials:provide', { requestId: 'r', username: USER, token: 7, remember: true }],
      ['credentials:cancel', null],
      ['credentials:forget', { host: '' }],
      ['credentials:list', { all: true }],
    ] as const) {
      const outcome = await dispatch(backend, name, arg);
      expect(outcome, name).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      expect(JSON.stringify(outcome)).not.toContain(TOKEN);
    }
    expect(
      await dispatch(backend, 'credentials:provide', {
        requestId: 'unknown',
        username: USER,
        token: TOKEN,
        remember: false,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
