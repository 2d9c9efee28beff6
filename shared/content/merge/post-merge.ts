/**
 * Three-way merge of whole post files and data files: the one merge behind recovering unsaved
 * edits onto a post that changed on disk, and publishing over a co-author's pushed change.
 *
 * Front matter merges field by field (front-matter-merge.ts), the Markdown body block by block
 * (document/merge/block-merge.ts). The merged result is written on top of `theirs` — the file as
 * it now is on disk or at the remote — through the same lossless patcher as every save, so their
 * formatting and comments stay and only merged-in changes touch bytes. When something conflicts,
 * the result lists the conflicts in words and `resolveMerge` turns the writer's choices into text.
 *
 * @example
 * const result = mergePostText(baseText, journalText, diskText, { mdx: isMdxPath(path) });
 * if (result.text !== null) await write(path, result.text);
 * else {
 *   // result.conflicts → [{ id: 'field:0', kind: 'field', description: 'Field “title”', … },
 *   //                     { id: 'block:0', kind: 'block', description: 'Paragraph 3 (“…”)', … }]
 *   const text = resolveMerge(result, { 'field:0': 'mine', 'block:0': { text: 'Both, rewritten.' } });
 * }
 */
import type { FrontMatterData, JsonValue } from '../../api';
import { fail } from '../../errors';
import {
  mergeBody,
  resolveBody,
  type BlockChoice,
  type BlockConflict,
  type BodyMergeResult,
} from '../../document/merge/block-merge';
import { parseDataFile, updateDataFile, type DataFormat } from '../data-file';
import { parsePostFile, updatePostFile } from '../post-file';
import { applyFieldChoice, describeFieldConflict, mergeFrontMatter, type FieldConflict } from './front-matter-merge';

export type { BlockConflict, FieldConflict };

/** Options for {@link mergePostText}: `mdx` reads bodies as MDX, as the editor does for `.mdx` posts. */
export interface PostMergeOptions {
  mdx?: boolean;
}

/** A conflict as a merge dialog lists it; `id` is the key of its choice in {@link resolveMerge}. */
export type PostConflict =
  | ({ kind: 'field'; id: string; description: string } & FieldConflict)
  | ({ kind: 'block'; id: string } & BlockConflict);

/**
 * How a conflict is settled: one side, text the writer typed for a block conflict, or a value
 * for a field conflict (`{ value: undefined }` removes the field).
 */
export type MergeChoice = 'mine' | 'theirs' | { text: string } | { value: JsonValue | undefined };

/** The outcome of a merge: plain data, so it can cross the bridge and be resolved on either side. */
export interface PostMergeResult {
  /** The merged file when nothing conflicts, else null. */
  text: string | null;
  /** Field conflicts first (in the file's key order), then body conflicts (top to bottom). */
  conflicts: PostConflict[];
  /** The file the result is written on top of, and how to read it. */
  target: { kind: 'post'; text: string } | { kind: 'data'; text: string; format: DataFormat };
  /** The merged fields, conflicting ones holding theirs' value until settled. */
  frontMatter: FrontMatterData;
  /** The body merge (null for data files and when a whole-file shortcut applied). */
  body: BodyMergeResult | null;
}

/**
 * Merges three versions of a post file (front matter + Markdown body). When a side did not change
 * the file, the other side is returned byte for byte. Throws `invalid-front-matter` when a version
 * that must be read cannot be; a caller then offers the whole-file choice.
 */
export function mergePostText(
  baseText: string,
  mineText: string,
  theirsText: string,
  options: PostMergeOptions = {},
): PostMergeResult {
  const target = { kind: 'post', text: theirsText } as const;
  const shortcut = unchanged(baseText, mineText, theirsText, target);
  if (shortcut) return shortcut;
  const [base, mine, theirs] = [parsePostFile(baseText), parsePostFile(mineText), parsePostFile(theirsText)];
  const fields = mergeFrontMatter(base.data, mine.data, theirs.data);
  const body = mergeBody(base.body, mine.body, theirs.body, { mdx: options.mdx === true });
  const result = assembleResult(target, fields.merged, fields.conflicts, body);
  if (result.conflicts.length === 0)
    result.text = updatePostFile(theirsText, { frontMatter: fields.merged, body: body.text ?? theirs.body });
  return result;
}

/** Merges three versions of a YAML, TOML or JSON data file, field by field, written on top of `theirs`. */
export function mergeDataText(
  baseText: string,
  mineText: string,
  theirsText: string,
  format: DataFormat,
): PostMergeResult {
  const target = { kind: 'data', text: theirsText, format } as const;
  const shortcut = unchanged(baseText, mineText, theirsText, target);
  if (shortcut) return shortcut;
  const read = (text: string): FrontMatterData => parseDataFile(text, format);
  const fields = mergeFrontMatter(read(baseText), read(mineText), read(theirsText));
  const result = assembleResult(target, fields.merged, fields.conflicts, null);
  if (result.conflicts.length === 0) result.text = updateDataFile(theirsText, format, fields.merged);
  return result;
}

/**
 * The final file text once each conflict has a choice (`choices[conflict.id]`). Throws
 * `bad-request` when a conflict has none or the choice does not fit its kind, rather than drop
 * either side's words.
 */
export function resolveMerge(result: PostMergeResult, choices: Readonly<Record<string, MergeChoice>>): string {
  if (result.text !== null) return result.text;
  let frontMatter = result.frontMatter;
  const blockChoices: BlockChoice[] = [];
  for (const conflict of result.conflicts) {
    const choice = choices[conflict.id];
    if (choice === undefined) throw fail('bad-request', `Choose which version to keep for ${conflict.description}.`);
    if (conflict.kind === 'field') {
      // `{ value: undefined }` arrives as `{}` once it has crossed the bridge as JSON: a removal.
      if (typeof choice === 'object' && 'text' in choice)
        throw fail('bad-request', `${conflict.description} takes a value, not text.`);
      frontMatter = applyFieldChoice(frontMatter, conflict, choice);
    } else {
      if (typeof choice === 'object' && !('text' in choice))
        throw fail('bad-request', `${conflict.description} takes text, not a value.`);
      blockChoices.push(choice);
    }
  }
  if (result.target.kind === 'data') return updateDataFile(result.target.text, result.target.format, frontMatter);
  const body = result.body ? resolveBody(result.body, blockChoices) : parsePostFile(result.target.text).body;
  return updatePostFile(result.target.text, { frontMatter, body });
}

/** The whole-file shortcuts: a side that changed nothing leaves the other side's bytes as they are. */
function unchanged(
  base: string,
  mine: string,
  theirs: string,
  target: PostMergeResult['target'],
): PostMergeResult | null {
  const text = mine === base || mine === theirs ? theirs : theirs === base ? mine : null;
  return text === null ? null : { text, conflicts: [], target, frontMatter: {}, body: null };
}

function assembleResult(
  target: PostMergeResult['target'],
  frontMatter: FrontMatterData,
  fieldConflicts: readonly FieldConflict[],
  body: BodyMergeResult | null,
): PostMergeResult {
  const conflicts: PostConflict[] = [
    ...fieldConflicts.map((conflict, index) => ({
      ...conflict,
      kind: 'field' as const,
      id: `field:${index}`,
      description: describeFieldConflict(conflict),
    })),
    ...(body?.conflicts ?? []).map((conflict, index) => ({
      ...conflict,
      kind: 'block' as const,
      id: `block:${index}`,
    })),
  ];
  return { text: null, conflicts, target, frontMatter, body };
}
