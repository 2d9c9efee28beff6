import { describe, expect, it } from 'vitest';
import { fileNameDate, isDraft, postDate, postTitle, readableFileName } from '../../../../shared/content/post-meta';

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

describe('dates and drafts from the path', () => {
  it('dates a post without a front-matter date by its file name or bundle folder', () => {
    expect(postDate({ title: 'x' }, '_posts/2025-01-29-monsoon-rasam.md')).toBe('2025-01-29');
    expect(postDate({ date: '2024-12-10 08:05:00 +0530' }, '_posts/2025-01-29-x.md')).toBe('2024-12-10 08:05:00 +0530');
    expect(fileNameDate('blog/2024-06-19-first-light/index.md')).toBe('2024-06-19');
    expect(fileNameDate('blog/2024-06-19/index.md')).toBe('2024-06-19');
    expect(fileNameDate('blog/2024-06-19.md')).toBe('2024-06-19');
    expect(fileNameDate('blog/2024-02-30-not-a-day.md')).toBeNull();
    expect(fileNameDate('blog/20240619-x.md')).toBeNull();
    expect(fileNameDate('2024-06-19-archive/notes.md')).toBeNull();
    expect(postDate({}, 'content/posts/plain.md')).toBeNull();
  });

  it('flags files in _drafts as drafts', () => {
    expect(isDraft({ title: 'x' }, '_drafts/spice-tin-inventory.md')).toBe(true);
    expect(isDraft({ title: 'x' }, 'collections/_drafts/a.md')).toBe(true);
    expect(isDraft({ title: 'x' }, '_posts/2025-01-29-a.md')).toBe(false);
    expect(isDraft({ title: 'x' }, 'content/_drafts.md')).toBe(false);
  });
});
