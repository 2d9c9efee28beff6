import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exclusive, gitEnvironment, runGit } from '../../../../main/git/core';
import { GitError } from '../../../../main/git/errors';
import type { RepoWithRemote } from '../../../support/git-fixtures';
import { createRepoWithRemote, isolateGitHome } from '../../../support/git-fixtures';

describe('gitEnvironment', () => {
  const env = gitEnvironment({
    PATH: '/usr/bin',
    HOME: '/home/writer',
    SSH_AUTH_SOCK: '/tmp/agent.sock',
    GIT_DIR: '/elsewhere/.git',
    GIT_INDEX_FILE: '/elsewhere/index',
    git_work_tree: '/elsewhere',
    GIT_ASKPASS: '/usr/bin/ksshaskpass',
    SSH_ASKPASS: '/usr/bin/ssh-askpass',
    EDITOR: 'vim',
    PAGER: 'less',
    GIT_SSL_CAINFO: '/etc/corp-ca.pem',
    GIT_SSH_COMMAND: 'ssh -i ~/.ssh/blog',
  });

  it('keeps the user environment that git needs (PATH, HOME, ssh agent, CA bundle, ssh command)', () => {
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      HOME: '/home/writer',
      SSH_AUTH_SOCK: '/tmp/agent.sock',
      GIT_SSL_CAINFO: '/etc/corp-ca.pem',
      GIT_SSH_COMMAND: 'ssh -i ~/.ssh/blog',
    });
  });

  it('drops variables that would redirect git or open programs', () => {
    for (const name of ['GIT_DIR', 'GIT_INDEX_FILE', 'git_work_tree', 'SSH_ASKPASS', 'EDITOR', 'PAGER'])
      expect(env).not.toHaveProperty(name);
  });

  it('disables every prompt and asks for English messages', () => {
    expect(env).toMatchObject({ GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', LC_MESSAGES: 'C', LANGUAGE: 'en' });
  });
});

describe('runGit', () => {
  let restoreHome: () => void;
  beforeAll(() => {
    restoreHome = isolateGitHome();
  });
  afterAll(() => restoreHome());

  let repo: RepoWithRemote;
  let other: RepoWithRemote | undefined;
  afterEach(() => {
    repo?.cleanup();
    other?.cleanup();
    other = undefined;
  });

  it('returns stdout, stderr and the exit code', async () => {
    repo = createRepoWithRemote();
    const result = await runGit(repo.workTree, ['rev-parse', '--abbrev-ref', 'HEAD']);
    expect(result).toEqual({ stdout: 'main\n', stderr: '', exitCode: 0 });
  });

  it('accepts the exit codes a command uses to answer a question', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'a\n' } });
    repo.write({ 'a.md': 'changed\n' });
    const changed = await runGit(repo.workTree, ['diff', '--quiet'], { okExitCodes: [0, 1] });
    expect(changed.exitCode).toBe(1);
  });

  it('turns a failure into a GitError carrying the code, the exit code and what git said', async () => {
    repo = createRepoWithRemote();
    const error = await runGit(repo.workTree, ['show', 'no-such-ref']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    const gitError = error as GitError;
    expect(gitError.code).toBe('git-failed');
    expect(gitError.exitCode).toBe(128);
    expect(gitError.detail).toMatch(/^git show no-such-ref\n.*no-such-ref/s);
  });

  it('fails as a GitError (not a crash) when the folder does not exist', async () => {
    repo = createRepoWithRemote();
    const error = await runGit(`${repo.root}/missing`, ['status']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).code).toBe('git-failed');
  });

  it('prints non-ASCII paths as written, not as octal escapes', async () => {
    repo = createRepoWithRemote();
    repo.write({ 'posts/crème-brûlée.md': 'sweet\n' });
    const { stdout } = await runGit(repo.workTree, ['status', '--porcelain', '--untracked-files=all']);
    expect(stdout).toBe('?? posts/crème-brûlée.md\n');
  });

  it('is not redirected to another repository by GIT_DIR / GIT_WORK_TREE in the environment', async () => {
    repo = createRepoWithRemote({ files: { 'mine.md': 'mine\n' } });
    other = createRepoWithRemote({ files: { 'theirs.md': 'theirs\n' } });
    const saved = { dir: process.env.GIT_DIR, tree: process.env.GIT_WORK_TREE };
    process.env.GIT_DIR = `${other.workTree}/.git`;
    process.env.GIT_WORK_TREE = other.workTree;
    try {
      const { stdout } = await runGit(repo.workTree, ['ls-files']);
      expect(stdout).toBe('mine.md\n');
    } finally {
      if (saved.dir === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved.dir;
      if (saved.tree === undefined) delete process.env.GIT_WORK_TREE;
      else process.env.GIT_WORK_TREE = saved.tree;
    }
  });

  it('stops git that waits on something and reports a timeout instead of hanging', async () => {
    repo = createRepoWithRemote();
    const started = Date.now();
    // hash-object --stdin waits for input that never comes: a stand-in for a stalled network or prompt.
    const error = await runGit(repo.workTree, ['hash-object', '--stdin'], { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    // A git that goes silent is, in practice, a stalled connection: reported as offline.
    expect((error as GitError).code).toBe('git-offline');
    expect((error as GitError).exitCode).toBeNull();
    expect((error as GitError).detail).toMatch(/timed out/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('exclusive', () => {
  it('runs tasks for one work tree one after another, in order, even when one fails', async () => {
    const events: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        events.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      exclusive('/repo', task('a', true)),
      exclusive('/repo/', task('b')),
      exclusive('/repo', task('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('lets different work trees run side by side', async () => {
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push(`end ${name}`);
    };
    await Promise.all([exclusive('/one', task('one')), exclusive('/two', task('two'))]);
    expect(events.slice(0, 2)).toEqual(['start one', 'start two']);
  });
});
