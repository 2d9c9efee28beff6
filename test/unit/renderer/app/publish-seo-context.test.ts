// The SEO context (the site's other posts and files) loads at the writer's first pause after an
// open; a publish pressed before that waits for it, so the checks that need it still hold a broken
// post back. A back end that never answers does not hold the publish for ever.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PostDocument, PublishResult, RepoSummary, SeoContextReply } from '../../../../shared/api';
import { collectionId } from '../../../../shared/content/collection-ids';
import { SEO_CONTEXT_WAIT_MS } from '../../../../renderer/app/publish-actions';
import { fakeBackend, fakeWorkspace, type Handlers } from '../fake-backend';

const repo: RepoSummary = { path: '/home/ada/harbour', name: 'harbour', branch: 'main', collections: [] };
const PATH = 'content/posts/tides.md';
const BODY = 'The tide tables are in [the almanac](../almanac.md).\n';
const doc: PostDocument = {
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Tides', description: 'When the water turns, and how the harbour knows it in advance.' },
  body: BODY,
  version: 'v1',
};
// The repository has no almanac: the link is broken, which only the file list can tell.
const reply: SeoContextReply = {
  siteUrl: 'https://harbour.example',
  displayUrl: null,
  mapping: {},
  catalog: { version: 'c1', posts: [{ path: PATH, title: 'Tides', canonicalUrl: null }], existingPaths: [PATH] },
};
const published: PublishResult = {
  save: { version: 'v2', written: true, savedAt: '2026-04-01T10:00:00.000Z' },
  commit: 'c0ffee0000000000000000000000000000000000',
  shortCommit: 'c0ffee0',
  committed: true,
  message: 'Publish: Tides',
  branch: 'main',
  upstream: 'origin/main',
};

async function setup(handlers: Handlers) {
  const backend = fakeBackend({
    'post:read': () => doc,
    'posts:list': () => ({ version: '1', posts: [] }),
    'repo:status': () => ({ branch: 'main', upstream: 'origin/main', ahead: 0, behind: 0 }),
    'post:publish': () => published,
    ...handlers,
  });
  const { store, controller } = fakeWorkspace(backend.invoke, repo);
  await controller.requestOpen(PATH);
  return { ...backend, store, controller };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('publishing right after opening', () => {
  it('waits for the SEO context, and a link the file list shows broken holds the publish back', async () => {
    const { controller, names, store } = await setup({ 'seo:context': () => reply });
    expect(names()).not.toContain('seo:context');
    await controller.publish();
    expect(names()).toContain('seo:context');
    expect(names()).not.toContain('post:publish');
    expect(store.getState().seoBlocked?.map((check) => check.id)).toEqual(['body-links']);
  });

  it('publishes without the context when the back end does not answer in time', async () => {
    const { controller, names, store } = await setup({ 'seo:context': () => new Promise(() => undefined) });
    const publishing = controller.publish();
    await vi.advanceTimersByTimeAsync(SEO_CONTEXT_WAIT_MS);
    await publishing;
    expect(names()).toContain('post:publish');
    expect(store.getState().publish.result?.shortCommit).toBe('c0ffee0');
  });
});
