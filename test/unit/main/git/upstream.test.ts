import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chooseRemote, linkUpstream, planPush } from '../../../../main/git/index';
import { createRepoWithRemote, isolateGitHome, type RepoWithRemote } from '../../../support/git-fixtures';

let restoreHome: () => void;
beforeAll(() => {
  restoreHome = isolateGitHome();
});
afterAll(() => restoreHome());

let repo: RepoWithRemote;
afterEach(() => repo?.cleanup());

describe('linkUpstream', () => {
  it('pushes a branch the remote does not have and tracks it, so the next publish has somewhere to go', async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'one\n' } });
    repo.git('checkout', '--quiet', '-b', 'drafts');
    repo.write({ 'a.md': 'one, drafted\n' });
    repo.git('commit', '--quiet', '-am', 'Draft');
    await expect(planPush(repo.workTree)).rejects.toMatchObject({ code: 'git-no-upstream' });

    expect(await linkUpstream(repo.workTree)).toEqual({ branch: 'drafts', upstream: 'origin/drafts', created: true });

    expect(repo.remoteGit('rev-parse', 'drafts').trim()).toBe(repo.git('rev-parse', 'HEAD').trim());
    expect(repo.git('rev-parse', '--abbrev-ref', 'drafts@{upstream}').trim()).toBe('origin/drafts');
    expect((await planPush(repo.workTree)).target.short).toBe('origin/drafts');
  });

  it("tracks the remote's branch of the same name without pushing over it when it exists already", async () => {
    repo = createRepoWithRemote({ files: { 'a.md': 'one\n' } });
    const other = repo.cloneElsewhere();
    other.git('checkout', '--quiet', '-b', 'drafts');
    other.git('commit', '--quiet', '--allow-empty', '-m', 'Theirs');
    other.git('push', '--quiet', 'origin', 'drafts');
    const theirs = repo.remoteGit('rev-parse', 'drafts').trim();
    repo.git('checkout', '--quiet', '-b', 'drafts');
    repo.git('commit', '--quiet', '--allow-empty', '-m', 'Mine');

    expect(await linkUpstream(repo.workTree)).toEqual({ branch: 'drafts', upstream: 'origin/drafts', created: false });

    expect(repo.remoteGit('rev-parse', 'drafts').trim()).toBe(theirs);
    expect(repo.git('rev-parse', 'origin/drafts').trim()).toBe(theirs);
    expect(repo.git('rev-parse', '--abbrev-ref', '@{upstream}').trim()).toBe('origin/drafts');
  });

  it('says what to do when there is no remote, several without origin, or no branch', async () => {
    expect(() => chooseRemote('main', [])).toThrow(/no remote to publish to/);
    expect(() => chooseRemote('main', ['github', 'gitlab'])).toThrow(
      /several remotes \(github, gitlab\).*git push -u github main/,
    );
    expect(chooseRemote('main', ['upstream', 'origin'])).toBe('origin');
    expect(chooseRemote('main', ['github'])).toBe('github');

    repo = createRepoWithRemote({ files: { 'a.md': 'one\n' } });
    repo.git('checkout', '--quiet', '--detach');
    await expect(linkUpstream(repo.workTree)).rejects.toMatchObject({ code: 'git-detached-head' });
  });
});
