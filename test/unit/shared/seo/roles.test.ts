import { describe, expect, it } from 'vitest';
import type { FrontMatterData } from '../../../../shared/api';
import { analyzeBody } from '../../../../shared/seo/body';
import { readKeyPath, resolveSeoRoles } from '../../../../shared/seo/roles';
import { resolveSite } from '../../../../shared/seo/site';

// Shaped like a Decap-managed Gatsby post: a nested `seo` object beside the headline.
const decapPost: FrontMatterData = {
  title: 'Lanterns on the river: a night market guide',
  author: 'Ada Ferreira',
  date: '2026-03-14T09:00:00.000Z',
  seo: {
    title: 'Night market lanterns: a guide',
    description:
      'Where the lantern stalls set up, when to arrive, and what to eat while you wait for the river to light up.',
    url: 'https://example.org/blog/lanterns-on-the-river',
    twitterUsername: '@examplepress',
  },
};

describe('resolveSeoRoles', () => {
  it('reads the nested seo object as fields', () => {
    const roles = resolveSeoRoles(decapPost);
    expect(roles.title).toEqual({ value: 'Night market lanterns: a guide', source: 'field', from: 'seo.title' });
    expect(roles.description?.from).toBe('seo.description');
    expect(roles.canonicalUrl).toEqual({
      value: 'https://example.org/blog/lanterns-on-the-river',
      source: 'field',
      from: 'seo.url',
    });
    expect(roles.twitterHandle).toEqual({ value: '@examplepress', source: 'field', from: 'seo.twitterUsername' });
    expect(roles.author).toEqual({ value: 'Ada Ferreira', source: 'field', from: 'author' });
    expect(roles.date?.value).toBe('2026-03-14T09:00:00.000Z');
    expect(roles.image).toBeNull();
  });

  it('falls back to the post title, the first paragraph and the first body image', () => {
    const body = analyzeBody(
      '![](/img/spacer.gif)\n\nThe *first* paragraph, with a [link](https://a.example).\n\n![Lanterns at dusk](/img/lanterns.jpg)\n\nSecond paragraph.',
    );
    const roles = resolveSeoRoles({ title: 'Lanterns' }, { body });
    expect(roles.title).toEqual({ value: 'Lanterns', source: 'fallback', from: 'title' });
    expect(roles.description).toEqual({ value: 'The first paragraph, with a link.', source: 'fallback', from: 'body' });
    // The first image with a source, even without alt; alt only comes along when the image has one.
    expect(roles.image).toEqual({ value: '/img/spacer.gif', source: 'fallback', from: 'body' });
    expect(roles.imageAlt).toBeNull();
  });

  it('takes the alt of the body image it falls back to', () => {
    const roles = resolveSeoRoles(
      { title: 'T' },
      { body: analyzeBody('Text.\n\n![Lanterns at dusk](/img/lanterns.jpg)') },
    );
    expect(roles.imageAlt).toEqual({ value: 'Lanterns at dusk', source: 'fallback', from: 'body' });
  });

  it('skips a leading template tag when picking the first paragraph', () => {
    const roles = resolveSeoRoles({}, { body: analyzeBody('{{< figure src="a.jpg" >}}\n\nReal prose.') });
    expect(roles.description?.value).toBe('Real prose.');
  });

  it('reads top-level description, summary and excerpt, in that order', () => {
    expect(resolveSeoRoles({ summary: 'S', excerpt: 'E' }).description).toEqual({
      value: 'S',
      source: 'field',
      from: 'summary',
    });
    expect(resolveSeoRoles({ excerpt: 'E' }).description?.from).toBe('excerpt');
    expect(resolveSeoRoles({ description: '  ', excerpt: 'E' }).description?.from).toBe('excerpt');
  });

  it('reads images as strings or objects with their alt', () => {
    expect(resolveSeoRoles({ featuredImage: { src: '/a.png', alt: 'A' } })).toMatchObject({
      image: { value: '/a.png', from: 'featuredImage' },
      imageAlt: { value: 'A', source: 'field', from: 'featuredImage.alt' },
    });
    expect(resolveSeoRoles({ cover: { url: '/c.png' } }).image?.value).toBe('/c.png');
    expect(resolveSeoRoles({ thumbnail: { image: '/t.png' } }).image?.value).toBe('/t.png');
    expect(resolveSeoRoles({ image: '/i.png', seo: { imageAlt: 'Alt' } }).imageAlt?.from).toBe('seo.imageAlt');
    expect(resolveSeoRoles({ seo: { image: '/s.png' }, image: '/i.png' }).image?.from).toBe('seo.image');
  });

  it('reads authors as strings, objects or lists, and dates by preference', () => {
    expect(resolveSeoRoles({ author: { name: 'Bo' } }).author?.value).toBe('Bo');
    expect(resolveSeoRoles({ authors: ['Ann', { name: 'Bo' }] }).author?.value).toBe('Ann, Bo');
    expect(resolveSeoRoles({ pubDate: '2026-01-02', publishDate: '2026-01-03' }).date?.from).toBe('pubDate');
    expect(resolveSeoRoles({ published: false, publishDate: '2026-01-03' }).date?.from).toBe('publishDate');
    expect(resolveSeoRoles({ canonicalURL: 'https://x.example/a' }).canonicalUrl?.from).toBe('canonicalURL');
  });

  it('honours a per-collection mapping, keeping the fallbacks', () => {
    const data: FrontMatterData = { title: 'Headline', meta: { heading: 'Custom SEO title', blurb: '' } };
    const roles = resolveSeoRoles(data, {
      mapping: { title: 'meta.heading', description: 'meta.blurb' },
      body: analyzeBody('Body text.'),
    });
    expect(roles.title).toEqual({ value: 'Custom SEO title', source: 'field', from: 'meta.heading' });
    expect(roles.description).toEqual({ value: 'Body text.', source: 'fallback', from: 'body' });
    // A pinned role reads only its key: seo.title is not consulted.
    expect(
      resolveSeoRoles({ seo: { title: 'X' }, title: 'H' }, { mapping: { title: 'meta.heading' } }).title?.from,
    ).toBe('title');
  });

  it('takes the site name and handle from the site when the post has none', () => {
    const site = resolveSite({ site_url: 'https://www.example.org' }, []);
    const roles = resolveSeoRoles({}, { site, siteTwitterHandle: '@site' });
    expect(roles.siteName).toEqual({ value: 'example.org', source: 'fallback', from: 'site' });
    expect(roles.twitterHandle).toEqual({ value: '@site', source: 'fallback', from: 'site' });
  });

  it('reads dotted paths through objects and arrays', () => {
    const data: FrontMatterData = { a: { b: [{ c: 'deep' }] } };
    expect(readKeyPath(data, 'a.b.0.c')).toBe('deep');
    expect(readKeyPath(data, 'a.b.1.c')).toBeUndefined();
    expect(readKeyPath(data, 'a.x')).toBeUndefined();
    expect(readKeyPath(data, 'toString')).toBeUndefined();
  });
});

describe('roles on real generators’ front matter', () => {
  const roleOf = (data: FrontMatterData) => resolveSeoRoles(data);

  it('never takes Hugo’s linkTitle for the title', () => {
    const roles = roleOf({ title: 'Install Tidewater', linkTitle: 'Install' });
    expect(roles.title).toEqual({ value: 'Install Tidewater', source: 'fallback', from: 'title' });
    expect(roleOf({ linkTitle: 'Install' }).title).toBeNull();
  });

  it('takes a canonical URL only from a value that is one: a relative permalink or url is the page’s path, not a canonical', () => {
    expect(roleOf({ title: 'A', url: '/about/' }).canonicalUrl).toBeNull();
    expect(roleOf({ title: 'A', permalink: '/about/' }).canonicalUrl).toBeNull();
    expect(roleOf({ title: 'A', canonical: '/blog/a/' }).canonicalUrl).toBeNull();
    expect(roleOf({ title: 'A', docs_link: '../reference/' }).canonicalUrl).toBeNull();
    expect(roleOf({ title: 'A', url: 'https://example.org/a/' }).canonicalUrl).toEqual({
      value: 'https://example.org/a/',
      source: 'field',
      from: 'url',
    });
  });

  it('reads the social image from the keys themes use, Hugo’s images list included', () => {
    const cases: [FrontMatterData, string, string][] = [
      [{ heroImage: '/hero.png' }, '/hero.png', 'heroImage'],
      [{ featuredimage: '/img/f.jpg' }, '/img/f.jpg', 'featuredimage'],
      [{ featuredImage: './cover.jpg' }, './cover.jpg', 'featuredImage'],
      [{ cover: { image: 'c.png', alt: 'C' } }, 'c.png', 'cover'],
      [{ coverImage: 'ci.png' }, 'ci.png', 'coverImage'],
      [{ preview: 'p.webp' }, 'p.webp', 'preview'],
      [{ thumbnail: 't.png' }, 't.png', 'thumbnail'],
      [{ banner: 'b.png' }, 'b.png', 'banner'],
      [{ og_image: '/og.png', image: '/other.png' }, '/og.png', 'og_image'],
      [{ images: ['/first.png', '/second.png'] }, '/first.png', 'images'],
    ];
    for (const [data, value, from] of cases)
      expect(roleOf({ title: 'T', ...data }).image).toEqual({ value, source: 'field', from });
    // A flag or a sentence under an image-ish key is not an image.
    expect(roleOf({ title: 'T', preview: true }).image).toBeNull();
    expect(roleOf({ title: 'T', preview: 'coming soon' }).image).toBeNull();
  });

  it('reads pubDate, publishDate and date for the date; summary and excerpt for the description', () => {
    expect(roleOf({ pubDate: '2024-03-14' }).date?.from).toBe('pubDate');
    expect(roleOf({ publishDate: '2024-03-14' }).date?.from).toBe('publishDate');
    expect(roleOf({ date: '2024-03-14', publishDate: '2024-03-15' }).date?.from).toBe('date');
    expect(roleOf({ excerpt: 'An excerpt.' }).description?.from).toBe('excerpt');
    expect(roleOf({ summary: 'A summary.' }).description?.from).toBe('summary');
  });
});

describe('a title from the heading the page opens with', () => {
  it('names a page without a title field by its leading # heading (Docusaurus, MkDocs), never by a later or smaller one', () => {
    expect(resolveSeoRoles({}, { body: analyzeBody('# Importing logs\n\nSteps.\n') }).title).toEqual({
      value: 'Importing logs',
      source: 'fallback',
      from: 'body',
    });
    expect(resolveSeoRoles({ title: 'Set' }, { body: analyzeBody('# Other\n') }).title?.value).toBe('Set');
    expect(resolveSeoRoles({}, { body: analyzeBody('## Smaller\n\n# Later\n') }).title).toBeNull();
    expect(resolveSeoRoles({}, { body: analyzeBody('No heading.\n') }).title).toBeNull();
  });
});
