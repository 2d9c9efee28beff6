/**
 * Reading a post while the writer moves to it in the library: once the mouse rests on it for a
 * moment, or the button goes down on it. A press lasts about a tenth of a second before the click
 * that opens the post, about as long as the read takes over web mode's HTTP, and the mouse rests on
 * a post a few tenths before the press; the open then takes the read already under way (or done)
 * instead of starting its own.
 *
 * A read is used only for the post it was started for, once, and while fresh: the file may change
 * after FRESH_MS (the open then reads again). A read that failed is simply done again.
 */
import type { PostDocument } from '../../shared/api';

/** How long a read started ahead stays good for the open that follows. */
export const FRESH_MS = 1000;

/** Reads started ahead of an open. */
export interface PostPrefetch {
  /** Starts reading the post at `path`, unless a fresh read of it is already under way. */
  start(path: string): void;
  /** The fresh read of `path` started ahead, or null; either way nothing is kept for later. */
  take(path: string): Promise<PostDocument> | null;
}

/** A prefetch that reads posts with `read`. */
export function createPostPrefetch(
  read: (path: string) => Promise<PostDocument>,
  now: () => number = () => Date.now(),
): PostPrefetch {
  let ahead: { path: string; at: number; reading: Promise<PostDocument> } | null = null;
  const fresh = (path: string): boolean => ahead !== null && ahead.path === path && now() - ahead.at < FRESH_MS;
  return {
    start(path) {
      if (fresh(path)) return;
      const reading = read(path);
      // Its failure is met by the open that takes it (which reads again), or by nobody.
      reading.catch(() => undefined);
      ahead = { path, at: now(), reading };
    },
    take(path) {
      const taken = fresh(path) ? ahead!.reading : null;
      ahead = null;
      return taken && taken.catch(() => read(path));
    },
  };
}
