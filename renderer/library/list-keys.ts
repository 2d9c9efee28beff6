/**
 * Keyboard movement and row logic shared by the library's lists (collections and posts): pure, so
 * they are tested without a browser and work the same however many rows are drawn.
 */
import type { PostSummary } from '../../shared/api';

/** The keys that move focus within a list. */
const MOVES = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);

/**
 * The row a key moves focus to from row `current` of `count` rows, `pageSize` rows a page;
 * null when the key does not move focus (or the list is empty).
 */
export function targetIndex(key: string, current: number, count: number, pageSize: number): number | null {
  if (!MOVES.has(key) || count === 0) return null;
  const page = Math.max(1, Math.floor(pageSize));
  const next = {
    ArrowDown: current + 1,
    ArrowUp: current - 1,
    Home: 0,
    End: count - 1,
    PageDown: current + page,
    PageUp: current - page,
  }[key]!;
  return Math.min(Math.max(next, 0), count - 1);
}

/**
 * The rows to draw: the visible ones (`drawn`, ascending) plus `pinned` — the row holding focus
 * stays in the DOM when it scrolls out of view, so focus is never dropped onto the page.
 */
export function withPinnedRow(drawn: readonly number[], pinned: number | null, count: number): number[] {
  if (pinned === null || pinned < 0 || pinned >= count || drawn.includes(pinned)) return [...drawn];
  return [...drawn, pinned].sort((a, b) => a - b);
}

/** True when the post at `index` is a translation directly below a sibling of the same entry, drawn as part of it. */
export function followsSibling(posts: readonly PostSummary[], index: number): boolean {
  const post = posts[index];
  const previous = posts[index - 1];
  return (
    post?.translationKey !== undefined &&
    previous?.collection === post.collection &&
    previous.translationKey === post.translationKey
  );
}
