// The library's list is asked for with the version the page holds: an unchanged list is not sent
// again and leaves the page's rows as they are; only the last request's answer is shown.
import { describe, expect, it } from 'vitest';
import type { PostListReply, PostSummary, RepoSummary } from '../../../../shared/api';
import { collectionId } from '../../../../shared/content/collection-ids';
import { AppFailure } from '../../../../shared/errors';
import { fakeBackend, fakeWorkspace } from '../fake-backend';

const repo: RepoSummary = { path: '/home/ada/garden', name: 'garden', branch: 'main', collections: [] };
const row = (title: string): PostSummary => ({
  path: `content/posts/${title.toLowerCase()}.md`,
  collection: collectionId('posts'),
  title,
  date: null,
  draft: false,
});

function setup(answer: (known: string | undefined) => PostListReply | Promise<PostListReply>) {
  const backend = fakeBackend({ 'posts:list': ({ known }) => answer(known) });
  const { store, controller } = fakeWorkspace(backend.invoke, repo);
  const knownSent = () => backend.calls.map((call) => (call.arg as { known?: string }).known);
  return { store, controller, knownSent };
}

describe('loading the library list', () => {
  it('sends the version it holds, and keeps its rows when the back end says they did not change', async () => {
    let rows = [row('Tides')];
    let version = 'v1';
    const { store, controller, knownSent } = setup((known) =>
      known === version ? { version } : { version, posts: rows },
    );
    await controller.loadPosts();
    const shown = store.getState().posts;
    expect(shown).toEqual([row('Tides')]);

    await controller.loadPosts();
    expect(store.getState().posts).toBe(shown);

    rows = [row('Currents')];
    version = 'v2';
    await controller.loadPosts();
    expect(store.getState().posts).toEqual([row('Currents')]);
    await controller.loadPosts();
    expect(knownSent()).toEqual([undefined, 'v1', 'v1', 'v2']);
  });

  it('shows the answer to the last request even when an earlier one answers after it', async () => {
    const answers: Array<(reply: PostListReply) => void> = [];
    const { store, controller } = setup(() => new Promise((resolve) => answers.push(resolve)));
    const earlier = controller.loadPosts();
    const later = controller.loadPosts();
    answers[1]!({ version: 'v2', posts: [row('Currents')] });
    await later;
    answers[0]!({ version: 'v1', posts: [row('Tides')] });
    await earlier;
    expect(store.getState().posts).toEqual([row('Currents')]);
  });

  it('clears a failed listing’s error when the list it holds is still the current one', async () => {
    let failing = false;
    const { store, controller } = setup((known) => {
      if (failing) throw new AppFailure({ code: 'io', message: 'The disk went away.' });
      return known === 'v1' ? { version: 'v1' } : { version: 'v1', posts: [row('Tides')] };
    });
    await controller.loadPosts();
    failing = true;
    await controller.loadPosts();
    expect(store.getState().listError).toMatchObject({ message: 'The disk went away.' });
    failing = false;
    await controller.loadPosts();
    expect(store.getState()).toMatchObject({ listError: null, posts: [row('Tides')] });
  });
});
