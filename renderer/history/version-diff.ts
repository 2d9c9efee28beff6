/**
 * What changed between two versions of a post, in the words a reader sees: front-matter fields as
 * "field: old → new", and the body rendered block by block to plain text (through the same
 * Markdown → Lexical import the editor uses), then diffed word by word. Markdown syntax that a
 * reader never sees (`**`, link targets, list markers) does not show up as a change.
 */
import { diffArrays, diffWords } from 'diff';
import { $dfs } from '@lexical/utils';
import { $getRoot, type LexicalNode } from 'lexical';
import type { FrontMatterData, JsonValue } from '../../shared/api';
import { $isImageNode, loadDocument } from '../../shared/document';

/** One run of words in a changed block: kept, added, or removed. */
export interface WordPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

/** A block (paragraph, heading, list, …) that differs between the versions. */
export interface BlockChange {
  /** `added`: only in the newer text; `removed`: only in the older; `changed`: in both, with word changes. */
  kind: 'added' | 'removed' | 'changed';
  parts: WordPart[];
}

/** A front-matter field whose value differs; null where the field is absent on that side. */
export interface FieldChange {
  key: string;
  before: string | null;
  after: string | null;
}

/** The whole difference between an older and a newer version. */
export interface VersionDiff {
  fields: FieldChange[];
  blocks: BlockChange[];
}

/** The parts of a post the diff compares. */
export interface Comparable {
  frontMatter: FrontMatterData;
  body: string;
}

/** Compares `before` (older) with `after` (newer). `mdx` reads both bodies as MDX. */
export function versionDiff(before: Comparable, after: Comparable, options: { mdx?: boolean } = {}): VersionDiff {
  return {
    fields: fieldChanges(before.frontMatter, after.frontMatter),
    blocks: before.body === after.body ? [] : blockChanges(renderBlocks(before.body, options), renderBlocks(after.body, options)),
  };
}

/** True when nothing a reader would notice differs. */
export function isUnchanged(diff: VersionDiff): boolean {
  return diff.fields.length === 0 && diff.blocks.length === 0;
}

/**
 * The fields whose values differ, in the newer version's key order, then the fields it dropped.
 * Values are shown as a reader would type them: lists as "a, b", nested values as compact JSON.
 */
export function fieldChanges(before: FrontMatterData, after: FrontMatterData): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = [...Object.keys(after), ...Object.keys(before).filter((key) => !(key in after))];
  for (const key of keys) {
    const old = key in before ? showValue(before[key]!) : null;
    const next = key in after ? showValue(after[key]!) : null;
    if (old !== next) changes.push({ key, before: old, after: next });
  }
  return changes;
}

/** A front-matter value as one line of text. */
export function showValue(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) return value.map((item) => showValue(item)).join(', ');
  return JSON.stringify(value);
}

/**
 * The body's top-level blocks as the reader sees them: each block's text with its Markdown
 * rendered away and its whitespace collapsed; empty blocks are left out.
 */
export function renderBlocks(markdown: string, options: { mdx?: boolean } = {}): string[] {
  if (markdown.trim() === '') return [];
  const editor = loadDocument(markdown, { mdx: options.mdx === true });
  return editor
    .getEditorState()
    .read(() => $getRoot().getChildren().map($readableText))
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
}

// Images have no text content; a reader still sees them, so they count by their alt text.
function $readableText(block: LexicalNode): string {
  const images = $dfs(block)
    .map(({ node }) => node)
    .filter($isImageNode)
    .map((image) => `[Image: ${image.getPayload().alt || image.getPayload().src}]`);
  return [block.getTextContent(), ...images].join(' ');
}

/**
 * Lines the blocks up (equal blocks anchor the alignment), then pairs each run of removed blocks
 * with the run of added blocks in the same place: pairs become word diffs, the rest whole blocks.
 */
export function blockChanges(before: readonly string[], after: readonly string[]): BlockChange[] {
  const changes: BlockChange[] = [];
  const runs = diffArrays([...before], [...after]);
  for (let i = 0; i < runs.length; i += 1) {
    const run = runs[i]!;
    if (!run.added && !run.removed) continue;
    let removed: string[] = [];
    let added: string[] = [];
    if (run.removed) {
      removed = run.value;
      const next = runs[i + 1];
      if (next?.added) {
        added = next.value;
        i += 1;
      }
    } else {
      added = run.value;
    }
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k += 1) changes.push({ kind: 'changed', parts: wordParts(removed[k]!, added[k]!) });
    for (const text of removed.slice(paired)) changes.push({ kind: 'removed', parts: [{ text, change: 'removed' }] });
    for (const text of added.slice(paired)) changes.push({ kind: 'added', parts: [{ text, change: 'added' }] });
  }
  return changes;
}

/** The word-level difference of one block's two texts. */
export function wordParts(before: string, after: string): WordPart[] {
  return diffWords(before, after).map((part) => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
}

/** Words of unchanged text kept on each side of a change inside a long block. */
export const CONTEXT_WORDS = 12;

/**
 * Shapes a block's word parts for reading: whitespace at the edges of a change moves outside it
 * (so marks hug the words), a removal and the addition replacing it are kept a space apart, and
 * long unchanged stretches are cut to `context` words beside each change, with "…" for the rest.
 */
export function readableParts(parts: readonly WordPart[], context = CONTEXT_WORDS): WordPart[] {
  const out: WordPart[] = [];
  const push = (part: WordPart): void => {
    if (part.text === '') return;
    const last = out[out.length - 1];
    if (last && last.change === part.change) last.text += part.text;
    else out.push({ ...part });
  };
  for (const part of parts) {
    if (part.change === 'same') {
      push(part);
      continue;
    }
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.text) ?? [];
    push({ text: lead, change: 'same' });
    const previous = out[out.length - 1];
    if (previous && previous.change !== 'same' && previous.change !== part.change) push({ text: ' ', change: 'same' });
    push({ text: core, change: part.change });
    push({ text: trail, change: 'same' });
  }
  return out.map((part, index) => (part.change === 'same' ? { ...part, text: elide(part.text, context, index > 0, index < out.length - 1) } : part));
}

// Keeps `context` words next to each neighbouring change: the start of the text when a change
// comes before it, the end when one comes after it.
function elide(text: string, context: number, changeBefore: boolean, changeAfter: boolean): string {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const words = text.slice(lead.length).match(/\S+\s*/g) ?? [];
  const keep = (changeBefore ? context : 0) + (changeAfter ? context : 0);
  if (words.length <= keep + 2) return text;
  const head = changeBefore ? `${lead}${words.slice(0, context).join('')}` : '';
  const tail = changeAfter ? words.slice(words.length - context).join('') : '';
  return `${head}${head && !/\s$/.test(head) ? ' ' : ''}…${tail ? ' ' : ''}${tail}`;
}
