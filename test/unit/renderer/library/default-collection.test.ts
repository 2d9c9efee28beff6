import { describe, expect, it } from 'vitest';
import type { CollectionSummary } from '../../../../shared/api';
import { defaultCollection } from '../../../../renderer/library/default-collection';
import { collectionId, repoFolder } from '../../../../shared/content/collection-ids';

const creatable = [{ name: collectionId('authors') }, { name: collectionId('blog') }, { name: collectionId('pages') }];
const summaries: CollectionSummary[] = [
  { id: collectionId('authors'), folder: repoFolder('content/authors'), label: 'Authors', postCount: 3 },
  { id: collectionId('blog'), folder: repoFolder('content/blog'), label: 'Blog', postCount: 42 },
  { id: collectionId('pages'), folder: repoFolder('content/pages'), label: 'Pages', postCount: 5 },
];

describe('defaultCollection', () => {
  it('prefers the collection the library is showing', () => {
    expect(defaultCollection(creatable, collectionId('pages'), summaries)).toBe('pages');
  });

  it('otherwise takes the collection with the most posts, not the first in the config', () => {
    expect(defaultCollection(creatable, null, summaries)).toBe('blog');
    // A collection in view that cannot take new posts does not count as a choice.
    expect(defaultCollection(creatable, collectionId('settings'), summaries)).toBe('blog');
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
