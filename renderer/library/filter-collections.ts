/** Narrows the library's collection list by a typed filter. */
import type { CollectionSummary } from '../../shared/api';
import { fold } from './filter-posts';

/** The collections whose label or folder contains every word of `query`, in their order. */
export function filterCollections(collections: readonly CollectionSummary[], query: string): CollectionSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...collections];
  return collections.filter((item) => {
    const haystack = fold(`${item.label} ${item.folder ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
}
