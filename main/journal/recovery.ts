/**
 * What a journal means for the file as it is now: nothing (the file already says it), the edits
 * as they are (`exact`: the file has not changed since they began), merged into the changed file
 * (`merged`), or offered as they were beside the file (`conflict`). Pure: the caller reads files.
 */
import type { FrontMatterData, RecoveredEdits } from '../../shared/api';
import { parseDataFile, updateDataFile, type DataFormat } from '../../shared/content/data-file';
import { parsePostFile, updatePostFile } from '../../shared/content/post-file';
import type { JournalRecord } from './journal-record';

/** A three-way merge of whole file texts (of the post at `file.path`): the merged text, or the conflicts in words. */
export type TextMerge = (
  baseText: string,
  mineText: string,
  theirsText: string,
  file: { path: string; dataFormat: DataFormat | null },
) => { text: string } | { conflicts: string[] };

/** A file's text and its version fingerprint (see posts.ts `fingerprint`). */
export interface FileText {
  text: string;
  version: string;
}

/** The file text the journalled edits make of `text` (as a save would write it). Throws when they cannot be written onto it. */
function applyEdits(record: JournalRecord, text: string): string {
  return record.dataFormat === null
    ? updatePostFile(text, { frontMatter: record.frontMatter, body: record.body })
    : updateDataFile(text, record.dataFormat, record.frontMatter);
}

/** True when saving the journalled edits onto `text` would change it: the journal holds something not on disk. */
export function holdsUnsavedEdits(record: JournalRecord, text: string): boolean {
  try {
    return applyEdits(record, text) !== text;
  } catch {
    // Edits that cannot even be written onto the file are certainly not in it.
    return true;
  }
}

/** The recovered edits for the file as it is now (`current`), or null when the file already holds them (as they are, or merged). */
export function recoverEdits(record: JournalRecord, current: FileText, merge: TextMerge): RecoveredEdits | null {
  if (!holdsUnsavedEdits(record, current.text)) return null;
  // A conflict keeps the version the edits began from: saving them then reports the change on disk.
  const asJournalled = {
    frontMatter: record.frontMatter,
    body: record.body,
    editedAt: record.editedAt,
    baseVersion: record.baseVersion,
  };
  if (record.baseVersion === current.version)
    return { frontMatter: record.frontMatter, body: record.body, editedAt: record.editedAt, state: 'exact' };
  if (record.baseText === null) {
    return {
      ...asJournalled,
      state: 'conflict',
      conflicts: ['The file had already changed on disk when these edits began, so they cannot be merged into it'],
    };
  }
  let outcome: ReturnType<TextMerge>;
  let merged: { frontMatter: FrontMatterData; body: string };
  try {
    outcome = merge(record.baseText, applyEdits(record, record.baseText), current.text, record);
    if ('conflicts' in outcome) return { ...asJournalled, state: 'conflict', conflicts: outcome.conflicts };
    // The file already has every journalled change (they were saved, merged in, or made elsewhere too).
    if (outcome.text === current.text) return null;
    merged = parseFile(record, outcome.text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ...asJournalled,
      state: 'conflict',
      conflicts: [`The edits could not be merged with the file as it is now (${why})`],
    };
  }
  return { ...merged, editedAt: record.editedAt, state: 'merged' };
}

function parseFile(record: JournalRecord, text: string): { frontMatter: FrontMatterData; body: string } {
  if (record.dataFormat !== null) return { frontMatter: parseDataFile(text, record.dataFormat), body: '' };
  const { data, body } = parsePostFile(text);
  return { frontMatter: data, body };
}
