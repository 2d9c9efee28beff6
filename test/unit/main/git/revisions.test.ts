import { afterEach, describe, expect, it } from 'vitest';
import {
  changesOf,
  changesOfEach,
  commitsBetween,
  countCommits,
  divergence,
  mergeBase,
  parseCommitList,
  parseLsTree,
  parseRawDiff,
  resolveCommit,
  treeEntries,
} from '../../../../main/git/index';
import { createRepoWithRemote, type RepoWithRemote } from '../../../support/git-fixtures';

describe('parsers of revisions output', () => {
  it('reads commits with their parents, author and whole message', () => {
    const output =
      '\x1ea1\x1fp1 p2\x1fInes Okafor\x1fines@example.test\x1f1767222000 +0100\x1fPublish: Tides\n\nLonger body\twith a tab\n\n' +
      '\x1eb2\x1fa1\x1fSam\x1fsam@example.test\x1f1767225600 +0000\x1fFix typo\n\n';
    expect(parseCommitList(output)).toEqual([
      {
        commit: 'a1',
        parents: ['p1', 'p2'],
        authorName: 'Ines Okafor',
        authorEmail: 'ines@example.test',
        authorDate: '1767222000 +0100',
        message: 'Publish: Tides\n\nLonger body\twith a tab\n',
      },
      {
        commit: 'b2',
        parents: ['a1'],
        authorName: 'Sam',
        authorEmail: 'sam@example.test',
        authorDate: '1767225600 +0000',
        message: 'Fix typo\n',
      },
    ]);
  });

  it('reads raw diffs: added, modified and deleted files, names with spaces kept', () => {
    const zero = '0'.repeat(40);
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const output = `:000000 100644 ${zero} ${a} A\x00content/posts/new post.md\x00:100644 100644 ${a} ${b} M\x00config.toml\x00:100644 000000 ${b} ${zero} D\x00old.md\x00`;
    expect(parseRawDiff(output)).toEqual([
      {
        path: 'content/posts/new post.md',
        status: 'A',
        oldMode: '000000',
        newMode: '100644',
        oldBlob: null,
        newBlob: a,
      },
      { path: 'config.toml', status: 'M', oldMode: '100644', newMode: '100644', oldBlob: a, newBlob: b },
      { path: 'old.md', status: 'D', oldMode: '100644', newMode: '000000', oldBlob: b, newBlob: null },
    ]);
  });

  it('reads ls-tree entries, tabs in names kept', () => {
    expect(
      parseLsTree(`100644 blob ${'c'.repeat(40)}\tcontent/a\tb.md\x00100755 blob ${'d'.repeat(40)}\tbin/run\x00`),
    ).toEqual([
      { mode: '100644', type: 'blob', object: 'c'.repeat(40), path: 'content/a\tb.md' },
      { mode: '100755', type: 'blob', object: 'd'.repeat(40), path: 'bin/run' },
    ]);
  });
});

describe('revisions on a real repository', () => {
  let repo: RepoWithRemote;
  afterEach(() => repo.cleanup());

  it('lists what a branch holds beyond another, which files each commit changed and the tree at some paths', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'one\n', 'b.md': 'two\n' } });
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.write({ 'a.md': 'one, edited\n', 'c.md': 'three\n' });
    repo.git('add', '--all');
    repo.git('commit', '--quiet', '-m', 'Edit a, add c');
    repo.git('rm', '--quiet', 'b.md');
    repo.git('commit', '--quiet', '-m', 'Remove b');
    const head = (await resolveCommit(repo.workTree, 'HEAD'))!;

    expect(await resolveCommit(repo.workTree, 'refs/heads/nope')).toBeNull();
    expect(await mergeBase(repo.workTree, head, 'origin/main')).toBe(base);
    expect(await countCommits(repo.workTree, 'origin/main', head)).toBe(2);
    const commits = await commitsBetween(repo.workTree, 'origin/main', head);
    expect(commits.map((commit) => commit.message)).toEqual(['Edit a, add c\n', 'Remove b\n']);
    expect(commits[1]!.parents).toEqual([commits[0]!.commit]);
    expect(commits[0]!.authorName).toBe('Test Writer');

    const changes = await changesOf(repo.workTree, base, head);
    expect(changes.map((change) => [change.path, change.status])).toEqual([
      ['a.md', 'M'],
      ['b.md', 'D'],
      ['c.md', 'A'],
    ]);
    const tree = await treeEntries(repo.workTree, head, ['a.md', 'b.md']);
    expect([...tree.keys()]).toEqual(['a.md']);
    expect(repo.git('cat-file', 'blob', tree.get('a.md')!.object)).toBe('one, edited\n');
  });

  it('reads several pairs of commits in one run, in order, an empty one and a file named like a commit id too', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'one\n' } });
    const base = repo.git('rev-parse', 'HEAD').trim();
    const idLike = 'f'.repeat(40);
    repo.write({ [idLike]: 'a file whose name looks like a commit id\n', 'a.md': 'one, edited\n' });
    repo.git('add', '--all');
    repo.git('commit', '--quiet', '-m', 'Edit a, add an odd name');
    const head = repo.git('rev-parse', 'HEAD').trim();
    repo.git('commit', '--quiet', '--allow-empty', '-m', 'Nothing');
    const empty = repo.git('rev-parse', 'HEAD').trim();

    const [first, nothing, again] = await changesOfEach(repo.workTree, [
      [base, head],
      [head, empty],
      [base, empty],
    ]);
    expect(first).toEqual(await changesOf(repo.workTree, base, head));
    expect(first!.map((change) => change.path)).toEqual(['a.md', idLike]);
    expect(nothing).toEqual([]);
    expect(again).toEqual(first);
  });

  it('tells in one look how a branch and its upstream stand apart, and gives up on a missing upstream', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'one\n' } });
    const other = repo.cloneElsewhere();
    other.git('commit', '--quiet', '--allow-empty', '-m', 'Theirs 1');
    other.git('commit', '--quiet', '--allow-empty', '-m', 'Theirs 2');
    other.git('push', '--quiet');
    repo.git('fetch', '--quiet');
    repo.git('commit', '--quiet', '--allow-empty', '-m', 'Mine 1');
    repo.git('commit', '--quiet', '--allow-empty', '-m', 'Mine 2\n\n> quoted <line>');

    const apart = await divergence(repo.workTree, 'refs/remotes/origin/main');
    expect(apart).not.toBeNull();
    expect(apart!.head).toBe(repo.git('rev-parse', 'HEAD').trim());
    expect(apart!.upstream).toBe(repo.git('rev-parse', 'origin/main').trim());
    expect(apart!.theirs).toBe(2);
    expect(apart!.mine.map((commit) => commit.message)).toEqual(['Mine 1\n', 'Mine 2\n\n> quoted <line>\n']);
    expect(apart!.mine[1]!.parents).toEqual([apart!.mine[0]!.commit]);

    expect(await divergence(repo.workTree, 'refs/remotes/origin/nope')).toBeNull();
    expect(await divergence(repo.workTree, '--output=/tmp/x')).toBeNull();
  });
});
