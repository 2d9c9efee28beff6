/**
 * The three-way merge recovery uses when a post's file changed after its edits were journalled:
 * shared/content/merge (fields one by one, body block by block, written on top of the file as it
 * is now), with its conflicts in words.
 */
import { mergeDataText, mergePostText } from '../../shared/content/merge/post-merge';
import { isMdxPath } from '../../shared/document/constructs/mdx/syntax';
import type { TextMerge } from './recovery';

/** Merges the journalled edits (mine) and the file as it is now (theirs) over the text they began from (base). */
export const mergeFileTexts: TextMerge = (base, mine, theirs, file) => {
  const result =
    file.dataFormat === null
      ? mergePostText(base, mine, theirs, { mdx: isMdxPath(file.path) })
      : mergeDataText(base, mine, theirs, file.dataFormat);
  return result.text !== null
    ? { text: result.text }
    : { conflicts: result.conflicts.map((conflict) => conflict.description) };
};
