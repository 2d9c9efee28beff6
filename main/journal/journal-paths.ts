/**
 * Where journals live: `<dataDir>/journal/<hash of the repository's real path>/<hash of the post
 * path>.json`. Hashes keep any path (spaces, Unicode, length) a short, safe file name, and one
 * folder per repository keeps each repository's journals apart.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** The folder, inside the app's data folder, that holds every repository's journals. */
const JOURNAL_FOLDER = 'journal';

/** The extension of a journal file (temp files carry a marker after it, see atomic-write.ts). */
export const JOURNAL_EXTENSION = '.json';

/** A short hex digest of `text`: 128 bits of SHA-256, plenty to keep paths apart. */
function hashKey(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
}

/** The folder holding every journal. */
export function journalRoot(dataDir: string): string {
  return join(dataDir, JOURNAL_FOLDER);
}

/** The folder holding the journals of the repository whose real path is `repoRoot`. */
export function repoJournalFolder(dataDir: string, repoRoot: string): string {
  return join(journalRoot(dataDir), hashKey(repoRoot));
}

/** The journal file of the post at the normalized repo-relative `postPath`. */
export function journalFile(dataDir: string, repoRoot: string, postPath: string): string {
  return join(repoJournalFolder(dataDir, repoRoot), `${hashKey(postPath)}${JOURNAL_EXTENSION}`);
}
