import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PostDocument, RepoSummary, SeoContext, SeoContextReply } from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { fakeBackend, type Handlers } from '../fake-backend';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/home/ada/garden', name: 'garden', branch: 'main', collections: [] };
const PATH = 'content/posts/beans.md';
const doc: PostDocument = {
  kind: 'post',
  path: PATH,
  collection: collectionId('posts'),
  format: 'yaml',
  frontMatter: { title: 'Beans', hero: 'beans.jpg' },
  body: 'Sow after the frost.\n',
  version: 'v1',
};
const OTHER = 'content/posts/peas.md';
const posts = [
  { path: PATH, title: 'Beans', canonicalUrl: null },
  { path: OTHER, title: 'Peas', canonicalUrl: null },
];
const files = [PATH, OTHER, 'static/beans.jpg'];
const reply: SeoContextReply = {
  siteUrl: 'https://garden.example',
  displayUrl: null,
  mapping: {},
  catalog: { version: 'c1', posts, existingPaths: files },
};
// What the store holds for PATH: every post but itself.
const context: SeoContext = {
  siteUrl: 'https://garden.example',
  displayUrl: null,
  mapping: {},
  otherPosts: [posts[1]!],
  existingPaths: files,
};
const facts = { width: 1200, height: 630, bytes: 90_000, format: 'jpg' } as const;

async function setup(handlers: Handlers) {
  const backend = fakeBackend({ 'post:read': ({ path }) => ({ ...doc, path }), ...handlers });
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const controller = createWorkspaceController(store, {
    invoke: backend.invoke,
    exportBody: () => null,
    journal: { enabled: false },
  });
  await controller.requestOpen(PATH);
  backend.calls.length = 0;
  return { ...backend, store, controller };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SEO actions', () => {
  it('loads the open post’s SEO context into the store, once per open', async () => {
    const { controller, calls, store } = await setup({ 'seo:context': () => reply });
    await Promise.all([controller.loadOpenSeoContext(), controller.loadOpenSeoContext()]);
    expect(calls).toEqual([{ name: 'seo:context', arg: { path: PATH } }]);
    expect(store.getState().seoContext).toEqual(context);
    await controller.loadOpenSeoContext();
    expect(calls).toHaveLength(1);
  });

  it('asks nothing for a data entry, which is not a page', async () => {
    const { controller, calls, store } = await setup({
      'post:read': ({ path }) => ({ ...doc, path, kind: 'data', body: '' }),
      'seo:context': () => reply,
    });
    await controller.requestOpen('data/authors/ada.yml');
    calls.length = 0;
    await controller.loadOpenSeoContext();
    expect(calls).toEqual([]);
    expect(store.getState().seoContext).toBeNull();
  });

  it('receives the site’s catalog once: later opens say the version they hold and get the post’s own part', async () => {
    // The back end as seo-service answers: the lists only to a page without the current version.
    let version = 'c1';
    const { controller, calls, store } = await setup({
      'seo:context': ({ known }) =>
        known === version
          ? { ...reply, catalog: { version } }
          : { ...reply, catalog: { version, posts, existingPaths: files } },
    });
    await controller.loadOpenSeoContext();
    await controller.requestOpen(OTHER);
    await controller.loadOpenSeoContext();
    expect(calls.filter((call) => call.name === 'seo:context')).toEqual([
      { name: 'seo:context', arg: { path: PATH } },
      { name: 'seo:context', arg: { path: OTHER, known: 'c1' } },
    ]);
    expect(store.getState().seoContext?.otherPosts).toEqual([posts[0]]);
    expect(store.getState().seoContext?.existingPaths).toEqual(files);

    // The site changed: the answer brings the new catalog, and the next open says that version.
    version = 'c2';
    await controller.requestOpen(PATH);
    calls.length = 0;
    await controller.loadOpenSeoContext();
    await controller.requestOpen(OTHER);
    await controller.loadOpenSeoContext();
    expect(calls.filter((call) => call.name === 'seo:context').map((call) => call.arg)).toEqual([
      { path: PATH, known: 'c1' },
      { path: OTHER, known: 'c2' },
    ]);
    expect(store.getState().seoContext?.otherPosts).toEqual([posts[0]]);
  });

  it('asks for the whole catalog again when an answer relies on a version it no longer holds', async () => {
    let answers = 0;
    const { controller, calls, store } = await setup({
      'seo:context': ({ known }) => {
        answers += 1;
        // The second answer names a catalog this page never received (two opens crossed).
        if (answers === 2) return { ...reply, catalog: { version: 'c0' } };
        return known === 'c1' ? { ...reply, catalog: { version: 'c1' } } : reply;
      },
    });
    await controller.loadOpenSeoContext();
    await controller.requestOpen(OTHER);
    await controller.loadOpenSeoContext();
    expect(calls.filter((call) => call.name === 'seo:context').map((call) => call.arg)).toEqual([
      { path: PATH },
      { path: OTHER, known: 'c1' },
      { path: OTHER },
    ]);
    expect(store.getState().seoContext?.otherPosts).toEqual([posts[0]]);
  });

  it('drops the answer for an earlier open of the post, and leaves the context out when the back end fails', async () => {
    const answers: Array<(value: SeoContextReply) => void> = [];
    const late = await setup({ 'seo:context': () => new Promise((resolve) => answers.push(resolve)) });
    const earlier = late.controller.loadOpenSeoContext();
    // The post is opened again (another one in between): a new open asks again.
    await late.controller.requestOpen(OTHER);
    await late.controller.requestOpen(PATH);
    const later = late.controller.loadOpenSeoContext();
    answers[1]!({ ...reply, mapping: { image: 'hero' } });
    await later;
    answers[0]!(reply);
    await earlier;
    expect(late.store.getState().seoContext?.mapping).toEqual({ image: 'hero' });

    const failing = await setup({
      'seo:context': () => {
        throw new AppFailure({ code: 'io', message: 'No index yet.' });
      },
    });
    await failing.controller.loadOpenSeoContext();
    expect(failing.store.getState().seoContext).toBeNull();
  });

  it('puts the social image’s facts in the store, notes an unreadable one, and clears it', async () => {
    const { controller, store } = await setup({
      'media:info': ({ src }) => {
        if (src === 'gone.jpg') throw new AppFailure({ code: 'not-found', message: 'No such file.' });
        return facts;
      },
    });
    controller.loadSeoImage(PATH, 'beans.jpg');
    await settle();
    expect(store.getState().seoImage).toEqual({ src: 'beans.jpg', info: facts });

    controller.loadSeoImage(PATH, 'gone.jpg');
    await settle();
    expect(store.getState().seoImage).toEqual({ src: 'gone.jpg', info: null });

    const forget = controller.loadSeoImage(PATH, 'beans.jpg');
    forget();
    await settle();
    expect(store.getState().seoImage).toEqual({ src: 'gone.jpg', info: null });

    controller.clearSeoImage(PATH);
    expect(store.getState().seoImage).toBeNull();
  });

  it('saves the field mapping for the post’s collection and shows it at once', async () => {
    const { controller, calls, store } = await setup({ 'seo:context': () => reply, 'seo:set-mapping': () => null });
    await controller.loadOpenSeoContext();
    calls.length = 0;
    await controller.setSeoMapping({ image: 'hero' });
    expect(calls).toEqual([
      { name: 'seo:set-mapping', arg: { collection: collectionId('posts'), mapping: { image: 'hero' } } },
    ]);
    expect(store.getState().seoContext?.mapping).toEqual({ image: 'hero' });
  });

  it('keeps the mapping as it was, with the reason, when it cannot be saved', async () => {
    const { controller, store } = await setup({
      'seo:context': () => reply,
      'seo:set-mapping': () => {
        throw new AppFailure({ code: 'io', message: 'Settings are read-only.' });
      },
    });
    await controller.loadOpenSeoContext();
    await expect(controller.setSeoMapping({ image: 'hero' })).rejects.toThrow('Settings are read-only.');
    expect(store.getState().seoContext?.mapping).toEqual({});
  });
});
