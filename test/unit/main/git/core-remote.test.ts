import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runGit, setRemoteAuth, talksToRemote, type RemoteAuth } from '../../../../main/git/core';
import type { GitError } from '../../../../main/git/errors';
import { createRepoWithRemote, isolateGitHome, type RepoWithRemote } from '../../../support/git-fixtures';

let restoreHome: () => void;
beforeAll(() => {
  restoreHome = isolateGitHome();
});
afterAll(() => restoreHome());

let repo: RepoWithRemote;
let bin: string;
const saved = {
  PATH: process.env.PATH,
  SSH_AUTH_SOCK: process.env.SSH_AUTH_SOCK,
  GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND,
};

beforeEach(() => {
  repo = createRepoWithRemote();
  // A stand-in `ssh` first on PATH: records how git ran it, then refuses like a server without our key.
  bin = mkdtempSync(path.join(tmpdir(), 'masthead-fake-ssh-'));
  writeFileSync(
    path.join(bin, 'ssh'),
    `#!/bin/sh\nprintf '%s\\n' "args=$*" "agent=$SSH_AUTH_SOCK" "askpass=$SSH_ASKPASS" >> "${bin}/calls"\necho 'git@example.test: Permission denied (publickey).' >&2\nexit 255\n`,
  );
  chmodSync(path.join(bin, 'ssh'), 0o755);
  process.env.PATH = `${bin}${path.delimiter}${saved.PATH}`;
  process.env.SSH_AUTH_SOCK = '/tmp/agent.sock';
  delete process.env.GIT_SSH_COMMAND;
});

afterEach(() => {
  setRemoteAuth(null);
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  repo.cleanup();
  rmSync(bin, { recursive: true, force: true });
});

const calls = (): string => readFileSync(path.join(bin, 'calls'), 'utf8');

describe('remote git runs and ssh', () => {
  it('runs ssh in batch mode with the agent still reachable, and reports a refused key as git-auth', async () => {
    const error = (await runGit(repo.workTree, ['ls-remote', 'git@example.test:acme/blog.git']).catch(
      (e: unknown) => e,
    )) as GitError;
    expect(error.code).toBe('git-auth');
    expect(calls()).toContain('-o BatchMode=yes');
    expect(calls()).toContain('agent=/tmp/agent.sock');
    expect(calls()).toContain('askpass=\n');
  });

  it('leaves the writer’s own ssh command alone: a configured core.sshCommand, or GIT_SSH_COMMAND', async () => {
    repo.git('config', 'core.sshCommand', 'ssh -i ~/.ssh/blog_key');
    await runGit(repo.workTree, ['fetch', 'git@example.test:acme/blog.git']).catch(() => undefined);
    expect(calls()).toContain('-i');
    expect(calls()).not.toContain('BatchMode');

    repo.git('config', '--unset', 'core.sshCommand');
    process.env.GIT_SSH_COMMAND = 'ssh -p 2222';
    await runGit(repo.workTree, ['fetch', 'git@example.test:acme/blog.git']).catch(() => undefined);
    expect(
      calls()
        .split('\n')
        .filter((line) => line.startsWith('args='))
        .at(-1),
    ).toMatch(/^args=-p 2222 /);
    expect(calls()).not.toContain('BatchMode');
  });

  it('opens a credentials run only for commands that talk to a remote, and closes it with the outcome', async () => {
    const outcomes: string[] = [];
    const auth: RemoteAuth = {
      begin: async () => ({
        env: {},
        waitingForWriter: () => false,
        secrets: () => [],
        authMessage: () => null,
        end: async (outcome) => void outcomes.push(outcome),
      }),
    };
    setRemoteAuth(auth);
    await runGit(repo.workTree, ['status', '--porcelain']);
    await runGit(repo.workTree, ['fetch', 'origin']);
    await runGit(repo.workTree, ['ls-remote', 'git@example.test:acme/blog.git']).catch(() => undefined);
    expect(outcomes).toEqual(['ok', 'auth-failed']);
  });
});

describe('talksToRemote', () => {
  it('names the commands that may reach the network', () => {
    for (const args of [
      ['fetch'],
      ['push', 'origin'],
      ['pull'],
      ['ls-remote', 'origin'],
      ['clone', 'url'],
      ['remote', 'update'],
      ['submodule', 'update'],
    ]) {
      expect(talksToRemote(args), args.join(' ')).toBe(true);
    }
    for (const args of [
      ['status'],
      ['commit', '-m', 'x'],
      ['remote', 'get-url', 'origin'],
      ['config', '--get', 'core.sshCommand'],
      ['log'],
    ]) {
      expect(talksToRemote(args), args.join(' ')).toBe(false);
    }
  });
});
