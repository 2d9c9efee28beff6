import { describe, expect, it } from 'vitest';
import type { CollectionSummary } from '../../../../shared/api';
import { filterCollections } from '../../../../renderer/library/filter-collections';
import { collectionId, repoFolder } from '../../../../shared/content/collection-ids';

const collection = (id: string, label: string, folder: string | null): CollectionSummary => ({
  id: collectionId(id),
  label,
  folder: folder === null ? null : repoFolder(folder),
  postCount: 3,
});
const all = [
  collection('blog', 'Blog', 'content/blog'),
  collection('install-guides', 'Install Guides', 'content/install-guides'),
  collection('cache-faq', 'Cache FAQ', 'content/docs/cache/faq'),
  collection('settings', 'Réglages', null),
];

describe('filterCollections', () => {
  it('keeps every collection, in order, for an empty filter', () => {
    expect(filterCollections(all, ' ')).toEqual(all);
  });

  it('matches every word in the label or the folder, ignoring case and accents', () => {
    expect(filterCollections(all, 'guides').map((item) => item.id)).toEqual(['install-guides']);
    expect(filterCollections(all, 'docs faq').map((item) => item.id)).toEqual(['cache-faq']);
    expect(filterCollections(all, 'reglages').map((item) => item.id)).toEqual(['settings']);
    expect(filterCollections(all, 'cache guides')).toEqual([]);
  });
});
