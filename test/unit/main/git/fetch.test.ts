import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchUpstream, getSyncStatus } from '../../../../main/git/index';
import { toAppError } from '../../../../shared/errors';
import { closedPort, createRepoWithRemote, type RepoWithRemote } from '../../../support/git-fixtures';

describe('fetchUpstream', () => {
  let repo: RepoWithRemote;
  afterEach(() => repo.cleanup());

  it('updates only the remote-tracking branch: the work tree and the branch stay', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'a\n' } });
    const other = repo.cloneElsewhere();
    writeFileSync(join(other.workTree, 'a.md'), 'theirs\n');
    other.git('commit', '--quiet', '-am', 'Theirs');
    other.git('push', '--quiet');
    const head = repo.git('rev-parse', 'HEAD').trim();

    expect(await fetchUpstream(repo.workTree)).toEqual({
      upstream: 'origin/main',
      trackingRef: 'refs/remotes/origin/main',
    });
    expect(await getSyncStatus(repo.workTree)).toMatchObject({ ahead: 0, behind: 1 });
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(head);
    expect(readFileSync(join(repo.workTree, 'a.md'), 'utf8')).toBe('a\n');
  });

  it('fails as git-offline on a closed port and as git-no-upstream without an upstream', async () => {
    repo = createRepoWithRemote();
    repo.git('remote', 'set-url', 'origin', `git://127.0.0.1:${await closedPort()}/blog.git`);
    expect(toAppError(await fetchUpstream(repo.workTree).catch((error: unknown) => error)).code).toBe('git-offline');
    repo.git('branch', '--unset-upstream');
    expect(toAppError(await fetchUpstream(repo.workTree).catch((error: unknown) => error)).code).toBe(
      'git-no-upstream',
    );
  });
});
