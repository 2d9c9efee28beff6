/**
 * The clipboard's text and HTML, copied out of the paste event at once: the DataTransfer is only
 * readable during the event, and the converters (clipboard.ts, loaded on demand) may arrive later.
 */
import type { ClipboardData } from './clipboard';

/** A copy of what paste reads from a DataTransfer; reads like one (clipboard.ts takes it). */
export interface ClipboardSnapshot extends ClipboardData {
  types: readonly string[];
}

/** Copies the text and HTML of `data`. */
export function snapshotClipboard(data: ClipboardData): ClipboardSnapshot {
  const types = Array.from(data.types);
  const copied = new Map<string, string>();
  for (const type of ['text/plain', 'text/html']) if (types.includes(type)) copied.set(type, data.getData(type));
  return { types: [...copied.keys()], getData: (type: string) => copied.get(type) ?? '' };
}

/** False when paste leaves the clipboard to others (files only, or empty): as `readClipboard` returning null. */
export function holdsPastable(snapshot: ClipboardSnapshot): boolean {
  return snapshot.getData('text/plain') !== '' || snapshot.getData('text/html').trim() !== '';
}
