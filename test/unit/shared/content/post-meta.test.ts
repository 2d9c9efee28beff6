import { describe, expect, it } from 'vitest';
import { isDraft, postDate, postTitle, readableFileName } from '../../../../shared/content/post-meta';

describe('postTitle', () => {
  it('uses the front matter title', () => {
    expect(postTitle({ title: '  Harbour Lights ' }, 'x.md')).toBe('Harbour Lights');
    expect(postTitle({ title: 1984 }, 'x.md')).toBe('1984');
  });

  it('falls back to a readable file name', () => {
    expect(postTitle({ title: '' }, '2025-11-04-harbour-lights.md')).toBe('Harbour lights');
    expect(postTitle({}, 'night_shift.markdown')).toBe('Night shift');
    expect(readableFileName('content/posts/tides.md')).toBe('Tides');
    expect(readableFileName('---.md')).toBe('---.md');
  });
});

describe('postDate', () => {
  it('takes the first date key, as written', () => {
    expect(postDate({ pubDate: '2025-01-02', created: '2024-01-01' })).toBe('2025-01-02');
    expect(postDate({ date: '2025-11-04T08:30:00.000Z', publishDate: '2026-01-01' })).toBe('2025-11-04T08:30:00.000Z');
    expect(postDate({ published: false, created: '2024-05-06' })).toBe('2024-05-06');
    expect(postDate({ title: 'x' })).toBeNull();
  });
});

describe('isDraft', () => {
  it('reads draft: true and Jekyll’s published: false', () => {
    expect(isDraft({ draft: true })).toBe(true);
    expect(isDraft({ draft: 'true' })).toBe(true);
    expect(isDraft({ draft: false })).toBe(false);
    expect(isDraft({ published: false })).toBe(true);
    expect(isDraft({})).toBe(false);
  });
});
