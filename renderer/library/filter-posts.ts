/** Filters the library's post list by collection and a search query, keeping the back end's order. */
import { whenIdle } from '../app/idle';
import type { CollectionId, PostSummary } from '../../shared/api';

// Accents and case do not matter when looking for a post: "cafe" finds "Café".
/** `text` without accents, in lower case: what searches compare. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// Folding 10,000 titles costs more than a keystroke may: each summary is folded once, then reused
// for every keystroke (summaries are replaced, never changed in place, when the list reloads).
const folded = new WeakMap<PostSummary, string>();

function haystackOf(post: PostSummary): string {
  let text = folded.get(post);
  if (text === undefined) {
    text = fold(`${post.title} ${post.path}`);
    folded.set(post, text);
  }
  return text;
}

/** The posts in the collection with id `collection` (all when null) whose title or path contains every word of `query`. */
export function filterPosts(
  posts: readonly PostSummary[],
  query: string,
  collection: CollectionId | null,
): PostSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return posts.filter((post) => {
    if (collection !== null && post.collection !== collection && !post.alsoIn?.includes(collection)) return false;
    if (words.length === 0) return true;
    const haystack = haystackOf(post);
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * Folds the posts' titles and paths ahead of the first search, a slice at a time while the browser
 * is idle, so the first keystroke is as quick as the next ones. Returns a function that stops it.
 */
export function prepareSearch(posts: readonly PostSummary[], slice = 1_000): () => void {
  let next = 0;
  let cancel = (): void => undefined;
  const step = () => {
    const end = Math.min(posts.length, next + slice);
    for (; next < end; next++) haystackOf(posts[next]!);
    if (next < posts.length) cancel = whenIdle(step);
  };
  cancel = whenIdle(step);
  return () => cancel();
}
