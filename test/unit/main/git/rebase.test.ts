import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rebaseOnto } from '../../../../main/git/index';
import { createRepoWithRemote, type RepoWithRemote } from '../../../support/git-fixtures';

describe('rebaseOnto', () => {
  let repo: RepoWithRemote;
  afterEach(() => repo.cleanup());

  function diverge(theirs: string, mine: string, file = 'config.toml') {
    repo = createRepoWithRemote({ files: { 'config.toml': 'title = "Quay"\n', 'a.md': 'a\n' } });
    const other = repo.cloneElsewhere();
    writeFileSync(join(other.workTree, 'config.toml'), theirs);
    other.git('commit', '--quiet', '-am', 'Theirs');
    other.git('push', '--quiet');
    repo.git('fetch', '--quiet');
    repo.write({ [file]: mine });
    repo.git('commit', '--quiet', '-am', 'Mine');
  }

  it('puts the writer’s commits on top when nothing clashes', async () => {
    diverge('title = "Quay"\nlanguage = "en"\n', 'b\n', 'a.md');
    await rebaseOnto(repo.workTree, repo.git('rev-parse', 'origin/main').trim());
    expect(repo.git('log', '--format=%s').trim().split('\n')).toEqual(['Mine', 'Theirs', 'Initial commit']);
  });

  it('aborts a rebase that stops and reports git-merge-conflict with the files, leaving nothing behind', async () => {
    diverge('title = "Their Quay"\n', 'title = "My Quay"\n');
    const head = repo.git('rev-parse', 'HEAD').trim();
    const error = await rebaseOnto(repo.workTree, repo.git('rev-parse', 'origin/main').trim()).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'git-merge-conflict', conflicted: ['config.toml'] });
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(head);
    expect(readFileSync(join(repo.workTree, 'config.toml'), 'utf8')).toBe('title = "My Quay"\n');
    expect(existsSync(join(repo.workTree, '.git', 'rebase-merge'))).toBe(false);
    expect(existsSync(join(repo.workTree, '.git', 'rebase-apply'))).toBe(false);
  });
});
