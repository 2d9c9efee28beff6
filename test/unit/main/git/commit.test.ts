import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commitFile, commitFiles } from '../../../../main/git/commit';
import { GitError } from '../../../../main/git/errors';
import { AppFailure } from '../../../../shared/errors';
import type { RepoWithRemote } from '../../../support/git-fixtures';
import { createRepoWithRemote, isolateGitHome, runGitSync } from '../../../support/git-fixtures';

let restoreHome: () => void;
beforeAll(() => {
  restoreHome = isolateGitHome();
});
afterAll(() => restoreHome());

let repo: RepoWithRemote;
afterEach(() => repo?.cleanup());

const POST = 'content/posts/hello.md';

function blogRepo(): RepoWithRemote {
  return createRepoWithRemote({
    files: {
      [POST]: '---\ntitle: Hello\n---\n\nFirst draft.\n',
      'content/posts/other.md': '---\ntitle: Other\n---\n\nOther post.\n',
      'config.toml': 'title = "Blog"\n',
    },
  });
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

describe('commitFile', () => {
  it('commits only the post while other files stay modified, staged and untracked as they were', async () => {
    repo = blogRepo();
    repo.write({ 'config.toml': 'title = "Staged title"\n' });
    repo.git('add', 'config.toml');
    repo.write({ 'config.toml': 'title = "Unstaged on top of staged"\n' });
    repo.write({ 'content/posts/other.md': '---\ntitle: Other\n---\n\nHalf-written edit.\n' });
    repo.write({ 'notes.txt': 'scratch\n' });
    repo.write({ [POST]: '---\ntitle: Hello\n---\n\nPublished text.\n' });

    const result = await commitFile(repo.workTree, POST, 'Publish: Hello');

    expect(result.committed).toBe(true);
    expect(result.commit).toBe(repo.git('rev-parse', 'HEAD').trim());
    expect(lines(repo.git('show', '--name-only', '--format=', 'HEAD'))).toEqual([POST]);
    expect(repo.git('show', `HEAD:${POST}`)).toBe('---\ntitle: Hello\n---\n\nPublished text.\n');
    // config.toml: still staged with the staged text, and still carrying its unstaged edit on top.
    expect(lines(repo.git('diff', '--cached', '--name-only'))).toEqual(['config.toml']);
    expect(repo.git('show', ':config.toml')).toBe('title = "Staged title"\n');
    expect(readFileSync(path.join(repo.workTree, 'config.toml'), 'utf8')).toBe('title = "Unstaged on top of staged"\n');
    expect(lines(repo.git('diff', '--name-only'))).toEqual(['config.toml', 'content/posts/other.md']);
    expect(readFileSync(path.join(repo.workTree, 'content/posts/other.md'), 'utf8')).toContain('Half-written edit.');
    expect(lines(repo.git('ls-files', '--others', '--exclude-standard'))).toEqual(['notes.txt']);
    // The post itself is now clean: nothing staged or unstaged is left behind for it.
    expect(repo.git('status', '--porcelain', '--', POST)).toBe('');
  });

  it('commits several named files in one commit, a new one among them, and nothing else', async () => {
    repo = blogRepo();
    repo.write({ [POST]: 'changed\n', 'content/posts/de/hello.md': 'neu\n', 'config.toml': 'title = "Unpublished"\n' });
    const result = await commitFiles(repo.workTree, [POST, 'content/posts/de/hello.md'], 'Publish: Hello');
    expect(result.committed).toBe(true);
    expect(lines(repo.git('show', '--name-only', '--format=', 'HEAD')).sort()).toEqual([
      'content/posts/de/hello.md',
      POST,
    ]);
    expect(lines(repo.git('status', '--porcelain'))).toEqual([' M config.toml']);
    await expect(commitFiles(repo.workTree, [POST, '../outside.md'], 'x')).rejects.toMatchObject({
      code: 'outside-repository',
    });
  });

  it('commits the work-tree version of a post that had an older version staged', async () => {
    repo = blogRepo();
    repo.write({ [POST]: 'staged version\n' });
    repo.git('add', POST);
    repo.write({ [POST]: 'latest version\n' });

    await commitFile(repo.workTree, POST, 'Publish: Hello');

    expect(repo.git('show', `HEAD:${POST}`)).toBe('latest version\n');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('commits a brand-new, untracked post', async () => {
    repo = blogRepo();
    repo.write({ 'content/posts/new-post.md': '---\ntitle: New\n---\n' });

    const result = await commitFile(repo.workTree, 'content/posts/new-post.md', 'Publish: New');

    expect(result.committed).toBe(true);
    expect(repo.git('show', '--name-status', '--format=', 'HEAD')).toBe('A\tcontent/posts/new-post.md\n');
  });

  it('uses the message as given and the identity from the repository config', async () => {
    repo = createRepoWithRemote({ files: { [POST]: 'v1\n' }, user: { name: 'Ada Writer', email: 'ada@blog.example' } });
    repo.write({ [POST]: 'v2\n' });

    await commitFile(repo.workTree, POST, 'Publish: Café au lait — “quotes” & more');

    expect(repo.git('log', '-1', '--format=%an <%ae>|%cn <%ce>')).toBe(
      'Ada Writer <ada@blog.example>|Ada Writer <ada@blog.example>\n',
    );
    expect(repo.git('log', '-1', '--format=%B').trimEnd()).toBe('Publish: Café au lait — “quotes” & more');
  });

  it('reports committed: false with HEAD when the post already matches HEAD, even with other files staged', async () => {
    repo = blogRepo();
    repo.write({ 'config.toml': 'title = "Staged"\n' });
    repo.git('add', 'config.toml');
    const head = repo.git('rev-parse', 'HEAD').trim();

    const result = await commitFile(repo.workTree, POST, 'Publish: Hello');

    expect(result).toEqual({ commit: head, committed: false });
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(head);
    expect(lines(repo.git('diff', '--cached', '--name-only'))).toEqual(['config.toml']);
  });

  it('treats the path literally, never as a glob that matches other files', async () => {
    repo = createRepoWithRemote({ files: { 'posts/a.md': 'a\n', 'posts/[ab].md': 'bracketed\n' } });
    repo.write({ 'posts/a.md': 'a changed\n', 'posts/[ab].md': 'bracketed changed\n' });

    await commitFile(repo.workTree, 'posts/[ab].md', 'Publish: brackets');

    expect(lines(repo.git('show', '--name-only', '--format=', 'HEAD'))).toEqual(['posts/[ab].md']);
    expect(lines(repo.git('diff', '--name-only'))).toEqual(['posts/a.md']);
  });

  it('commits files with non-ASCII names', async () => {
    repo = blogRepo();
    repo.write({ 'content/posts/café-crème.md': 'bonjour\n' });

    const result = await commitFile(repo.workTree, 'content/posts/café-crème.md', 'Publish: Café');

    expect(result.committed).toBe(true);
    expect(repo.git('-c', 'core.quotepath=false', 'show', '--name-only', '--format=', 'HEAD')).toBe(
      'content/posts/café-crème.md\n',
    );
  });

  it('serialises concurrent commits in one repository so both land, each with its own file', async () => {
    repo = blogRepo();
    repo.write({ [POST]: 'hello edited\n', 'content/posts/other.md': 'other edited\n' });

    const [first, second] = await Promise.all([
      commitFile(repo.workTree, POST, 'Publish: Hello'),
      commitFile(repo.workTree, 'content/posts/other.md', 'Publish: Other'),
    ]);

    expect(first.committed && second.committed).toBe(true);
    expect(lines(repo.git('show', '--name-only', '--format=', first.commit))).toEqual([POST]);
    expect(lines(repo.git('show', '--name-only', '--format=', second.commit))).toEqual(['content/posts/other.md']);
    expect(repo.git('rev-parse', `${second.commit}~1`).trim()).toBe(first.commit);
  });

  it('makes the first commit on a branch with no commits yet', async () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'masthead-unborn-')));
    try {
      runGitSync(dir, ['init', '--quiet', '--initial-branch=main']);
      runGitSync(dir, ['config', 'user.name', 'First Writer']);
      runGitSync(dir, ['config', 'user.email', 'first@example.test']);
      writeFileSync(path.join(dir, 'first.md'), 'first\n');
      writeFileSync(path.join(dir, 'other.md'), 'not this one\n');

      const result = await commitFile(dir, 'first.md', 'Publish: First');

      expect(result.committed).toBe(true);
      expect(runGitSync(dir, ['show', '--name-only', '--format=', 'HEAD'])).toBe('first.md\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with git-no-identity, committing nothing, when no name and email are configured', async () => {
    repo = blogRepo();
    repo.git('config', '--unset', 'user.name');
    repo.git('config', '--unset', 'user.email');
    const savedEmail = process.env.EMAIL;
    delete process.env.EMAIL;
    const head = repo.git('rev-parse', 'HEAD').trim();
    repo.write({ [POST]: 'edited\n' });
    try {
      const error = await commitFile(repo.workTree, POST, 'Publish: Hello').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitError);
      expect((error as GitError).code).toBe('git-no-identity');
      expect(repo.git('rev-parse', 'HEAD').trim()).toBe(head);
    } finally {
      if (savedEmail !== undefined) process.env.EMAIL = savedEmail;
    }
  });

  it('refuses paths that leave the repository', async () => {
    repo = blogRepo();
    for (const bad of ['../outside.md', '/etc/passwd', '', 'content/../../x.md']) {
      const error = await commitFile(repo.workTree, bad, 'nope').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppFailure);
      expect((error as AppFailure).code).toBe('outside-repository');
    }
  });
});
