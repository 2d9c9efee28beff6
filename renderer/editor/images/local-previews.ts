/**
 * Pictures the writer just added, shown from the file they gave (a blob: URL) instead of being
 * fetched back from the repository: the copy on disk has the same bytes, and a 10 MB photo then
 * appears as soon as it is copied, not after a second trip through the back end.
 */

/** How many recent pictures keep a preview; older ones load from the repository as usual. */
const MAX_PREVIEWS = 24;

const previews = new Map<string, string>();

const keyOf = (postPath: string, src: string): string => `${postPath}\n${src}`;

/** Remembers `file` as what `src` in the post at `postPath` shows. */
export function rememberPreview(postPath: string, src: string, file: Blob): void {
  const key = keyOf(postPath, src);
  const old = previews.get(key);
  if (old !== undefined) URL.revokeObjectURL(old);
  previews.delete(key);
  previews.set(key, URL.createObjectURL(file));
  // A Map iterates in insertion order: the first key is the oldest preview.
  while (previews.size > MAX_PREVIEWS) {
    const [oldestKey, oldestUrl] = previews.entries().next().value as [string, string];
    URL.revokeObjectURL(oldestUrl);
    previews.delete(oldestKey);
  }
}

/** The preview address for `src` in the post at `postPath`, or null when there is none. */
export function previewFor(postPath: string, src: string): string | null {
  return previews.get(keyOf(postPath, src)) ?? null;
}
