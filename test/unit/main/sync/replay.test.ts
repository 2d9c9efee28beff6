import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitsBetween } from '../../../../main/git/index';
import { clearPushWaiting, markPushWaiting, pushWaitingFor } from '../../../../main/sync/push-queue';
import { replayCommits } from '../../../../main/sync/replay';
import { createRepoWithRemote, type RepoWithRemote } from '../../../support/git-fixtures';

describe('replayCommits', () => {
  let repo: RepoWithRemote;
  afterEach(() => repo.cleanup());

  function othersPush(file: string, text: string): string {
    const other = repo.cloneElsewhere(`other-${Math.random().toString(36).slice(2)}`);
    writeFileSync(join(other.workTree, file), text);
    other.git('commit', '--quiet', '-am', `Change ${file}`);
    other.git('push', '--quiet');
    repo.git('fetch', '--quiet');
    return repo.git('rev-parse', 'origin/main').trim();
  }

  function commit(file: string, text: string, message: string): void {
    repo.write({ [file]: text });
    repo.git('commit', '--quiet', '-am', message);
  }

  it('replays a chain in order, a later commit undoing an earlier one included, keeping authors, touching no file', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'a\n', 'b.md': 'b\n' } });
    const upstream = othersPush('b.md', 'b from others\n');
    commit('a.md', 'a, edited\n', 'Edit a');
    commit('a.md', 'a\n', 'Undo a');
    const before = repo.git('status', '--porcelain');
    const head = repo.git('rev-parse', 'HEAD').trim();

    const outcome = await replayCommits(
      repo.workTree,
      upstream,
      await commitsBetween(repo.workTree, upstream, head),
      () => 'conflict',
    );
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    expect(outcome.made.map((made) => made.original.message)).toEqual(['Edit a\n', 'Undo a\n']);
    expect(repo.git('log', '--format=%s|%an', outcome.tip).trim().split('\n')).toEqual([
      'Undo a|Test Writer',
      'Edit a|Test Writer',
      'Change b.md|Other Writer',
      'Initial commit|Test Writer',
    ]);
    expect(repo.git('show', `${outcome.tip}:a.md`)).toBe('a\n');
    expect(repo.git('show', `${outcome.tip}:b.md`)).toBe('b from others\n');
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(head);
    expect(repo.git('status', '--porcelain')).toBe(before);
  });

  it('leaves out a commit whose change the other side already has, and asks the merge for files both changed', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'a\n', 'b.md': 'b\n' } });
    const upstream = othersPush('a.md', 'same\n');
    commit('a.md', 'same\n', 'Same as theirs');
    commit('b.md', 'b2\n', 'Edit b');
    const head = repo.git('rev-parse', 'HEAD').trim();
    const asked: string[] = [];
    const outcome = await replayCommits(
      repo.workTree,
      upstream,
      await commitsBetween(repo.workTree, upstream, head),
      (clash) => {
        asked.push(clash.path);
        return 'conflict';
      },
    );
    expect(asked).toEqual([]);
    expect(outcome.kind === 'done' && outcome.made.map((made) => made.original.message)).toEqual(['Edit b\n']);

    const next = othersPush('b.md', 'b from others\n');
    const clashing = await replayCommits(
      repo.workTree,
      next,
      await commitsBetween(repo.workTree, next, head),
      (clash) => {
        asked.push(`${clash.path}: ${clash.base ?? ''}|${clash.mine ?? ''}|${clash.theirs ?? ''}`);
        return { text: 'b merged\n' };
      },
    );
    expect(asked).toEqual(['b.md: b\n|b2\n|b from others\n']);
    expect(clashing.kind === 'done' && repo.git('show', `${clashing.tip}:b.md`)).toBe('b merged\n');
  });
});

describe('push queue marker', () => {
  let repo: RepoWithRemote;
  afterEach(() => repo.cleanup());

  it('is kept in the git folder, names the branch, and is cleared', async () => {
    repo = createRepoWithRemote();
    expect(await pushWaitingFor(repo.workTree)).toBeNull();
    await markPushWaiting(repo.workTree, 'main');
    expect(await pushWaitingFor(repo.workTree)).toBe('main');
    expect(repo.git('status', '--porcelain')).toBe('');
    await clearPushWaiting(repo.workTree);
    expect(await pushWaitingFor(repo.workTree)).toBeNull();
  });
});
