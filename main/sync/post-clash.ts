/**
 * A post (or data file) that the writer and someone else both changed, merged field by field and
 * block by block with shared/content/merge; and, when that needs the writer, the conflicts as the
 * merge dialog shows them and the text their choices make.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { ConflictChoice, FrontMatterData, JsonValue, MergeConflict, PendingMerge } from '../../shared/api';
import { dataFormatOfPath, parseDataFile } from '../../shared/content/data-file';
import { jsonEqual } from '../../shared/content/json-values';
import { parsePostFile } from '../../shared/content/post-file';
import {
  mergeDataText,
  mergePostText,
  resolveMerge,
  type MergeChoice,
  type PostMergeResult,
} from '../../shared/content/merge/post-merge';
import { isMdxPath } from '../../shared/document/constructs/mdx/syntax';
import { fail } from '../../shared/errors';
import type { ClashOutcome, FileClash } from './replay';

const POST_EXTENSIONS = /\.(?:md|markdown|mdown|mkd|mdx)$/i;

/** The three-way merge of a clash, or null when the file is not a post or data file (or a side is missing). */
export function mergeClashText(clash: Pick<FileClash, 'path' | 'base' | 'mine' | 'theirs'>): PostMergeResult | null {
  const { path, base, mine, theirs } = clash;
  if (base === null || mine === null || theirs === null) return null;
  try {
    if (POST_EXTENSIONS.test(path)) return mergePostText(base, mine, theirs, { mdx: isMdxPath(path) });
    const format = dataFormatOfPath(path);
    return format === null ? null : mergeDataText(base, mine, theirs, format);
  } catch {
    // A version whose front matter does not read cannot be merged by parts: the writer chooses.
    return null;
  }
}

/** How the replay settles a clash: merged text, the writer's resolution for that file, or `conflict`. */
export function settleClash(clash: FileClash, resolutions: ReadonlyMap<string, string>): ClashOutcome {
  const resolved = resolutions.get(clash.path);
  if (resolved !== undefined) return { text: resolved };
  const result = mergeClashText(clash);
  return result?.text != null ? { text: result.text } : 'conflict';
}

/** The conflicts of a clash as the merge dialog shows them. */
export function pendingMergeOf(clash: FileClash): PendingMerge {
  const result = mergeClashText(clash);
  if (result === null) {
    // Not mergeable by parts (deleted on one side, unreadable front matter, not a post): the whole file is one choice.
    return {
      path: clash.path,
      conflicts: [
        {
          id: 'file',
          kind: 'block',
          label: 'The whole file',
          base: clash.base ?? '',
          mine: clash.mine ?? '',
          theirs: clash.theirs ?? '',
        },
      ],
      merged: [],
    };
  }
  const conflicts: MergeConflict[] = result.conflicts.map((conflict) =>
    conflict.kind === 'field'
      ? {
          id: conflict.id,
          kind: 'field',
          label: conflict.description,
          base: valueText(conflict.base),
          mine: valueText(conflict.mine),
          theirs: valueText(conflict.theirs),
        }
      : {
          id: conflict.id,
          kind: 'block',
          label: conflict.description,
          base: conflict.base.join(''),
          mine: conflict.mine.join(''),
          theirs: conflict.theirs.join(''),
        },
  );
  return { path: clash.path, conflicts, merged: mergedInWords(clash, result) };
}

/** The file text the writer's choices make of a clash. Throws `bad-request` when a conflict has no choice. */
export function resolveClash(clash: FileClash, choices: Readonly<Record<string, ConflictChoice>>): string | null {
  const result = mergeClashText(clash);
  if (result === null) {
    const choice = choices.file;
    if (choice === undefined) throw fail('bad-request', 'Choose which version of the whole file to keep.');
    return choice === 'mine' ? clash.mine : choice === 'theirs' ? clash.theirs : choice.text;
  }
  const mapped: Record<string, MergeChoice> = {};
  for (const conflict of result.conflicts) {
    const choice = choices[conflict.id];
    if (choice === undefined) continue;
    mapped[conflict.id] =
      typeof choice === 'string' || conflict.kind === 'block'
        ? choice
        : { value: fieldValue(choice.text, conflict.description) };
  }
  return resolveMerge(result, mapped);
}

/** A field's value as the dialog shows it: YAML, without a trailing newline ('' when absent). */
function valueText(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string' && !value.includes('\n')) return value;
  return stringifyYaml(value).replace(/\n$/, '');
}

/** A value the writer typed for a field, read as YAML; an empty text removes the field. */
function fieldValue(text: string, label: string): JsonValue | undefined {
  if (text.trim() === '') return undefined;
  try {
    return parseYaml(text) as JsonValue;
  } catch {
    throw fail(
      'bad-request',
      `The value written for ${label} is not valid: write it as it would appear in the front matter.`,
    );
  }
}

/** What the merge took from the other side without a clash, in words. */
function mergedInWords(clash: FileClash, result: PostMergeResult): string[] {
  const read = (text: string): { data: FrontMatterData; body: string } => {
    if (result.target.kind === 'data') return { data: parseDataFile(text, result.target.format), body: '' };
    const { data, body } = parsePostFile(text);
    return { data, body };
  };
  const base = read(clash.base ?? '');
  const theirs = read(clash.theirs ?? '');
  const clashing = new Set(
    result.conflicts.flatMap((conflict) => (conflict.kind === 'field' ? [conflict.path[0]] : [])),
  );
  const words: string[] = [];
  for (const key of new Set([...Object.keys(base.data), ...Object.keys(theirs.data)])) {
    if (clashing.has(key) || jsonEqual(base.data[key], theirs.data[key])) continue;
    words.push(`Field “${key}” changed by others`);
  }
  // Keeping the writer's side of every clash shows what else came from the other side.
  if (result.target.kind === 'post' && base.body !== theirs.body) {
    const allMine = Object.fromEntries(result.conflicts.map((conflict) => [conflict.id, 'mine' as const]));
    const mineBody = read(clash.mine ?? '').body;
    if (read(resolveMerge(result, allMine)).body !== mineBody)
      words.push('Text changed by others elsewhere in the post');
  }
  return words;
}
