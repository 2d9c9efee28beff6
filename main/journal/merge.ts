/**
 * The three-way merge recovery uses when a post's file changed after its edits were journalled.
 * TEMPORARY: shared/content/merge/ (mergePostText) is being written; until it lands every changed
 * file is reported as a conflict, so the edits are still offered as they were and nothing is lost.
 */
import type { TextMerge } from './recovery';

/** Merges the journalled edits (mine) and the file as it is now (theirs) over the text they began from (base). */
export const mergeFileTexts: TextMerge = () => ({ conflicts: ['The file changed on disk since these edits began'] });
