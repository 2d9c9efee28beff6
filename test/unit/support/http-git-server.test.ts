import { execFile } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createServedRepository,
  parseCgiHeaders,
  startHttpGitServer,
  type HttpGitServer,
} from '../../support/http-git-server';

const run = promisify(execFile);
const USER = 'ada';
const TOKEN = 'ghp_testTokenAda0123456789';

let root: string;
let server: HttpGitServer;

beforeEach(async () => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'masthead-http-git-')));
  createServedRepository(root, 'blog.git');
  server = await startHttpGitServer({ projectRoot: root, username: USER, token: TOKEN });
});

afterEach(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** Runs the system git with no global config and a credential helper that answers `user`/`token`. */
async function git(cwd: string, args: string[], credentials?: { user: string; token: string }) {
  const helper = credentials
    ? ['-c', `credential.helper=!f() { echo username=${credentials.user}; echo password=${credentials.token}; }; f`]
    : [];
  const env = {
    PATH: process.env.PATH,
    HOME: root,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    LC_ALL: 'C',
  };
  return run('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.test', ...helper, ...args], {
    cwd,
    env,
    timeout: 20_000,
  });
}

describe('startHttpGitServer', () => {
  it('clones, pushes and fetches over smart HTTP with the right credentials given by a helper', async () => {
    const first = path.join(root, 'first');
    const second = path.join(root, 'second');
    const creds = { user: USER, token: TOKEN };
    await git(root, ['clone', '--quiet', server.urlOf('blog.git'), first], creds);
    writeFileSync(path.join(first, 'hello.md'), '# Hello\n');
    await git(first, ['add', 'hello.md']);
    await git(first, ['commit', '--quiet', '-m', 'Publish: Hello']);
    await git(first, ['push', '--quiet', 'origin', 'HEAD:main'], creds);

    await git(root, ['clone', '--quiet', server.urlOf('blog.git'), second], creds);
    const { stdout } = await git(second, ['log', '-1', '--format=%s']);
    expect(stdout).toBe('Publish: Hello\n');
    await git(second, ['fetch', '--quiet', 'origin'], creds);
    // The URL the repositories remember carries no credentials.
    expect((await git(second, ['remote', 'get-url', 'origin'])).stdout.trim()).toBe(server.urlOf('blog.git'));
    expect(server.requests.some((request) => request.path.endsWith('/git-receive-pack') && request.authorized)).toBe(
      true,
    );
  });

  it('refuses a wrong token and a missing one with 401', async () => {
    const error = await git(root, ['clone', '--quiet', server.urlOf('blog.git'), path.join(root, 'x')], {
      user: USER,
      token: 'wrong',
    }).catch((e: unknown) => e);
    expect(String((error as { stderr?: string }).stderr)).toMatch(/Authentication failed/);
    const anonymous = await git(root, ['ls-remote', server.urlOf('blog.git')]).catch((e: unknown) => e);
    expect(String((anonymous as { stderr?: string }).stderr)).toMatch(
      /could not read Username|terminal prompts disabled/,
    );
    const response = await fetch(`${server.urlOf('blog.git')}/info/refs?service=git-upload-pack`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect(server.requests.every((request) => !request.authorized)).toBe(true);
  });

  it('accepts the new token once it is changed, and refuses the old one', async () => {
    server.setToken('ghp_reissued');
    await expect(git(root, ['ls-remote', server.urlOf('blog.git')], { user: USER, token: TOKEN })).rejects.toThrow();
    await expect(
      git(root, ['ls-remote', server.urlOf('blog.git')], { user: USER, token: 'ghp_reissued' }),
    ).resolves.toBeTruthy();
  });
});

describe('parseCgiHeaders', () => {
  it('reads the Status header as the status and passes the rest on', () => {
    expect(
      parseCgiHeaders('Status: 404 Not Found\r\nContent-Type: text/plain\r\nExpires: Fri, 01 Jan 1980 00:00:00 GMT'),
    ).toEqual({
      status: 404,
      headers: { 'Content-Type': 'text/plain', Expires: 'Fri, 01 Jan 1980 00:00:00 GMT' },
    });
    expect(parseCgiHeaders('Content-Type: application/x-git-upload-pack-advertisement').status).toBe(200);
  });
});
