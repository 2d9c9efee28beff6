// What the git folder tells without starting git must agree with git itself, in every shape of
// repository it claims to read, and say "cannot tell" (null) in every shape it does not.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedRootTree, commitTreeId, indexTreeId, readRef } from '../../../../main/git/git-folder';
import { createRepoWithRemote, runGitSync, type RepoWithRemote } from '../../../support/git-fixtures';

const POSTS = {
  'content/posts/2026-01-04-first-frost.md': '---\ntitle: First frost\n---\n\nThe pond froze overnight.\n',
  'content/posts/2026-01-11-first-thaw.md': '---\ntitle: First thaw\n---\n\nIt did not last.\n',
  'content/posts/2026-01-18-fog.md': '---\ntitle: Fog\n---\n\nThe ferry ran late.\n',
  'static/images/pond.txt': 'not really an image\n',
};

describe('reading the git folder', () => {
  let repo: RepoWithRemote;
  let gitDir: string;
  beforeEach(() => {
    repo = createRepoWithRemote({ files: POSTS });
    gitDir = path.join(repo.workTree, '.git');
  });
  afterEach(() => repo.cleanup());

  const headTree = () => repo.git('rev-parse', 'HEAD^{tree}').trim();
  const head = () => repo.git('rev-parse', 'HEAD').trim();
  const commit = (file: string, text: string) => {
    repo.write({ [file]: text });
    repo.git('commit', '-q', '--only', '-m', `Edit ${file}`, '--', file);
  };

  it('reads HEAD, a branch and the upstream as git does, loose and packed', async () => {
    commit('content/posts/2026-01-18-fog.md', 'Fog again.\n');
    expect(await readRef(gitDir, 'HEAD')).toBe(head());
    expect(await readRef(gitDir, 'refs/heads/main')).toBe(head());
    expect(await readRef(gitDir, 'refs/remotes/origin/main')).toBe(repo.git('rev-parse', 'origin/main').trim());
    repo.git('pack-refs', '--all');
    expect(await readRef(gitDir, 'HEAD')).toBe(head());
    expect(await readRef(gitDir, 'refs/remotes/origin/main')).toBe(repo.git('rev-parse', 'origin/main').trim());
    expect(await readRef(gitDir, 'refs/remotes/origin/nothing')).toBeNull();
  });

  it('reads a detached HEAD as its commit', async () => {
    repo.git('switch', '-q', '--detach', 'HEAD');
    expect(await readRef(gitDir, 'HEAD')).toBe(head());
  });

  it('reads the tree of a loose commit, and cannot tell once the commit is packed', async () => {
    commit('content/posts/2026-01-18-fog.md', 'Fog again.\n');
    expect(await commitTreeId(gitDir, head())).toBe(headTree());
    repo.git('gc', '-q');
    expect(await commitTreeId(gitDir, head())).toBeNull();
  });

  it("finds HEAD's tree in the index after a commit, in index versions 2, 3 and 4", async () => {
    for (const version of ['2', '3', '4']) {
      repo.git('update-index', '--index-version', version);
      // A skip-worktree bit needs version 3's extended flags.
      if (version === '3') repo.git('update-index', '--skip-worktree', 'static/images/pond.txt');
      commit('content/posts/2026-01-11-first-thaw.md', `Thaw, version ${version}.\n`);
      expect(readFileSync(path.join(gitDir, 'index')).readUInt32BE(4)).toBe(Number(version));
      expect(await indexTreeId(gitDir, 20), `index version ${version}`).toBe(headTree());
      if (version === '3') repo.git('update-index', '--no-skip-worktree', 'static/images/pond.txt');
    }
  });

  it('cannot tell once a file is staged, or the index is split', async () => {
    commit('content/posts/2026-01-18-fog.md', 'Fog again.\n');
    repo.write({ 'content/posts/2026-01-04-first-frost.md': 'Staged by hand.\n' });
    repo.git('add', 'content/posts/2026-01-04-first-frost.md');
    expect(await indexTreeId(gitDir, 20)).toBeNull();

    repo.git('commit', '-q', '-m', 'Commit what was staged');
    expect(await indexTreeId(gitDir, 20)).toBe(headTree());
    repo.git('update-index', '--split-index');
    expect(await indexTreeId(gitDir, 20)).toBeNull();
  });

  it('cannot tell in a linked worktree, whose branches live in the main git folder', async () => {
    const other = path.join(repo.root, 'second');
    repo.git('worktree', 'add', '-q', other, '-b', 'second');
    const linked = runGitSync(other, ['rev-parse', '--absolute-git-dir']).trim();
    expect(await readRef(linked, 'HEAD')).toBeNull();
  });

  it('reads a SHA-256 repository too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-sha256-'));
    try {
      runGitSync(dir, ['init', '-q', '--object-format=sha256', '-b', 'main']);
      runGitSync(dir, [
        '-c',
        'user.name=W',
        '-c',
        'user.email=w@example.test',
        'commit',
        '-q',
        '--allow-empty',
        '-m',
        'x',
      ]);
      const sha256Dir = path.join(dir, '.git');
      const id = runGitSync(dir, ['rev-parse', 'HEAD']).trim();
      expect(id).toHaveLength(64);
      expect(await readRef(sha256Dir, 'HEAD')).toBe(id);
      const tree = runGitSync(dir, ['rev-parse', 'HEAD^{tree}']).trim();
      expect(await commitTreeId(sha256Dir, id)).toBe(tree);
      expect(await indexTreeId(sha256Dir, 32)).toBe(tree);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cachedRootTree', () => {
  it('says nothing about bytes that are not an index, or an index cut short', () => {
    expect(cachedRootTree(Buffer.from('not an index at all, just text'), 20)).toBeNull();
    const header = Buffer.alloc(12 + 20);
    header.write('DIRC', 0, 'latin1');
    header.writeUInt32BE(2, 4);
    header.writeUInt32BE(5, 8); // five entries promised, none there
    expect(cachedRootTree(header, 20)).toBeNull();
  });
});
