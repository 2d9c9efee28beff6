/**
 * Which collection "New post" starts on: the one the library is showing, else the one with the
 * most posts — never simply the first in the config, which is often Authors or Pages.
 */
import type { CollectionId, CollectionSummary } from '../../shared/api';
import { NO_COLLECTION } from '../../shared/content/collection-ids';

/** The id of the collection to preselect among `creatable` (config order), or NO_COLLECTION ('') when there is none. */
export function defaultCollection(
  creatable: readonly { name: CollectionId }[],
  inView: CollectionId | null,
  summaries: readonly CollectionSummary[],
): CollectionId {
  const shown = creatable.find((collection) => collection.name === inView);
  if (shown) return shown.name;
  const count = (name: CollectionId): number => summaries.find((summary) => summary.id === name)?.postCount ?? 0;
  let best = creatable[0];
  // Strictly more: on a tie the config's order decides.
  for (const collection of creatable) if (best && count(collection.name) > count(best.name)) best = collection;
  return best?.name ?? NO_COLLECTION;
}
