import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SeoCatalog, SeoContextReply } from '../../../shared/api';
import { createContentService } from '../../../main/content-service';
import { mediaInfo, seoContext, setSeoMapping } from '../../../main/seo-service';
import { createFileSettings } from '../../../main/settings';
import { createRepoWithRemote, type RepoWithRemote } from '../../support/git-fixtures';
import { makeTempDir } from './workspace/temp-dir';
import { collectionId } from '../../../shared/content/collection-ids';

const FIXTURE_IMAGES = join(import.meta.dirname, '../../fixtures/sites/decap/static/images');

let repo: RepoWithRemote | null = null;
let configDir: string | null = null;
afterEach(() => {
  repo?.cleanup();
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

function siteRepo(): RepoWithRemote {
  repo = createRepoWithRemote({
    files: {
      'static/admin/config.yml':
        'site_url: https://harbour.example\ndisplay_url: harbour.example\ncollections:\n  - name: blog\n    folder: content/blog\n    fields: [{ name: title }, { name: body, widget: markdown }]\n',
      'content/blog/lamps.md': '---\ntitle: Lamps\nseo:\n  url: https://harbour.example/blog/lamps\n---\nx\n',
      'content/blog/tides.md':
        '---\ntitle: Tides\nheadline: Tides of March\ncanonical: https://harbour.example/blog/tides\n---\ny\n',
    },
  });
  return repo;
}

/** The catalog of an answer given to a page that held none. */
function catalogOf(reply: SeoContextReply): SeoCatalog {
  if (!('posts' in reply.catalog)) throw new Error('the answer left the catalog out');
  return reply.catalog;
}

/** The posts the SEO checks of the post at `path` compare it with. */
const othersOf = (reply: SeoContextReply, path: string) => catalogOf(reply).posts.filter((post) => post.path !== path);

describe('seoContext', () => {
  it('gives the site from the config, the other posts’ titles and canonical URLs, and the repository’s files', async () => {
    const { workTree } = siteRepo();
    configDir = makeTempDir();
    const context = await seoContext(
      workTree,
      createContentService(workTree),
      createFileSettings(configDir),
      'content/blog/lamps.md',
    );
    expect(context.siteUrl).toBe('https://harbour.example');
    expect(context.displayUrl).toBe('harbour.example');
    expect(othersOf(context, 'content/blog/lamps.md')).toEqual([
      {
        path: 'content/blog/tides.md',
        title: 'Tides',
        canonicalUrl: 'https://harbour.example/blog/tides',
        permalink: null,
      },
    ]);
    expect(catalogOf(context).existingPaths).toEqual(
      expect.arrayContaining(['content/blog/lamps.md', 'static/admin/config.yml']),
    );
    expect(context.mapping).toEqual({});
  });

  it('applies and returns the collection’s saved mapping, kept per repository in settings', async () => {
    const { workTree } = siteRepo();
    configDir = makeTempDir();
    const settings = createFileSettings(configDir);
    await setSeoMapping(settings, workTree, collectionId('blog'), { title: 'headline', bogus: 'x' } as never);
    const context = await seoContext(workTree, createContentService(workTree), settings, 'content/blog/tides.md');
    expect(context.mapping).toEqual({ title: 'headline' });
    const lamps = await seoContext(workTree, createContentService(workTree), settings, 'content/blog/lamps.md');
    expect(othersOf(lamps, 'content/blog/lamps.md')[0]?.title).toBe('Tides of March');
    expect(JSON.parse(readFileSync(join(configDir, 'settings.json'), 'utf8'))).toMatchObject({
      seoMappings: { [workTree]: { blog: { title: 'headline' } } },
    });
    await setSeoMapping(settings, workTree, collectionId('blog'), {});
    expect(
      (await seoContext(workTree, createContentService(workTree), settings, 'content/blog/tides.md')).mapping,
    ).toEqual({});
  });
});

describe('seoContext, asked again and again by one content service', () => {
  it('follows a title edited on disk and a mapping changed in settings, whichever post is open', async () => {
    const { workTree } = siteRepo();
    configDir = makeTempDir();
    const settings = createFileSettings(configDir);
    const content = createContentService(workTree);
    const titlesSeenFrom = async (path: string) =>
      othersOf(await seoContext(workTree, content, settings, path), path).map((post) => [post.path, post.title]);

    expect(await titlesSeenFrom('content/blog/lamps.md')).toEqual([['content/blog/tides.md', 'Tides']]);
    expect(await titlesSeenFrom('content/blog/tides.md')).toEqual([['content/blog/lamps.md', 'Lamps']]);

    writeFileSync(
      join(workTree, 'content/blog/tides.md'),
      '---\ntitle: Spring tides\nheadline: Tides of March\n---\ny\n',
    );
    // As after the watch saw the change and the library listed the posts again.
    content.invalidate();
    await content.refresh();
    expect(await titlesSeenFrom('content/blog/lamps.md')).toEqual([['content/blog/tides.md', 'Spring tides']]);

    await setSeoMapping(settings, workTree, collectionId('blog'), { title: 'headline' });
    expect(await titlesSeenFrom('content/blog/lamps.md')).toEqual([['content/blog/tides.md', 'Tides of March']]);
    await setSeoMapping(settings, workTree, collectionId('blog'), {});
    expect(await titlesSeenFrom('content/blog/lamps.md')).toEqual([['content/blog/tides.md', 'Spring tides']]);
  });
});

describe('the SEO catalog, sent once per version', () => {
  it('is left out for a page that holds its version, and sent again after a post, a mapping or a file changes', async () => {
    const { workTree } = siteRepo();
    configDir = makeTempDir();
    const settings = createFileSettings(configDir);
    const content = createContentService(workTree);
    const lamps = 'content/blog/lamps.md';
    const first = catalogOf(await seoContext(workTree, content, settings, lamps));
    const asked = (known: string) => seoContext(workTree, content, settings, 'content/blog/tides.md', known);

    // Another post opened: the post's own part only, with the same version.
    const again = await asked(first.version);
    expect(again.catalog).toEqual({ version: first.version });
    expect(again.siteUrl).toBe('https://harbour.example');
    // A page holding an older or unknown version gets the lists.
    expect(catalogOf(await asked('an-old-version')).posts).toHaveLength(2);

    // A new file (an image the writer added) is a new version.
    mkdirSync(join(workTree, 'static/img'), { recursive: true });
    writeFileSync(join(workTree, 'static/img/lamp.png'), 'png');
    const withImage = catalogOf(await asked(first.version));
    expect(withImage.existingPaths).toContain('static/img/lamp.png');

    // A title edited on disk, once the content index has seen it: a new version with the new title.
    writeFileSync(join(workTree, lamps), '---\ntitle: Harbour lamps\n---\nx\n');
    content.invalidate();
    await content.refresh();
    const retitled = catalogOf(await asked(withImage.version));
    expect(retitled.posts.find((post) => post.path === lamps)?.title).toBe('Harbour lamps');

    // A mapping saved for the collection: the titles are read through it, a new version again.
    await setSeoMapping(settings, workTree, collectionId('blog'), { title: 'headline' });
    const mapped = catalogOf(await asked(retitled.version));
    expect(mapped.posts.find((post) => post.path === 'content/blog/tides.md')?.title).toBe('Tides of March');
    expect(new Set([first.version, withImage.version, retitled.version, mapped.version]).size).toBe(4);
  });
});

describe('mediaInfo', () => {
  it('reads the real dimensions of a repository image through the site folders', async () => {
    const { workTree } = siteRepo();
    mkdirSync(join(workTree, 'static/images'), { recursive: true });
    copyFileSync(join(FIXTURE_IMAGES, 'harbour-cover.png'), join(workTree, 'static/images/cover.png'));
    expect(await mediaInfo(workTree, 'content/blog/lamps.md', '/images/cover.png')).toMatchObject({
      width: 1200,
      height: 630,
      format: 'png',
    });
    expect(await mediaInfo(workTree, 'content/blog/lamps.md', '/images/missing.png')).toBeNull();
    expect(await mediaInfo(workTree, 'content/blog/lamps.md', 'https://cdn.example/x.png')).toBeNull();
    expect(await mediaInfo(workTree, 'content/blog/lamps.md', '../../../../etc/passwd.png')).toBeNull();
  });

  it('never reads an image inside a .git folder, however the src reaches it', async () => {
    const { workTree } = siteRepo();
    // Real images planted where only git keeps files: each would be read if the guard let it through.
    for (const folder of ['.git', 'static/.git', '.GIT']) {
      mkdirSync(join(workTree, folder), { recursive: true });
      copyFileSync(join(FIXTURE_IMAGES, 'harbour-cover.png'), join(workTree, folder, 'cover.png'));
    }
    for (const src of [
      '/.git/cover.png',
      '../../.git/cover.png',
      '.git/cover.png',
      '/static/.git/cover.png',
      '/.GIT/cover.png',
    ]) {
      expect(await mediaInfo(workTree, 'content/blog/lamps.md', src), src).toBeNull();
    }
    // The same picture outside .git is read, so the nulls above come from the guard.
    copyFileSync(join(FIXTURE_IMAGES, 'harbour-cover.png'), join(workTree, 'static/cover.png'));
    expect(await mediaInfo(workTree, 'content/blog/lamps.md', '/cover.png')).toMatchObject({
      width: 1200,
      height: 630,
    });
  });
});
