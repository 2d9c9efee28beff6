import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileHistory, parseFileLog } from '../../../../main/git/log';
import { showFileAt } from '../../../../main/git/show';
import {
  createPlainFolder,
  createRepoWithRemote,
  isolateGitHome,
  runGitSync,
  type RepoWithRemote,
} from '../../../support/git-fixtures';

let restoreHome: () => void;
beforeAll(() => {
  restoreHome = isolateGitHome();
});
afterAll(() => restoreHome());

let repo: RepoWithRemote | null = null;
afterEach(() => {
  repo?.cleanup();
  repo = null;
});

const DRAFT = '---\ntitle: Tide tables\n---\n\nThe tide turns twice a day.\n';
const EDITED = '---\ntitle: Tide tables\n---\n\nThe tide turns twice a day, a little later each time.\n';
const RETITLED = '---\ntitle: Reading tide tables\n---\n\nThe tide turns twice a day, a little later each time.\n';

/** A post committed, edited, renamed and retitled: four commits, newest first in the log. */
function postWithHistory(): RepoWithRemote {
  const made = createRepoWithRemote({
    files: { 'content/posts/tides.md': DRAFT, 'content/posts/other.md': '---\ntitle: Other\n---\n\nElse.\n' },
  });
  made.write({ 'content/posts/tides.md': EDITED });
  made.git('commit', '--quiet', '-am', 'Say when the tide turns');
  made.write({ 'content/posts/other.md': '---\ntitle: Other\n---\n\nSomething else.\n' });
  made.git('commit', '--quiet', '-am', 'Touch another post');
  made.git('mv', 'content/posts/tides.md', 'content/posts/reading-tides.md');
  made.git('commit', '--quiet', '-m', 'Rename the tides post');
  made.write({ 'content/posts/reading-tides.md': RETITLED });
  made.git('commit', '--quiet', '-am', 'Retitle: Reading tide tables\n\nA clearer title.');
  return made;
}

describe('fileHistory', () => {
  it('lists the commits that touched a post, newest first, following it across a rename', async () => {
    repo = postWithHistory();
    const history = await fileHistory(repo.workTree, 'content/posts/reading-tides.md');
    expect(history.map((commit) => commit.subject)).toEqual([
      'Retitle: Reading tide tables',
      'Rename the tides post',
      'Say when the tide turns',
      'Initial commit',
    ]);
    expect(history.map((commit) => commit.path)).toEqual([
      'content/posts/reading-tides.md',
      'content/posts/reading-tides.md',
      'content/posts/tides.md',
      'content/posts/tides.md',
    ]);
    const newest = history[0]!;
    expect(newest.commit).toBe(repo.git('rev-parse', 'HEAD').trim());
    expect(newest.commit.startsWith(newest.shortCommit)).toBe(true);
    expect(newest.author).toBe('Test Writer');
    expect(newest.email).toBe('writer@example.test');
    expect(Number.isNaN(Date.parse(newest.date))).toBe(false);
  });

  it('reads the post as each commit had it, under the name it had then', async () => {
    repo = postWithHistory();
    const history = await fileHistory(repo.workTree, 'content/posts/reading-tides.md');
    const texts = await Promise.all(history.map((commit) => showFileAt(repo!.workTree, commit.commit, commit.path)));
    expect(texts).toEqual([RETITLED, EDITED, EDITED, DRAFT]);
    expect(await showFileAt(repo.workTree, 'HEAD', 'content/posts/reading-tides.md')).toBe(RETITLED);
  });

  it('gives a post that was never committed an empty history, and no text at HEAD', async () => {
    repo = createRepoWithRemote();
    repo.write({ 'content/posts/new.md': '---\ntitle: New\n---\n\nNot yet committed.\n' });
    expect(await fileHistory(repo.workTree, 'content/posts/new.md')).toEqual([]);
    expect(await showFileAt(repo.workTree, 'HEAD', 'content/posts/new.md')).toBeNull();
  });

  it('gives an empty history on a branch with no commits yet', async () => {
    const folder = createPlainFolder();
    try {
      runGitSync(folder.dir, ['init', '--quiet', '--initial-branch=main']);
      expect(await fileHistory(folder.dir, 'post.md')).toEqual([]);
      expect(await showFileAt(folder.dir, 'HEAD', 'post.md')).toBeNull();
    } finally {
      folder.cleanup();
    }
  });

  it('refuses anything but a full commit name, so nothing reaches git as an option', async () => {
    repo = createRepoWithRemote();
    await expect(showFileAt(repo.workTree, '--output=/tmp/x', 'README.md')).rejects.toMatchObject({
      code: 'bad-request',
    });
    await expect(showFileAt(repo.workTree, 'HEAD~1', 'README.md')).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('parseFileLog', () => {
  const header = (sha: string, subject: string) =>
    `\x1e${sha}\x1f${sha.slice(0, 7)}\x1fAda\x1fada@example.test\x1f2026-03-01T10:00:00+01:00\x1f${subject}\0`;
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(40);
  const C = 'c'.repeat(40);

  it('takes the new name from a rename and keeps it for a merge that prints no status', () => {
    const output = `${header(A, 'Merge branch')}${header(B, 'Move it')}\nR100\0old.md\0new.md\0${header(C, 'First')}\nA\0old.md\0`;
    const commits = parseFileLog(output, 'new.md');
    expect(commits.map((commit) => [commit.subject, commit.path])).toEqual([
      ['Merge branch', 'new.md'],
      ['Move it', 'new.md'],
      ['First', 'old.md'],
    ]);
    expect(commits[2]).toMatchObject({
      commit: C,
      shortCommit: 'ccccccc',
      author: 'Ada',
      email: 'ada@example.test',
      date: '2026-03-01T10:00:00+01:00',
    });
  });

  it('leaves out a commit that deleted the file, and keeps tabs in a subject', () => {
    const output = `${header(A, 'Bring\tback')}\nA\0p.md\0${header(B, 'Delete')}\nD\0p.md\0`;
    expect(parseFileLog(output, 'p.md').map((commit) => commit.subject)).toEqual(['Bring\tback']);
  });

  it('reads empty output as no history', () => {
    expect(parseFileLog('', 'p.md')).toEqual([]);
  });
});
