import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getSyncStatus, parseBranchHeaders } from '../../../../main/git/status';
import type { RepoWithRemote } from '../../../support/git-fixtures';
import { createRepoWithRemote, isolateGitHome, runGitSync } from '../../../support/git-fixtures';

const OID = '0123456789abcdef0123456789abcdef01234567';

describe('parseBranchHeaders', () => {
  it('reads branch, upstream and ahead/behind, ignoring file entries', () => {
    const output = [
      `# branch.oid ${OID}`,
      '# branch.head main',
      '# branch.upstream origin/main',
      '# branch.ab +2 -3',
      '1 .M N... 100644 100644 100644 aaaa bbbb content/posts/hello.md',
      '? notes.txt',
      '',
    ].join('\n');
    expect(parseBranchHeaders(output)).toEqual({
      oid: OID,
      head: 'main',
      upstream: 'origin/main',
      upstreamExists: true,
      ahead: 2,
      behind: 3,
    });
  });

  it('reports no upstream for a branch that tracks nothing', () => {
    expect(parseBranchHeaders(`# branch.oid ${OID}\n# branch.head drafts\n`)).toEqual({
      oid: OID,
      head: 'drafts',
      upstream: null,
      upstreamExists: false,
      ahead: 0,
      behind: 0,
    });
  });

  it('reports a null head on a detached HEAD', () => {
    expect(parseBranchHeaders(`# branch.oid ${OID}\n# branch.head (detached)\n`)).toMatchObject({
      oid: OID,
      head: null,
      upstream: null,
    });
  });

  it('reports the branch name with a null oid on an unborn branch', () => {
    expect(parseBranchHeaders('# branch.oid (initial)\n# branch.head main\n')).toMatchObject({
      oid: null,
      head: 'main',
      ahead: 0,
      behind: 0,
    });
  });

  it('notices an upstream whose remote branch is gone (no ab line)', () => {
    expect(
      parseBranchHeaders(`# branch.oid ${OID}\r\n# branch.head main\r\n# branch.upstream origin/gone\r\n`),
    ).toMatchObject({
      upstream: 'origin/gone',
      upstreamExists: false,
      ahead: 0,
      behind: 0,
    });
  });

  it('keeps branch names with slashes and non-ASCII characters intact', () => {
    expect(
      parseBranchHeaders(
        '# branch.oid (initial)\n# branch.head writers/zoë/draft\n# branch.upstream up-stream/writers/zoë\n',
      ),
    ).toMatchObject({
      head: 'writers/zoë/draft',
      upstream: 'up-stream/writers/zoë',
    });
  });

  it('returns the empty state for empty output', () => {
    expect(parseBranchHeaders('')).toEqual({
      oid: null,
      head: null,
      upstream: null,
      upstreamExists: false,
      ahead: 0,
      behind: 0,
    });
  });
});

describe('getSyncStatus', () => {
  let restoreHome: () => void;
  beforeAll(() => {
    restoreHome = isolateGitHome();
  });
  afterAll(() => restoreHome());

  let repo: RepoWithRemote;
  afterEach(() => repo?.cleanup());

  it('is level with the upstream right after the initial push', async () => {
    repo = createRepoWithRemote();
    expect(await getSyncStatus(repo.workTree)).toEqual({
      branch: 'main',
      upstream: 'origin/main',
      ahead: 0,
      behind: 0,
    });
  });

  it('counts local commits ahead and fetched remote commits behind', async () => {
    repo = createRepoWithRemote();
    const other = repo.cloneElsewhere();
    other.git('commit', '--quiet', '--allow-empty', '-m', 'remote 1');
    other.git('commit', '--quiet', '--allow-empty', '-m', 'remote 2');
    other.git('push', '--quiet');
    repo.git('commit', '--quiet', '--allow-empty', '-m', 'local');
    repo.git('fetch', '--quiet');

    expect(await getSyncStatus(repo.workTree)).toEqual({
      branch: 'main',
      upstream: 'origin/main',
      ahead: 1,
      behind: 2,
    });
  });

  it('reports a null upstream for a branch that tracks nothing', async () => {
    repo = createRepoWithRemote();
    repo.git('checkout', '--quiet', '-b', 'drafts');
    expect(await getSyncStatus(repo.workTree)).toEqual({ branch: 'drafts', upstream: null, ahead: 0, behind: 0 });
  });

  it('reports a null branch on a detached HEAD', async () => {
    repo = createRepoWithRemote();
    repo.git('checkout', '--quiet', '--detach');
    expect(await getSyncStatus(repo.workTree)).toEqual({ branch: null, upstream: null, ahead: 0, behind: 0 });
  });

  it('reports the branch name of a repository with no commits yet', async () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'masthead-unborn-')));
    try {
      runGitSync(dir, ['init', '--quiet', '--initial-branch=main']);
      expect(await getSyncStatus(dir)).toEqual({ branch: 'main', upstream: null, ahead: 0, behind: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
