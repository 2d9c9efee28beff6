import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importMedia, siteGenerator, slugBase } from '../../../../main/workspace/media-import';
import { loadContentIndex } from '../../../../main/workspace/content-index';
import { readSiteConventions } from '../../../../main/workspace/site-conventions';
import { redPng } from '../../../support/png';
import { makeTempDir, writeFiles } from './temp-dir';

const FIXTURES = join(__dirname, '../../../fixtures/sites');
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A copy of a fixture site (or, with `files`, a site written here) in a temp folder. */
function site(name: string | null, files: Record<string, string | Uint8Array> = {}): string {
  const base = makeTempDir('masthead-media-');
  roots.push(base);
  const root = join(base, 'repo');
  if (name !== null) cpSync(join(FIXTURES, name), root, { recursive: true });
  else mkdirSync(root);
  writeFiles(root, files);
  return root;
}

async function insert(
  root: string,
  post: string,
  name: string,
  bytes: Uint8Array,
  field?: { mediaFolder?: string; publicFolder?: string },
) {
  const model = (await loadContentIndex(root)).model;
  const generator = await siteGenerator(root, await readSiteConventions(root), model);
  return importMedia(root, model, generator, { post, name, bytes, ...(field ? { field } : {}) });
}

const PICTURE = redPng(40, 30);

function onDisk(root: string, path: string): Buffer {
  return readFileSync(join(root, ...path.split('/')));
}

describe('importMedia: where the site expects images', () => {
  it('Decap: the global media_folder, named by public_folder', async () => {
    const root = site('decap');
    const result = await insert(
      root,
      'content/blog/2026-03-02-spring-roadmap.md',
      'Spring Roadmap Sketch.PNG',
      PICTURE,
    );
    expect(result).toMatchObject({
      src: '/images/spring-roadmap-sketch.png',
      path: 'static/images/spring-roadmap-sketch.png',
      reused: false,
      reason: 'the site’s media_folder',
    });
    expect(result.info).toEqual({ width: 40, height: 30, bytes: PICTURE.length, format: 'png' });
    expect(onDisk(root, 'static/images/spring-roadmap-sketch.png').equals(PICTURE)).toBe(true);
  });

  it('Decap: reuses a file with the same bytes instead of copying it again', async () => {
    const root = site('decap');
    const cover = onDisk(root, 'static/images/harbour-cover.png');
    const before = readdirSync(join(root, 'static/images')).sort();
    const result = await insert(root, 'content/blog/2026-03-02-spring-roadmap.md', 'copy of the cover.png', cover);
    expect(result).toMatchObject({
      src: '/images/harbour-cover.png',
      path: 'static/images/harbour-cover.png',
      reused: true,
    });
    expect(readdirSync(join(root, 'static/images')).sort()).toEqual(before);
  });

  it('Decap: a taken name gets -2, the existing file keeps its bytes', async () => {
    const root = site('decap');
    const original = onDisk(root, 'static/images/harbour-cover.png');
    const result = await insert(root, 'content/blog/2026-03-02-spring-roadmap.md', 'Harbour Cover.png', PICTURE);
    expect(result.src).toBe('/images/harbour-cover-2.png');
    expect(onDisk(root, 'static/images/harbour-cover.png').equals(original)).toBe(true);
    expect(onDisk(root, 'static/images/harbour-cover-2.png').equals(PICTURE)).toBe(true);
  });

  it('Decap: a collection with media_folder "" keeps images beside the post', async () => {
    const root = site(null, {
      'admin/config.yml':
        'media_folder: static/uploads\npublic_folder: /uploads\ncollections:\n  - name: trips\n    label: Trips\n    folder: content/trips\n    media_folder: ""\n    public_folder: ""\n    fields: [{ name: title, widget: string }, { name: body, widget: markdown }]\n',
      'content/trips/ferry-to-vis.md': '---\ntitle: Ferry to Vis\n---\nCalm sea.\n',
    });
    const result = await insert(root, 'content/trips/ferry-to-vis.md', 'deck.png', PICTURE);
    expect(result).toMatchObject({ src: 'deck.png', path: 'content/trips/deck.png' });
    expect(onDisk(root, 'content/trips/deck.png').equals(PICTURE)).toBe(true);
  });

  it('Decap: a relative collection media_folder and {{media_folder}} placeholders', async () => {
    const root = site(null, {
      'admin/config.yml': [
        'media_folder: static/uploads',
        'public_folder: /uploads',
        'collections:',
        '  - { name: trips, label: Trips, folder: content/trips, media_folder: pictures, fields: [{ name: title, widget: string }] }',
        "  - { name: recipes, label: Recipes, folder: content/recipes, media_folder: '{{media_folder}}/recipes', public_folder: '{{public_folder}}/recipes', fields: [{ name: title, widget: string }] }",
        "  - { name: notes, label: Notes, folder: content/notes, media_folder: '/static/notes/{{slug}}', public_folder: '/notes/{{slug}}', fields: [{ name: title, widget: string }] }",
        '',
      ].join('\n'),
      'content/trips/ferry-to-vis.md': '---\ntitle: Ferry\n---\n',
      'content/recipes/fig-jam.md': '---\ntitle: Fig jam\n---\n',
      'content/notes/tide-log.md': '---\ntitle: Tide log\n---\n',
    });
    expect(await insert(root, 'content/trips/ferry-to-vis.md', 'deck.png', PICTURE)).toMatchObject({
      src: 'pictures/deck.png',
      path: 'content/trips/pictures/deck.png',
    });
    expect(await insert(root, 'content/recipes/fig-jam.md', 'jar.png', PICTURE)).toMatchObject({
      src: '/uploads/recipes/jar.png',
      path: 'static/uploads/recipes/jar.png',
    });
    expect(await insert(root, 'content/notes/tide-log.md', 'chart.png', PICTURE)).toMatchObject({
      src: '/notes/tide-log/chart.png',
      path: 'static/notes/tide-log/chart.png',
    });
    expect(onDisk(root, 'static/uploads/recipes/jar.png').equals(PICTURE)).toBe(true);
  });

  it('Decap: an image field’s own media_folder wins over the collection’s', async () => {
    const root = site('decap');
    const result = await insert(root, 'content/blog/2026-03-02-spring-roadmap.md', 'cover.png', PICTURE, {
      mediaFolder: '/static/covers',
      publicFolder: '/covers',
    });
    expect(result).toMatchObject({ src: '/covers/cover.png', path: 'static/covers/cover.png' });
  });

  it('page bundles (Decap path {{slug}}/index): beside index.md', async () => {
    const root = site('decap-docs');
    const result = await insert(root, 'content/blog/tide-tables/index.md', 'High Water.png', PICTURE);
    expect(result).toMatchObject({ src: 'high-water.png', path: 'content/blog/tide-tables/high-water.png' });
    expect(onDisk(root, 'content/blog/tide-tables/high-water.png').equals(PICTURE)).toBe(true);
  });

  it('Front Matter CMS: its publicFolder, served from the site root', async () => {
    const root = site('frontmatter-cms');
    const result = await insert(root, 'src/content/blog/release-day.md', 'launch.png', PICTURE);
    expect(result).toMatchObject({ src: '/launch.png', path: 'public/launch.png' });
    expect(onDisk(root, 'public/launch.png').equals(PICTURE)).toBe(true);
  });

  it('Hugo without a CMS config: static/images, and a bundle keeps its own', async () => {
    const root = site('hugo-docs');
    expect(await insert(root, 'content/blog/release-1-0.md', 'diagram.png', PICTURE)).toMatchObject({
      src: '/images/diagram.png',
      path: 'static/images/diagram.png',
      reason: 'Hugo’s static folder',
    });
    expect(await insert(root, 'content/blog/release-0-9/index.md', 'diagram.png', PICTURE)).toMatchObject({
      src: 'diagram.png',
      path: 'content/blog/release-0-9/diagram.png',
    });
    expect(onDisk(root, 'static/images/diagram.png').equals(PICTURE)).toBe(true);
  });

  it('Astro: public/images', async () => {
    const root = site('astro');
    expect(await insert(root, 'src/content/blog/dawn-chorus.md', 'robin.png', PICTURE)).toMatchObject({
      src: '/images/robin.png',
      path: 'public/images/robin.png',
    });
  });

  it('Jekyll: the assets image folder the site already has', async () => {
    const root = site('jekyll');
    expect(await insert(root, '_posts/2025-01-29-monsoon-rasam.md', 'Rasam bowl.png', PICTURE)).toMatchObject({
      src: '/assets/img/rasam-bowl.png',
      path: 'assets/img/rasam-bowl.png',
    });
  });

  it('Docusaurus: static/img', async () => {
    const root = site('docusaurus');
    expect(await insert(root, 'blog/2024-09-02-buoy-season.md', 'buoy.png', PICTURE)).toMatchObject({
      src: '/img/buoy.png',
      path: 'static/img/buoy.png',
    });
  });

  it('an unknown generator: an images folder beside the post', async () => {
    const root = site('eleventy');
    expect(await insert(root, 'src/posts/first-frost.md', 'frost.png', PICTURE)).toMatchObject({
      src: 'images/frost.png',
      path: 'src/posts/images/frost.png',
    });
  });
});

describe('importMedia: safety', () => {
  it('refuses bytes that are not an image, writing nothing', async () => {
    const root = site('decap');
    const before = readdirSync(join(root, 'static/images')).sort();
    await expect(
      insert(root, 'content/blog/2026-03-02-spring-roadmap.md', 'notes.png', Buffer.from('just some text')),
    ).rejects.toMatchObject({ code: 'bad-request' });
    expect(readdirSync(join(root, 'static/images')).sort()).toEqual(before);
  });

  it('never writes through a media folder that links outside the repository', async () => {
    const root = site('decap');
    const outside = join(root, '..', 'elsewhere');
    mkdirSync(outside);
    rmSync(join(root, 'static/images'), { recursive: true });
    symlinkSync(outside, join(root, 'static/images'));
    await expect(insert(root, 'content/blog/2026-03-02-spring-roadmap.md', 'deck.png', PICTURE)).rejects.toMatchObject({
      code: 'outside-repository',
    });
    expect(readdirSync(outside)).toEqual([]);
  });

  it('never follows a link planted at the file name: the image gets the next name', async () => {
    const root = site('decap');
    const target = join(root, '..', 'victim.txt');
    writeFileSync(target, 'keep me');
    symlinkSync(target, join(root, 'static/images/deck.png'));
    const result = await insert(root, 'content/blog/2026-03-02-spring-roadmap.md', 'deck.png', PICTURE);
    expect(result.path).toBe('static/images/deck-2.png');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(lstatSync(join(root, 'static/images/deck-2.png')).isFile()).toBe(true);
  });

  it('refuses a field folder that climbs out of the repository', async () => {
    const root = site('decap');
    await expect(
      insert(root, 'content/blog/2026-03-02-spring-roadmap.md', 'deck.png', PICTURE, {
        mediaFolder: '../../../../escape',
      }),
    ).rejects.toMatchObject({ code: 'outside-repository' });
    expect(existsSync(join(root, '..', '..', 'escape'))).toBe(false);
  });
});

describe('slugBase', () => {
  it('makes safe file names', () => {
    expect(slugBase('Screenshot 2026-03-01 at 09.41.12.png')).toBe('screenshot-2026-03-01-at-09-41-12');
    expect(slugBase('Café Crème ☕️.JPG')).toBe('cafe-creme');
    expect(slugBase('../../etc/passwd')).toBe('etc-passwd');
    expect(slugBase('🌊.png')).toBe('image');
  });
});

describe('importMedia: front-matter image fields', () => {
  it('Astro content collections: an image() field gets a file in src/assets, named relative to the entry', async () => {
    const root = site('astro-content');
    const model = (await loadContentIndex(root)).model;
    const generator = await siteGenerator(root, await readSiteConventions(root), model);
    const post = 'src/content/blog/first-light-on-the-marsh.md';
    const result = await importMedia(root, model, generator, {
      post,
      name: 'Marsh Hero.png',
      bytes: PICTURE,
      field: { forField: true },
    });
    expect(result).toMatchObject({ src: '../../assets/marsh-hero.png', path: 'src/assets/marsh-hero.png' });
    expect(onDisk(root, 'src/assets/marsh-hero.png').equals(PICTURE)).toBe(true);
  });
});

describe('importMedia: an Astro site serving images from public/', () => {
  it('gives image fields a public path like the posts already use', async () => {
    const root = site('astro');
    const model = (await loadContentIndex(root)).model;
    const generator = await siteGenerator(root, await readSiteConventions(root), model);
    const result = await importMedia(root, model, generator, {
      post: 'src/content/blog/dawn-chorus.md',
      name: 'hero.png',
      bytes: PICTURE,
      field: { forField: true },
    });
    expect(result).toMatchObject({ src: '/images/hero.png', path: 'public/images/hero.png' });
  });
});
