/**
 * Which collection "New post" starts on: the one the library is showing, else the one with the
 * most posts — never simply the first in the config, which is often Authors or Pages.
 */
import type { CollectionSummary } from '../../shared/api';

/** The name of the collection to preselect among `creatable` (config order), or '' when there is none. */
export function defaultCollection(
  creatable: readonly { name: string }[],
  inView: string | null,
  summaries: readonly CollectionSummary[],
): string {
  const shown = creatable.find((collection) => collection.name === inView);
  if (shown) return shown.name;
  const count = (name: string): number => summaries.find((summary) => summary.id === name)?.postCount ?? 0;
  let best = creatable[0];
  // Strictly more: on a tie the config's order decides.
  for (const collection of creatable) if (best && count(collection.name) > count(best.name)) best = collection;
  return best?.name ?? '';
}
