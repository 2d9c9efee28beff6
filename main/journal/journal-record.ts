/**
 * The journal file's content: the contract's JournalEntry plus what recovery needs later — the
 * file's text at `baseVersion` (the base of a three-way merge), which repository it belongs to,
 * and whether the entry is a data file. Read defensively: a file from an older version, a hand edit
 * or a disk error reads as "no journal", never as a crash.
 */
import type { FrontMatterData, JournalEntry } from '../../shared/api';
import type { DataFormat } from '../../shared/content/data-file';

/** The format marker and version written into every journal file. */
export const RECORD_VERSION = 1;

/** One post's journal as stored on disk. */
export interface JournalRecord extends JournalEntry {
  /** The real path of the repository the post belongs to (the folder name is its hash). */
  repo: string;
  /** The file's text when its version was `baseVersion`; null when the file had already changed (or was gone) at the first write. */
  baseText: string | null;
  /** A data entry's format (its whole file is fields), or null for a Markdown post. */
  dataFormat: DataFormat | null;
}

/** The JSON text of a record. Compact: a 100k-word body should cost its own size, no more. */
export function serializeRecord(record: JournalRecord): string {
  return JSON.stringify({ mastheadJournal: RECORD_VERSION, ...record });
}

/** The record in `text`, or null when it is not a journal this version can read. */
export function parseRecord(text: string): JournalRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const raw = value as Record<string, unknown>;
  if (raw.mastheadJournal !== RECORD_VERSION) return null;
  const { repo, path, baseVersion, baseText, frontMatter, body, editedAt, dataFormat } = raw;
  if (
    typeof repo !== 'string' ||
    typeof path !== 'string' ||
    typeof baseVersion !== 'string' ||
    typeof body !== 'string'
  )
    return null;
  if (typeof editedAt !== 'string' || Number.isNaN(Date.parse(editedAt))) return null;
  if (baseText !== null && typeof baseText !== 'string') return null;
  if (typeof frontMatter !== 'object' || frontMatter === null || Array.isArray(frontMatter)) return null;
  if (dataFormat !== null && dataFormat !== 'yaml' && dataFormat !== 'toml' && dataFormat !== 'json') return null;
  return { repo, path, baseVersion, baseText, frontMatter: frontMatter as FrontMatterData, body, editedAt, dataFormat };
}
