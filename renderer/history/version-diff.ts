/**
 * What changed between two versions of a post, in the words a reader sees: front-matter fields as
 * "field: old → new", and the body rendered block by block to plain text (parsed by the same
 * Markdown parser the editor imports with), then diffed word by word. Markdown syntax that a
 * reader never sees (`**`, link targets, list markers) does not show up as a change.
 */
import { diffArrays, diffWords } from 'diff';
import type { RootContent } from 'mdast';
import type { FrontMatterData, JsonValue } from '../../shared/api';
import { parseMarkdown } from '../../shared/document';

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
    blocks: before.body === after.body ? [] : bodyChanges(before.body, after.body, options),
  };
}

/**
 * The changed blocks of two bodies. Parsing a long post takes a while (about 30 ms per thousand
 * words), so the bodies are first cut into their blank-line-separated chunks of source, cheaply;
 * chunks the same on both sides are the same blocks, and only the stretches that differ are parsed
 * and compared. Link definitions are lent to every stretch so links read as their words.
 */
export function bodyChanges(before: string, after: string, options: { mdx?: boolean } = {}): BlockChange[] {
  const definitions = [...new Set([...linkDefinitions(before), ...linkDefinitions(after)])].join('\n');
  const render = (chunks: string[]) =>
    chunks.length === 0 ? [] : renderBlocks(`${chunks.join('\n\n')}\n\n${definitions}\n`, options);
  const changes: BlockChange[] = [];
  const runs = diffArrays(sourceChunks(before), sourceChunks(after));
  for (let i = 0; i < runs.length; i += 1) {
    const run = runs[i]!;
    if (!run.added && !run.removed) continue;
    const next = runs[i + 1];
    const removed = run.removed ? run.value : [];
    const added = run.added ? run.value : next?.added ? next.value : [];
    if (run.removed && next?.added) i += 1;
    changes.push(...blockChanges(render(removed), render(added)));
  }
  return changes;
}

/**
 * The body's source cut at blank lines, except inside fenced code (whose blank lines belong to
 * it). Each chunk is a block or a few; the cut only has to be the same on both sides.
 */
export function sourceChunks(markdown: string): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) fence = marker;
    else if (
      fence !== null &&
      marker &&
      marker[0] === fence[0] &&
      marker.length >= fence.length &&
      line.trim() === marker
    )
      fence = null;
    if (fence === null && line.trim() === '') {
      if (current.length > 0) chunks.push(current.join('\n'));
      current = [];
      continue;
    }
    current.push(line);
  }
  if (current.length > 0) chunks.push(current.join('\n'));
  return chunks;
}

// `[label]: https://…` lines: reference links elsewhere in the post need them to read as links.
function linkDefinitions(markdown: string): string[] {
  return markdown.match(/^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm) ?? [];
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
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object'))
    return value.map((item) => showValue(item)).join(', ');
  return JSON.stringify(value);
}

/**
 * Markdown's top-level blocks as the reader sees them: each block's words with its Markdown
 * rendered away and its whitespace collapsed; empty blocks (link definitions) are left out. Read
 * from the syntax tree of the parser the editor imports with (building editor nodes would take
 * several times longer).
 */
export function renderBlocks(markdown: string, options: { mdx?: boolean } = {}): string[] {
  if (markdown.trim() === '') return [];
  const tree = parseMarkdown(markdown, { mdx: options.mdx === true });
  return tree.children.map((node) => readableText(node).replace(/\s+/g, ' ').trim()).filter((text) => text !== '');
}

// Blocks inside blocks (list items, table cells, quoted paragraphs) are words apart.
const BLOCK_CONTAINERS = new Set([
  'root',
  'list',
  'listItem',
  'blockquote',
  'table',
  'tableRow',
  'tableCell',
  'footnoteDefinition',
  'mdxJsxFlowElement',
]);

// Link definitions are never seen as text; images are, by their description.
function readableText(node: RootContent): string {
  switch (node.type) {
    case 'definition':
      return '';
    case 'image':
    case 'imageReference':
      return ` [Image: ${node.alt || ('url' in node ? node.url : '')}] `;
    case 'break':
      return ' ';
  }
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (!('children' in node)) return '';
  const separator = BLOCK_CONTAINERS.has(node.type) ? ' ' : '';
  return (node.children as RootContent[]).map(readableText).join(separator);
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
  return diffWords(before, after).map((part) => ({
    text: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }));
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
  return out.map((part, index) =>
    part.change === 'same' ? { ...part, text: elide(part.text, context, index > 0, index < out.length - 1) } : part,
  );
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
