import { describe, expect, it } from 'vitest';
import { mediaCandidates } from '../../../../shared/content/media-paths';

const POST = 'content/posts/harbour/index.md';

describe('mediaCandidates', () => {
  it('resolves ./x and bare names next to the post', () => {
    expect(mediaCandidates(POST, './cover.png')).toEqual(['content/posts/harbour/cover.png']);
    expect(mediaCandidates(POST, 'cover.png')).toEqual(['content/posts/harbour/cover.png']);
    expect(mediaCandidates(POST, 'images/a b.jpg')).toEqual(['content/posts/harbour/images/a b.jpg']);
    expect(mediaCandidates('post.md', 'cover.png')).toEqual(['cover.png']);
  });

  it('allows ../ that stays inside the repository', () => {
    expect(mediaCandidates(POST, '../shared/map.png')).toEqual(['content/posts/shared/map.png']);
  });

  it('tries the site roots of Hugo, Astro, Jekyll and Gatsby for a site-rooted path, in order', () => {
    expect(mediaCandidates(POST, '/img/harbour.jpg')).toEqual([
      'static/img/harbour.jpg',
      'public/img/harbour.jpg',
      'img/harbour.jpg',
      'assets/img/harbour.jpg',
      'src/assets/img/harbour.jpg',
      'src/img/harbour.jpg',
    ]);
  });

  it('percent-decodes and drops a query or fragment', () => {
    expect(mediaCandidates(POST, '/img/sea%20view.png?v=2#top')[0]).toBe('static/img/sea view.png');
    expect(mediaCandidates(POST, 'caf%C3%A9.png')).toEqual(['content/posts/harbour/café.png']);
  });

  it.each([
    ['https://example.com/a.png', 'web URL'],
    ['http://example.com/a.png', 'web URL'],
    ['//cdn.example.com/a.png', 'protocol-relative URL'],
    ['data:image/png;base64,AAAA', 'data URL'],
    ['file:///etc/passwd', 'file URL'],
    ['C:/Windows/a.png', 'drive letter'],
    ['../../../../etc/passwd', 'escape'],
    ['/../../secret.png', 'site-rooted escape'],
    ['%2e%2e/%2e%2e/%2e%2e/%2e%2e/x.png', 'encoded escape'],
    ['a\\..\\..\\x.png', 'backslashes'],
    ['a%00.png', 'NUL'],
    ['%E0%A4%A', 'bad encoding'],
    ['', 'empty'],
    ['/', 'site root itself'],
  ])('returns nothing for %j (%s)', (src) => {
    expect(mediaCandidates(POST, src)).toEqual([]);
  });
});
