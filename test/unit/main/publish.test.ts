import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmitEvent, PublishProgress } from '../../../shared/api';
import { publishMessage, publishPost } from '../../../main/publish';
import { readPost } from '../../../main/workspace/posts';
import type { RepoWithRemote } from '../../support/git-fixtures';
import { createRepoWithRemote } from '../../support/git-fixtures';
import { collectionId } from '../../../shared/content/collection-ids';

const POST_PATH = 'content/posts/tide-tables.md';
const POST = [
  '---',
  'title: Reading Tide Tables',
  'date: 2025-04-02',
  'tags: [sea, almanac]',
  '---',
  'High water comes twice a day, roughly.',
  '',
].join('\n');

describe('publishPost', () => {
  let repo: RepoWithRemote;
  let events: PublishProgress[];
  const emit: EmitEvent = (name, payload) => {
    if (name === 'publish:progress') events.push(payload as PublishProgress);
  };
  const remoteCommits = () => repo.remoteGit('rev-list', 'main').trim().split('\n');

  beforeEach(() => {
    repo = createRepoWithRemote({
      files: { [POST_PATH]: POST, 'content/posts/other.md': '---\ntitle: Other\n---\nx\n', 'notes.txt': 'v1\n' },
    });
    events = [];
  });
  afterEach(() => repo.cleanup());

  it('saves, commits only the post as "Publish: <title>", and pushes it', async () => {
    // Unrelated work in progress, staged and unstaged, must stay out of the publish commit.
    repo.write({ 'notes.txt': 'v2 unstaged\n', 'content/posts/other.md': '---\ntitle: Other, staged\n---\nx\n' });
    repo.git('add', 'content/posts/other.md');
    const before = remoteCommits();
    const doc = await readPost(repo.workTree, POST_PATH);

    const result = await publishPost(
      repo.workTree,
      {
        path: POST_PATH,
        baseVersion: doc.version,
        frontMatter: { ...doc.frontMatter, title: 'Reading Tide Tables Well' },
        body: doc.body,
      },
      emit,
    );

    expect(result).toMatchObject({
      committed: true,
      message: 'Publish: Reading Tide Tables Well',
      branch: 'main',
      upstream: 'origin/main',
    });
    expect(result.save.written).toBe(true);
    expect(result.shortCommit).toBe(result.commit.slice(0, 7));
    expect(events.map((event) => event.stage)).toEqual(['saving', 'committing', 'pushing', 'done']);
    expect(events.every((event) => event.path === POST_PATH)).toBe(true);

    const after = remoteCommits();
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toBe(result.commit);
    expect(repo.remoteGit('log', '-1', '--format=%s', 'main').trim()).toBe('Publish: Reading Tide Tables Well');
    expect(repo.remoteGit('diff-tree', '--no-commit-id', '--name-only', '-r', result.commit).trim()).toBe(POST_PATH);
    expect(repo.remoteGit('show', `main:${POST_PATH}`)).toBe(readFileSync(join(repo.workTree, POST_PATH), 'utf8'));

    // The writer's other work is exactly as it was.
    expect(readFileSync(join(repo.workTree, 'notes.txt'), 'utf8')).toBe('v2 unstaged\n');
    expect(repo.git('diff', '--cached', '--name-only').trim()).toBe('content/posts/other.md');
  });

  it('publishes again right after a publish, and still refuses a post the writer staged by hand in between', async () => {
    // After a publish the index matches HEAD, which the second publish reads from the git folder.
    const publishTitle = async (title: string) => {
      const doc = await readPost(repo.workTree, POST_PATH);
      return publishPost(
        repo.workTree,
        { path: POST_PATH, baseVersion: doc.version, frontMatter: { ...doc.frontMatter, title }, body: doc.body },
        emit,
      );
    };
    await publishTitle('Tide Tables, first take');
    const second = await publishTitle('Tide Tables, second take');
    expect(remoteCommits()[0]).toBe(second.commit);
    expect(repo.remoteGit('log', '-1', '--format=%s', 'main').trim()).toBe('Publish: Tide Tables, second take');

    writeFileSync(join(repo.workTree, POST_PATH), POST.replace('Reading Tide Tables', 'Staged by hand'));
    repo.git('add', POST_PATH);
    const staged = repo.git('show', `:${POST_PATH}`);
    await expect(publishTitle('Tide Tables, third take')).rejects.toThrow(/staged in git with other text/);
    expect(repo.git('show', `:${POST_PATH}`)).toBe(staged);
    expect(remoteCommits()[0]).toBe(second.commit);
  });

  it('pushes without a new commit when the post is already committed as is', async () => {
    const doc = await readPost(repo.workTree, POST_PATH);
    const before = remoteCommits();
    const result = await publishPost(
      repo.workTree,
      { path: POST_PATH, baseVersion: doc.version, frontMatter: doc.frontMatter, body: doc.body },
      emit,
    );
    expect(result).toMatchObject({ committed: false, commit: before[0], message: 'Publish: Reading Tide Tables' });
    expect(result.save.written).toBe(false);
    expect(remoteCommits()).toEqual(before);
    expect(events.map((event) => event.stage)).toEqual(['saving', 'committing', 'pushing', 'done']);
  });

  it('keeps the commit locally and says so when the push fails', async () => {
    repo.git('remote', 'set-url', 'origin', join(repo.root, 'gone.git'));
    const before = remoteCommits();
    const doc = await readPost(repo.workTree, POST_PATH);
    const publishing = publishPost(
      repo.workTree,
      { path: POST_PATH, baseVersion: doc.version, frontMatter: doc.frontMatter, body: 'New tide text.\n' },
      emit,
    );

    await expect(publishing).rejects.toThrow(/committed on this computer/);
    expect(events.map((event) => event.stage)).toEqual(['saving', 'committing', 'pushing', 'failed']);
    const failed = events.at(-1)!;
    expect(failed.error?.message).toMatch(/committed on this computer \([0-9a-f]{7}\).*nothing is lost/);
    expect(failed.error?.code).toMatch(/^git-/);

    expect(remoteCommits()).toEqual(before);
    expect(repo.git('log', '-1', '--format=%s').trim()).toBe('Publish: Reading Tide Tables');
    expect(repo.git('show', `HEAD:${POST_PATH}`)).toContain('New tide text.');
    expect(repo.git('status', '--porcelain', '--', POST_PATH).trim()).toBe('');
  });

  it('stops before committing when the post changed on disk', async () => {
    const doc = await readPost(repo.workTree, POST_PATH);
    writeFileSync(join(repo.workTree, POST_PATH), POST.replace('twice a day', 'twice daily'));
    const head = repo.git('rev-parse', 'HEAD').trim();
    await expect(
      publishPost(
        repo.workTree,
        { path: POST_PATH, baseVersion: doc.version, frontMatter: doc.frontMatter, body: 'Mine.\n' },
        emit,
      ),
    ).rejects.toMatchObject({ code: 'changed-on-disk' });
    expect(events.map((event) => event.stage)).toEqual(['saving', 'failed']);
    expect(events[1]!.error?.code).toBe('changed-on-disk');
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(head);
    expect(readFileSync(join(repo.workTree, POST_PATH), 'utf8')).toContain('twice daily');
  });

  it('publishes a data entry: its one changed line, committed and pushed', async () => {
    const author = '# shown on the about page\nname: Ines Okafor\nrole: editor\n';
    repo.write({ 'content/authors/ines.yml': author });
    repo.git('add', 'content/authors/ines.yml');
    repo.git('commit', '-m', 'Add author');
    const location = { collection: collectionId('authors'), dataFormat: 'yaml' as const };
    const doc = await readPost(repo.workTree, 'content/authors/ines.yml', location);
    const request = {
      path: doc.path,
      baseVersion: doc.version,
      frontMatter: { ...doc.frontMatter, role: 'chief editor' },
      body: '',
    };

    const result = await publishPost(repo.workTree, request, emit, 'yaml');

    expect(result.committed).toBe(true);
    expect(repo.remoteGit('show', 'main:content/authors/ines.yml')).toBe(
      author.replace('role: editor', 'role: chief editor'),
    );
    // Without the model's say-so the same path is not an entry, and nothing is published.
    await expect(publishPost(repo.workTree, request, emit)).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('reports a bad path as failed without touching anything', async () => {
    await expect(
      publishPost(repo.workTree, { path: '../escape.md', baseVersion: 'x', frontMatter: {}, body: '' }, emit),
    ).rejects.toMatchObject({
      code: 'outside-repository',
    });
    expect(events).toEqual([
      { path: '../escape.md', stage: 'failed', error: expect.objectContaining({ code: 'outside-repository' }) },
    ]);
  });
});

describe('publishMessage', () => {
  it('uses the title on one line, falling back to the file name', () => {
    expect(publishMessage({ title: 'Two\nlines  here' }, 'content/posts/a.md')).toBe('Publish: Two lines here');
    expect(publishMessage({}, 'content/posts/trip/index.md')).toMatch(/^Publish: .*trip/i);
    expect(publishMessage({ title: 'x'.repeat(300) }, 'a.md').length).toBeLessThanOrEqual('Publish: '.length + 120);
  });
});
