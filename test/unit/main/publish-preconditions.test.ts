// Publishing checks every precondition before it commits: on a detached HEAD the commit used to
// land on no branch, and `git switch main` then left the edits only in the reflog. Now nothing is
// committed, the edits are saved in the file, and after switching back they publish normally.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmitEvent, SaveRequest } from '../../../shared/api';
import { publishPost } from '../../../main/publish';
import { readPost } from '../../../main/workspace/posts';
import { createRepoWithRemote, type RepoWithRemote } from '../../support/git-fixtures';

const POST_PATH = 'content/posts/lanterns.md';
const POST = '---\ntitle: Paper lanterns\ndate: 2026-02-01\n---\nWe folded them at the kitchen table.\n';
const EDITED_BODY = 'We folded them at the kitchen table, and floated them at dusk.\n';
const noEvents: EmitEvent = () => undefined;

describe('publishing with a precondition unmet', () => {
  let repo: RepoWithRemote;
  const head = () => repo.git('rev-parse', 'HEAD').trim();
  const remoteMain = () => repo.remoteGit('rev-parse', 'main').trim();
  const commitCount = () => repo.git('rev-list', '--all', '--count').trim();
  const edit = async (): Promise<SaveRequest> => {
    const doc = await readPost(repo.workTree, POST_PATH);
    return { path: POST_PATH, baseVersion: doc.version, frontMatter: doc.frontMatter, body: EDITED_BODY };
  };

  beforeEach(() => {
    repo = createRepoWithRemote({ files: { [POST_PATH]: POST } });
  });
  afterEach(() => repo.cleanup());

  it('on a detached HEAD: commits nothing, keeps the edits in the file, and publishes them after `git switch main`', async () => {
    repo.git('checkout', '--detach');
    const [before, remoteBefore, countBefore] = [head(), remoteMain(), commitCount()];
    const request = await edit();

    const failure = await publishPost(repo.workTree, request, noEvents).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'git-detached-head',
      message: expect.stringMatching(/git switch main.*Your edits are saved in the file; nothing was committed/s),
    });
    expect(head()).toBe(before);
    expect(remoteMain()).toBe(remoteBefore);
    expect(commitCount()).toBe(countBefore);
    expect(repo.git('reflog', '--format=%gs', '-1').trim()).toMatch(/^checkout:/);
    expect(readFileSync(join(repo.workTree, POST_PATH), 'utf8')).toContain(EDITED_BODY);

    // The way forward the message gives keeps the edits: they come along to the branch.
    repo.git('switch', 'main');
    expect(readFileSync(join(repo.workTree, POST_PATH), 'utf8')).toContain(EDITED_BODY);
    const result = await publishPost(repo.workTree, await edit(), noEvents);
    expect(result).toMatchObject({ committed: true, pushed: true, branch: 'main' });
    expect(repo.remoteGit('show', `main:${POST_PATH}`)).toContain(EDITED_BODY);
  });

  it('mid-merge or with index.lock present: changes nothing at all and names the cause', async () => {
    const request = await edit();
    const before = head();
    writeFileSync(join(repo.workTree, '.git', 'MERGE_HEAD'), `${before}\n`);
    await expect(publishPost(repo.workTree, request, noEvents)).rejects.toMatchObject({
      code: 'git-in-progress',
      message: expect.stringMatching(/middle of a merge/),
    });
    repo.git('update-ref', '-d', 'MERGE_HEAD');

    writeFileSync(join(repo.workTree, '.git', 'index.lock'), '');
    await expect(publishPost(repo.workTree, request, noEvents)).rejects.toMatchObject({
      code: 'git-locked',
      message: expect.stringMatching(/index\.lock/),
    });
    expect(head()).toBe(before);
    expect(readFileSync(join(repo.workTree, POST_PATH), 'utf8')).toBe(POST);
  });

  it('on a branch with no upstream: commits and writes nothing, the edits stay in the editor', async () => {
    repo.git('switch', '-c', 'drafts');
    const before = head();
    await expect(publishPost(repo.workTree, await edit(), noEvents)).rejects.toMatchObject({
      code: 'git-no-upstream',
      message: expect.stringMatching(/still in the editor/),
    });
    expect(head()).toBe(before);
    expect(readFileSync(join(repo.workTree, POST_PATH), 'utf8')).toBe(POST);
  });
});
