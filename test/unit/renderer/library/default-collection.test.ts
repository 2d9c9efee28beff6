import { describe, expect, it } from 'vitest';
import type { CollectionSummary } from '../../../../shared/api';
import { defaultCollection } from '../../../../renderer/library/default-collection';

const creatable = [{ name: 'authors' }, { name: 'blog' }, { name: 'pages' }];
const summaries: CollectionSummary[] = [
  { id: 'authors', folder: 'content/authors', label: 'Authors', postCount: 3 },
  { id: 'blog', folder: 'content/blog', label: 'Blog', postCount: 42 },
  { id: 'pages', folder: 'content/pages', label: 'Pages', postCount: 5 },
];

describe('defaultCollection', () => {
  it('prefers the collection the library is showing', () => {
    expect(defaultCollection(creatable, 'pages', summaries)).toBe('pages');
  });

  it('otherwise takes the collection with the most posts, not the first in the config', () => {
    expect(defaultCollection(creatable, null, summaries)).toBe('blog');
    // A collection in view that cannot take new posts does not count as a choice.
    expect(defaultCollection(creatable, 'settings', summaries)).toBe('blog');
  });

  it('keeps the config order on a tie and copes with nothing to choose', () => {
    expect(
      defaultCollection(
        creatable,
        null,
        summaries.map((s) => ({ ...s, postCount: 1 })),
      ),
    ).toBe('authors');
    expect(defaultCollection([], null, summaries)).toBe('');
  });
});
