import { describe, expect, it } from 'vitest';
import { runSeoChecks } from '../../../../shared/seo/checks';
import { resolveSite } from '../../../../shared/seo/site';
import type { ImageInfo, ResolvedRole, SeoCheck, SeoCheckId, SeoInput, SeoRoles } from '../../../../shared/seo/types';

const field = (value: string, from = 'seo.x'): ResolvedRole => ({ value, source: 'field', from });
const GOOD_DESCRIPTION =
  'A guide to the lantern stalls of the night market: where they set up, when to arrive, and what to eat while the river lights up.';
const site = resolveSite(null, [
  { path: 'content/blog/a.md', canonicalUrl: 'https://example.org/blog/a' },
  { path: 'content/blog/b.md', canonicalUrl: 'https://example.org/blog/b' },
]);

function roles(overrides: Partial<SeoRoles> = {}): SeoRoles {
  return {
    title: field('Night market lanterns'),
    description: field(GOOD_DESCRIPTION),
    canonicalUrl: field('https://example.org/blog/lanterns'),
    image: field('/img/lanterns.jpg'),
    imageAlt: field('Lanterns over the river'),
    author: null,
    date: null,
    siteName: null,
    twitterHandle: field('@examplepress'),
    ...overrides,
  };
}

function input(overrides: Partial<SeoInput> = {}): SeoInput {
  return {
    roles: roles(),
    body: 'Some words here.',
    postPath: 'content/blog/lanterns.md',
    site,
    otherPosts: [
      { path: 'content/blog/a.md', title: 'Post A', canonicalUrl: 'https://example.org/blog/a' },
      { path: 'content/blog/b.md', title: 'Post B', canonicalUrl: 'https://example.org/blog/b' },
    ],
    image: { width: 1200, height: 630, bytes: 200_000, format: 'jpg' },
    existingPaths: [],
    ...overrides,
  };
}

function check(checks: SeoCheck[], id: SeoCheckId): SeoCheck {
  const found = checks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no check ${id} in ${checks.map((c) => c.id).join(', ')}`);
  return found;
}
const severity = (overrides: Partial<SeoInput>, id: SeoCheckId) => check(runSeoChecks(input(overrides)), id).severity;
const withRoles = (overrides: Partial<SeoRoles>, id: SeoCheckId) => severity({ roles: roles(overrides) }, id);
const withImage = (image: ImageInfo | null | undefined, id: SeoCheckId) => severity({ image }, id);

describe('a well-formed post', () => {
  it('has no errors or warnings', () => {
    const checks = runSeoChecks(input());
    expect(checks.filter((c) => c.severity !== 'pass')).toEqual([]);
    // Every check carries a title and a message.
    for (const c of checks) expect(c.title && c.message).toBeTruthy();
  });
});

describe('title', () => {
  it('is required', () => expect(withRoles({ title: null }, 'title-present')).toBe('error'));

  it('warns beyond 60 characters (just below / at / above)', () => {
    expect(withRoles({ title: field('x'.repeat(59)) }, 'title-length')).toBe('pass');
    expect(withRoles({ title: field('x'.repeat(60)) }, 'title-length')).toBe('pass');
    expect(withRoles({ title: field('x'.repeat(61)) }, 'title-length')).toBe('warning');
    expect(
      check(runSeoChecks(input({ roles: roles({ title: field('x'.repeat(61)) }) })), 'title-length').figures,
    ).toEqual({ characters: 61, maxCharacters: 60 });
  });

  it('counts emoji as one character', () =>
    expect(withRoles({ title: field('🏮'.repeat(60)) }, 'title-length')).toBe('pass'));

  it('warns beyond 600px when a measure is given (599 / 600 / 601)', () => {
    const width = (px: number) => severity({ measure: () => px }, 'title-width');
    expect(width(599)).toBe('pass');
    expect(width(600)).toBe('pass');
    expect(width(600.4)).toBe('pass'); // rounded to whole pixels, as the figures show
    expect(width(601)).toBe('warning');
    expect(check(runSeoChecks(input({ measure: () => 601 })), 'title-width').figures).toEqual({
      widthPx: 601,
      maxWidthPx: 600,
    });
    expect(runSeoChecks(input()).some((c) => c.id === 'title-width')).toBe(false);
  });

  it('warns when another post has the same title, ignoring case and spacing', () => {
    const others = [{ path: 'content/blog/z.md', title: '  night MARKET lanterns ', canonicalUrl: null }];
    const found = check(runSeoChecks(input({ otherPosts: others })), 'title-unique');
    expect(found.severity).toBe('warning');
    expect(found.message).toContain('content/blog/z.md');
    // The post itself in the list is not a duplicate.
    expect(
      severity(
        { otherPosts: [{ path: 'content/blog/lanterns.md', title: 'Night market lanterns', canonicalUrl: null }] },
        'title-unique',
      ),
    ).toBe('pass');
  });
});

describe('description', () => {
  it('is advice, never an error: a page without a meta description still works', () => {
    expect(withRoles({ description: null }, 'description-present')).toBe('warning');
    expect(
      withRoles({ description: { value: GOOD_DESCRIPTION, source: 'fallback', from: 'body' } }, 'description-present'),
    ).toBe('warning');
  });

  it('says nothing against the body’s first paragraph where the site’s posts carry no description', () => {
    const fallback: ResolvedRole = { value: GOOD_DESCRIPTION, source: 'fallback', from: 'body' };
    expect(
      severity({ roles: roles({ description: fallback }), descriptionExpected: false }, 'description-present'),
    ).toBe('pass');
    expect(
      severity({ roles: roles({ description: fallback }), descriptionExpected: true }, 'description-present'),
    ).toBe('warning');
    expect(severity({ roles: roles({ description: null }), descriptionExpected: false }, 'description-present')).toBe(
      'warning',
    );
  });

  it('recommends 120–156 characters (119 / 120 / 156 / 157)', () => {
    const length = (n: number) => withRoles({ description: field('d'.repeat(n)) }, 'description-length');
    expect(length(119)).toBe('warning');
    expect(length(120)).toBe('pass');
    expect(length(156)).toBe('pass');
    expect(length(157)).toBe('warning');
  });

  it('warns when it repeats the title', () => {
    expect(withRoles({ description: field('Night market lanterns.') }, 'description-not-title')).toBe('warning');
    expect(withRoles({}, 'description-not-title')).toBe('pass');
  });
});

describe('canonical URL', () => {
  const url = (value: string) => withRoles({ canonicalUrl: field(value) }, 'canonical-format');
  it('should be an absolute https URL (a warning: the page still works)', () => {
    expect(url('/blog/lanterns')).toBe('warning');
    expect(url('example.org/blog/lanterns')).toBe('warning');
    expect(url('ftp://example.org/blog/lanterns')).toBe('warning');
    expect(url('http://example.org/blog/lanterns')).toBe('warning');
    expect(url('https://example.org/blog/lanterns')).toBe('pass');
  });

  it('warns when missing, suggesting the pattern’s URL', () => {
    const found = check(runSeoChecks(input({ roles: roles({ canonicalUrl: null }) })), 'canonical-present');
    expect(found.severity).toBe('warning');
    expect(found.message).toContain('https://example.org/blog/lanterns');
  });

  it('warns on another host', () => {
    expect(withRoles({ canonicalUrl: field('https://www.example.org/blog/lanterns') }, 'canonical-host')).toBe(
      'warning',
    );
    expect(withRoles({ canonicalUrl: field('https://EXAMPLE.org/blog/lanterns') }, 'canonical-host')).toBe('pass');
  });

  it('warns when the path does not end with the slug, if the site has a pattern', () => {
    expect(withRoles({ canonicalUrl: field('https://example.org/blog/lanterns-2') }, 'canonical-slug')).toBe('warning');
    expect(withRoles({ canonicalUrl: field('https://example.org/blog/lanterns/') }, 'canonical-slug')).toBe('pass');
    expect(
      severity(
        { slug: 'custom', roles: roles({ canonicalUrl: field('https://example.org/blog/custom') }) },
        'canonical-slug',
      ),
    ).toBe('pass');
    const noPattern = runSeoChecks(input({ site: resolveSite({ site_url: 'https://example.org' }, []) }));
    expect(noPattern.some((c) => c.id === 'canonical-slug')).toBe(false);
  });

  it('warns when another post claims it (translations may point at their original on purpose)', () => {
    const found = check(
      runSeoChecks(input({ roles: roles({ canonicalUrl: field('https://example.org/blog/a/') }) })),
      'canonical-unique',
    );
    expect(found.severity).toBe('warning');
    expect(found.message).toContain('content/blog/a.md');
  });
});

describe('X handle', () => {
  const handle = (value: string) => withRoles({ twitterHandle: field(value) }, 'x-handle');
  it('is @ plus 1–15 letters, digits or underscores', () => {
    expect(handle('@a')).toBe('pass');
    expect(handle('@abcdefghij_12345')).toBe('warning'); // 16 characters
    expect(handle('@abcdefghij_1234')).toBe('pass'); // 15
    expect(handle('@')).toBe('warning');
    expect(handle('examplepress')).toBe('warning');
    expect(handle('@example-press')).toBe('warning');
    expect(withRoles({ twitterHandle: null }, 'x-handle')).toBe('pass');
  });
});

describe('social image', () => {
  it('warns when there is none, and when alt text is missing', () => {
    expect(withRoles({ image: null }, 'image-present')).toBe('warning');
    expect(withRoles({ imageAlt: null }, 'image-alt')).toBe('warning');
  });

  it('recommends 1200×630 for Open Graph', () => {
    expect(withImage({ width: 1200, height: 630, bytes: 1, format: 'png' }, 'image-og-size')).toBe('pass');
    expect(withImage({ width: 1199, height: 630, bytes: 1, format: 'png' }, 'image-og-size')).toBe('warning');
    expect(withImage({ width: 1200, height: 629, bytes: 1, format: 'png' }, 'image-og-size')).toBe('warning');
  });

  it('needs 300×157 to 4096×4096 for X (a card without a picture is advice, not a broken page)', () => {
    const x = (width: number, height: number) => withImage({ width, height, bytes: 1, format: 'png' }, 'image-x-size');
    expect(x(300, 157)).toBe('pass');
    expect(x(299, 157)).toBe('warning');
    expect(x(300, 156)).toBe('warning');
    expect(x(4096, 4096)).toBe('pass');
    expect(x(4097, 4096)).toBe('warning');
    expect(x(4096, 4097)).toBe('warning');
  });

  it('must be under 5 MB', () => {
    const bytes = (n: number) => withImage({ width: 1200, height: 630, bytes: n, format: 'png' }, 'image-bytes');
    expect(bytes(4_999_999)).toBe('pass');
    expect(bytes(5_000_000)).toBe('warning');
  });

  it('must be JPG, PNG, WEBP or GIF', () => {
    const format = (f: string) => withImage({ width: 1200, height: 630, bytes: 1, format: f }, 'image-format');
    for (const ok of ['jpg', 'png', 'webp', 'gif', 'JPG']) expect(format(ok)).toBe('pass');
    for (const bad of ['svg', 'tiff', 'avif', 'bmp']) expect(format(bad)).toBe('warning');
  });

  it('warns when it could not be read, and waits when not looked up', () => {
    expect(withImage(null, 'image-readable')).toBe('warning');
    const pending = runSeoChecks(input({ image: undefined }));
    expect(pending.some((c) => c.id.startsWith('image-') && !['image-present', 'image-alt'].includes(c.id))).toBe(
      false,
    );
  });
});
