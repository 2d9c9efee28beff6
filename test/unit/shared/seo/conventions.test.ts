import { describe, expect, it } from 'vitest';
import type { FrontMatterData } from '../../../../shared/api';
import { isConvention, isSectionPage, seoConventions, shareText } from '../../../../shared/seo/conventions';

/** `n` posts, the first `described` of them with a description, the first `imaged` with an image. */
function posts(n: number, described: number, imaged = 0): FrontMatterData[] {
  return Array.from({ length: n }, (_, i) => ({
    title: `Post ${i}`,
    ...(i < described ? { description: `What post ${i} is about.` } : {}),
    ...(i < imaged ? { images: [`/img/${i}.png`] } : {}),
    url: `/posts/${i}/`,
  }));
}

describe('seoConventions', () => {
  it('counts the posts that set each role themselves, not by a field’s name: a relative url is no canonical URL', () => {
    const counts = seoConventions(posts(203, 4, 150));
    expect(counts).toEqual({ posts: 203, description: 4, canonicalUrl: 0, image: 150, imageAlt: 0 });
    expect(isConvention(counts, 'description')).toBe(false);
    expect(isConvention(counts, 'image')).toBe(true);
    expect(isConvention(counts, 'canonicalUrl')).toBe(false);
    expect(shareText(counts, 'description')).toBe('4 of 203 posts');
  });

  it('needs more than half: 2 of 4 is no habit, 3 of 4 is', () => {
    expect(isConvention(seoConventions(posts(4, 2)), 'description')).toBe(false);
    expect(isConvention(seoConventions(posts(4, 3)), 'description')).toBe(true);
    expect(isConvention(seoConventions([]), 'description')).toBe(false);
  });

  it('follows the writer’s mapping of a role', () => {
    const data: FrontMatterData[] = [{ title: 'A', lede: 'A lede.' }, { title: 'B', lede: 'B lede.' }, { title: 'C' }];
    expect(seoConventions(data).description).toBe(0);
    expect(seoConventions(data, { description: 'lede' }).description).toBe(2);
  });
});

describe('isSectionPage', () => {
  it('tells Hugo’s list pages from posts and bundles', () => {
    expect(isSectionPage('content/docs/_index.md')).toBe(true);
    expect(isSectionPage('_index.md')).toBe(true);
    expect(isSectionPage('content/docs/harmonics/index.md')).toBe(false);
    expect(isSectionPage('content/docs/install.md')).toBe(false);
  });
});
