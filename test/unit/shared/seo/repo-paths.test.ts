import { describe, expect, it } from 'vitest';
import { existsLike, findLike, imageCandidates, locateImage, locateLink } from '../../../../shared/seo/repo-paths';

const files = new Set([
  'content/docs/install.md',
  'content/docs/concepts/_index.md',
  'content/docs/concepts/harmonics/index.md',
  'content/docs/concepts/harmonics/constituents.png',
  'static/images/card.png',
  'static/files/station.toml',
  'assets/img/plot.png',
  '_posts/2024-03-02-first-dig.md',
  'about.md',
]);
const noPage = () => false;
const link = (post: string, url: string) => locateLink(post, url, files, noPage);

describe('locateLink', () => {
  it('maps site-rooted page addresses to the Markdown files Hugo builds them from', () => {
    expect(link('content/blog/a.md', '/docs/install/')).toEqual({ kind: 'found', path: 'content/docs/install.md' });
    expect(link('content/blog/a.md', '/docs/concepts/')).toEqual({
      kind: 'found',
      path: 'content/docs/concepts/_index.md',
    });
    expect(link('content/blog/a.md', '/docs/concepts/harmonics/')).toEqual({
      kind: 'found',
      path: 'content/docs/concepts/harmonics/index.md',
    });
    expect(link('content/blog/a.md', '/about.html')).toEqual({ kind: 'found', path: 'about.md' });
    expect(link('content/blog/a.md', '/images/card.png')).toEqual({ kind: 'found', path: 'static/images/card.png' });
    expect(link('content/docs/concepts/harmonics/index.md', 'constituents.png').kind).toBe('found');
    expect(link('content/docs/a.md', 'install').kind).toBe('found');
  });

  it('calls missing only a file name the repository lacks everywhere the site looks', () => {
    expect(link('content/blog/a.md', '/images/gone.png')).toEqual({ kind: 'missing' });
    expect(link('content/blog/a.md', '../docs/gone.md')).toEqual({ kind: 'missing' });
    expect(link('content/blog/a.md', 'gone.pdf')).toEqual({ kind: 'missing' });
  });

  it('leaves pages it cannot map to the generator, saying why, and never calls them missing', () => {
    expect(link('content/docs/a.md', 'g')).toEqual({
      kind: 'unresolved',
      reason: 'bare names such as Hugo glossary terms',
    });
    expect(link('content/docs/a.md', '/docs/nowhere/')).toEqual({ kind: 'unresolved', reason: 'page addresses' });
    expect(link('content/docs/a.md', '../other/')).toEqual({ kind: 'unresolved', reason: 'page addresses' });
    expect(link('content/docs/a.md', 'other.html')).toEqual({ kind: 'unresolved', reason: 'page addresses' });
    expect(link('content/docs/a.md', '{{ site.baseurl }}/seeds/')).toEqual({
      kind: 'unresolved',
      reason: 'template tags',
    });
  });

  it('accepts pages the site knows by permalink or slug', () => {
    expect(locateLink('about.md', '/seeds/', files, (path) => path === '/seeds/')).toEqual({
      kind: 'found',
      path: '/seeds/',
    });
  });

  it('skips anchors, queries and other sites', () => {
    for (const url of ['#top', '?q=1', 'https://other.example/x', 'mailto:a@b.c', '//cdn.example/x.png', ''])
      expect(link('content/a.md', url)).toEqual({ kind: 'external' });
  });
});

describe('locateImage', () => {
  it('reads a front-matter image from the post’s folder, then from the site’s roots (Jekyll reads them from the root)', () => {
    expect(imageCandidates('_posts/2024-03-16-compost.md', 'assets/img/plot.png')).toEqual([
      '_posts/assets/img/plot.png',
      'static/assets/img/plot.png',
      'public/assets/img/plot.png',
      'assets/img/plot.png',
      'assets/assets/img/plot.png',
      'src/assets/assets/img/plot.png',
      'src/assets/img/plot.png',
    ]);
    expect(locateImage('_posts/2024-03-16-compost.md', 'assets/img/plot.png', files)).toEqual({
      kind: 'found',
      path: 'assets/img/plot.png',
    });
    expect(locateImage('content/docs/concepts/harmonics/index.md', 'constituents.png', files)).toEqual({
      kind: 'found',
      path: 'content/docs/concepts/harmonics/constituents.png',
    });
  });

  it('is missing only for an image file name found nowhere; hosted, templated and extension-less images are not judged', () => {
    expect(locateImage('content/blog/a.md', '/images/gone.png', files)).toEqual({ kind: 'missing' });
    expect(locateImage('content/blog/a.md', 'https://cdn.example/a.png', files)).toEqual({ kind: 'external' });
    expect(locateImage('content/blog/a.md', '{{ site.url }}/a.png', files).kind).toBe('unresolved');
    expect(locateImage('content/blog/a.md', 'cover', files).kind).toBe('unresolved');
  });
});

describe('existsLike', () => {
  it('finds a path as a file, a bundle, a section page or the Markdown a page is built from', () => {
    expect(existsLike('content/docs/install/', files)).toBe(true);
    expect(existsLike('content/docs/install.html', files)).toBe(true);
    expect(existsLike('content/docs/concepts', files)).toBe(true);
    expect(existsLike('content/docs/nowhere', files)).toBe(false);
    expect(existsLike('', files)).toBe(false);
    expect(findLike('content/docs/install/', files)).toBe('content/docs/install.md');
  });
});
