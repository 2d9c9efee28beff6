import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asHookFailure, GitError, hasHook, hookOutput } from '../../../../main/git/index';
import { createRepoWithRemote, type RepoWithRemote } from '../../../support/git-fixtures';

const failed = (stderr: string) => new GitError('git-failed', { args: ['push'], exitCode: 1, stderr, stdout: '' });

describe('hookOutput', () => {
  it('keeps what the hook said and drops git’s closing line', () => {
    expect(
      hookOutput(failed("Run the link checker first.\n3 broken links.\nerror: failed to push some refs to 'origin'\n")),
    ).toBe('Run the link checker first. 3 broken links.');
  });
});

describe('asHookFailure', () => {
  let repo: RepoWithRemote;
  afterEach(() => repo.cleanup());

  it('turns an unrecognised failure into git-hook only when that hook is installed and runnable', async () => {
    repo = createRepoWithRemote();
    const error = failed('Front matter is missing a date.\n');
    expect(await hasHook(repo.workTree, 'pre-commit')).toBe(false);
    expect(await asHookFailure(error, repo.workTree, ['pre-commit'])).toBe(error);

    mkdirSync(join(repo.workTree, '.git', 'hooks'), { recursive: true });
    const hook = join(repo.workTree, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\nexit 1\n');
    expect(await hasHook(repo.workTree, 'pre-commit')).toBe(false);
    chmodSync(hook, 0o755);
    const refused = (await asHookFailure(error, repo.workTree, ['pre-commit'])) as GitError;
    expect(refused.code).toBe('git-hook');
    expect(refused.message).toMatch(/The pre-commit hook said: Front matter is missing a date\.$/);
    // A failure git recognised keeps its own code.
    const offline = new GitError('git-offline', {
      args: ['push'],
      exitCode: 128,
      stderr: 'Connection refused',
      stdout: '',
    });
    expect(await asHookFailure(offline, repo.workTree, ['pre-commit'])).toBe(offline);
  });

  it('follows core.hooksPath', async () => {
    repo = createRepoWithRemote();
    mkdirSync(join(repo.workTree, 'githooks'));
    writeFileSync(join(repo.workTree, 'githooks', 'pre-push'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    repo.git('config', 'core.hooksPath', 'githooks');
    expect(await hasHook(repo.workTree, 'pre-push')).toBe(true);
  });
});
