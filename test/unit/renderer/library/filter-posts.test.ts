import { describe, expect, it, vi } from 'vitest';
import type { PostSummary } from '../../../../shared/api';
import { filterPosts, prepareSearch } from '../../../../renderer/library/filter-posts';
import { collectionId } from '../../../../shared/content/collection-ids';

const post = (title: string, collection = 'content/posts'): PostSummary => ({
  path: `${collection}/${title.toLowerCase().replace(/\W+/g, '-')}.md`,
  collection: collectionId(collection),
  title,
  date: null,
  draft: false,
});

const posts = [post('Café culture'), post('Rainy conference notes'), post('Release notes', 'content/news')];

describe('filterPosts', () => {
  it('keeps everything, in order, for an empty query', () => {
    expect(filterPosts(posts, '  ', null)).toEqual(posts);
  });

  it('matches every word, ignoring case and accents', () => {
    expect(filterPosts(posts, 'cafe', null).map((p) => p.title)).toEqual(['Café culture']);
    expect(filterPosts(posts, 'NOTES rainy', null).map((p) => p.title)).toEqual(['Rainy conference notes']);
  });

  it('limits to a collection', () => {
    expect(filterPosts(posts, 'notes', collectionId('content/news')).map((p) => p.title)).toEqual(['Release notes']);
  });
});

describe('filterPosts on a reloaded list', () => {
  it('searches the new titles, not ones remembered from the list before', () => {
    const before = [{ ...post('x'), path: 'content/posts/2026-04-01.md', title: 'Harbour lamps' }];
    expect(filterPosts(before, 'lamps', null)).toHaveLength(1);
    // The same file, renamed: the back end sends a new summary for the same path.
    const after = [{ ...before[0]!, title: 'Harbour ferries' }];
    expect(filterPosts(after, 'lamps', null)).toEqual([]);
    expect(filterPosts(after, 'ferries', null)).toEqual(after);
  });
});

describe('prepareSearch', () => {
  it('gets a big list ready in slices, and searching finds the same posts before and after', async () => {
    const many = Array.from({ length: 2_500 }, (_, index) => post(`Tide table ${index}`));
    vi.useFakeTimers();
    try {
      const stop = prepareSearch(many, 1_000);
      // Slices of at most 1,000 posts, one per idle moment, until the list is done.
      expect(vi.getTimerCount()).toBe(1);
      vi.runAllTimers();
      expect(vi.getTimerCount()).toBe(0);
      stop();
    } finally {
      vi.useRealTimers();
    }
    expect(filterPosts(many, 'table 2499', null).map((p) => p.title)).toEqual(['Tide table 2499']);
    expect(filterPosts(many, 'tide', null)).toHaveLength(2_500);
  });
});
