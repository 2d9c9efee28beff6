import { describe, expect, it } from 'vitest';
import { cardDomain, googleBreadcrumb } from '../../../../shared/seo/display';
import { expectedPostUrl, lastPathSegment, normalizeUrl, postSlug, resolveSite } from '../../../../shared/seo/site';

describe('postSlug', () => {
  it('derives the slug from the file name', () => {
    expect(postSlug('content/posts/hello-world.md')).toBe('hello-world');
    expect(postSlug('_posts/2026-03-14-hello-world.markdown')).toBe('hello-world');
    expect(postSlug('content/posts/hello-world/index.md')).toBe('hello-world');
    expect(postSlug('content/blog/_index.md')).toBe('blog');
    expect(postSlug('Mixed-Case.md')).toBe('mixed-case');
  });
});

describe('resolveSite', () => {
  const samples = [
    { path: 'content/blog/a.md', canonicalUrl: 'https://example.org/blog/a' },
    { path: 'content/blog/b.md', canonicalUrl: 'https://example.org/blog/b' },
    { path: 'content/blog/c.md', canonicalUrl: 'https://example.org/blog/c' },
    { path: 'content/blog/d.md', canonicalUrl: 'https://old.example.net/d' },
    { path: 'content/blog/e.md', canonicalUrl: null },
  ];

  it('prefers the config’s site_url and display_url', () => {
    const site = resolveSite({ site_url: 'https://Example.org/', display_url: 'https://example.org' }, []);
    expect(site).toEqual({
      siteUrl: 'https://example.org',
      host: 'example.org',
      siteName: 'example.org',
      pattern: null,
      source: 'config',
    });
  });

  it('infers the most common origin and the URL pattern from other posts', () => {
    const site = resolveSite(null, samples);
    expect(site.siteUrl).toBe('https://example.org');
    expect(site.source).toBe('inferred');
    expect(site.pattern).toEqual({ prefix: '/blog/', trailingSlash: false });
    expect(expectedPostUrl(site, 'new-post')).toBe('https://example.org/blog/new-post');
  });

  it('infers a trailing-slash pattern', () => {
    const site = resolveSite(null, [
      { path: 'posts/a.md', canonicalUrl: 'https://ex.org/p/a/' },
      { path: 'posts/b.md', canonicalUrl: 'https://ex.org/p/b/' },
    ]);
    expect(expectedPostUrl(site, 'c')).toBe('https://ex.org/p/c/');
  });

  it('trusts no pattern when URLs do not follow the slugs', () => {
    const site = resolveSite(null, [
      { path: 'posts/a.md', canonicalUrl: 'https://ex.org/2026/01/first' },
      { path: 'posts/b.md', canonicalUrl: 'https://ex.org/2026/02/second' },
      { path: 'posts/c.md', canonicalUrl: 'https://ex.org/blog/c' },
    ]);
    expect(site.pattern).toBeNull();
  });

  it('knows nothing without config or samples', () => {
    expect(resolveSite(null, [])).toEqual({ siteUrl: null, host: null, siteName: null, pattern: null, source: 'none' });
  });
});

describe('URL helpers', () => {
  it('normalizes URLs for equality', () => {
    expect(normalizeUrl('https://EXAMPLE.org/blog/a/')).toBe(normalizeUrl('https://example.org/blog/a#top'));
    expect(normalizeUrl('https://example.org/blog/a/index.html')).toBe('https://example.org/blog/a');
    expect(normalizeUrl('/blog/a')).toBeNull();
  });

  it('takes the last path segment', () => {
    expect(lastPathSegment('/blog/caf%C3%A9/')).toBe('café');
    expect(lastPathSegment('/blog/post.html')).toBe('post');
  });

  it('prints breadcrumbs and card domains', () => {
    expect(googleBreadcrumb('https://www.example.org/blog/a-post/', null)).toBe(
      'https://www.example.org › blog › a-post',
    );
    expect(googleBreadcrumb(null, 'example.org')).toBe('https://example.org');
    expect(cardDomain('https://www.Example.org/blog/a', null)).toBe('example.org');
    expect(cardDomain(null, 'example.org')).toBe('example.org');
  });
});
