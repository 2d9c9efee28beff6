/**
 * Blocks described in words for a merge dialog: `Paragraph 3 (“The first skeins of brent
 * geese…”)`, `Heading “What the tide tables leave out”`, `New text after List 1 (“Wool…”)`.
 * Numbers count blocks of the same kind, as a writer would count paragraphs on the page.
 */
import type { SourceBlock } from './blocks';

const KIND_LABELS: Readonly<Record<string, string>> = {
  paragraph: 'Paragraph',
  heading: 'Heading',
  list: 'List',
  table: 'Table',
  code: 'Code block',
  blockquote: 'Quote',
  thematicBreak: 'Divider',
  html: 'HTML block',
  definition: 'Link definition',
  footnoteDefinition: 'Footnote',
  template: 'Shortcode',
  templateTag: 'Shortcode',
  mdxJsxFlowElement: 'Component',
  mdxjsEsm: 'Import',
  mdxFlowExpression: 'Expression',
  math: 'Math block',
};

const EXCERPT_LENGTH = 32;

/** What a writer calls a block of this kind (`Paragraph`, `List`…). */
function blockKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? 'Block';
}

/**
 * The block at `index` of `blocks` in words: kind, its number among blocks of that kind, and the
 * start of its text. Headings are named by their text, which is how a writer finds them.
 */
export function describeBlock(blocks: readonly SourceBlock[], index: number): string {
  const block = blocks[index];
  if (!block) return 'The end of the post';
  const excerpt = blockExcerpt(block.content, block.kind);
  if (block.kind === 'heading') return excerpt === '' ? 'Heading' : `Heading “${excerpt}”`;
  const tag = block.kind === 'template' ? templateName(block.content) : null;
  if (tag !== null) return `Shortcode “${tag}”`;
  const ordinal = blocks.slice(0, index + 1).filter((other) => other.kind === block.kind).length;
  const label = `${blockKindLabel(block.kind)} ${ordinal}`;
  return excerpt === '' ? label : `${label} (“${excerpt}”)`;
}

/**
 * A conflict region in words. `base` is the base document, `index` where the region starts and
 * `count` how many base blocks it covers; `added` is a side's first block, for text that only
 * one or both sides inserted.
 */
export function describeRegion(
  base: readonly SourceBlock[],
  index: number,
  count: number,
  added?: { content: string },
): string {
  if (count > 0) {
    const first = describeBlock(base, index);
    return count === 1 ? first : `${first} and the ${count - 1 === 1 ? 'block' : `${count - 1} blocks`} after it`;
  }
  const what = added ? newText(added) : 'New text';
  if (index === 0) return `${what} at the start`;
  return `${what} after ${lowerFirst(describeBlock(base, index - 1))}`;
}

function newText(added: { content: string }): string {
  const excerpt = blockExcerpt(added.content, 'paragraph');
  return excerpt === '' ? 'New text' : `New text (“${excerpt}”)`;
}

function lowerFirst(text: string): string {
  // Only the kind word is lowered: the excerpt keeps the writer's capitals.
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** The name of the paired shortcode a block opens with (`details` for `{{< details … >}}`), or null. */
function templateName(content: string): string | null {
  const match = /^\s*\{\{[<%]\s*([^\s/<>%}]+)|^\s*\{%-?\s*([A-Za-z_][\w-]*)/.exec(content);
  return match?.[1] ?? match?.[2] ?? null;
}

/**
 * The start of a block's visible text, Markdown marks removed, cut at a word with `…`. A table
 * is named by its header cells, a list by its first item, a code block by its first line of code.
 */
export function blockExcerpt(content: string, kind = 'paragraph'): string {
  let lines = content.split('\n');
  if (kind === 'table') return cut(splitCells(lines[0] ?? '').join(', '));
  if (kind === 'list') lines = lines.slice(0, 1);
  if (kind === 'code') lines = /^\s*(?:`{3,}|~{3,})/.test(lines[0] ?? '') ? lines.slice(1, 2) : lines.slice(0, 1);
  const text = lines
    .map((line) => line.replace(/^\s*(?:>\s*)*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)?/, ''))
    .filter((line) => !/^\s*(?:[-=]{3,}|```.*|~~~.*|\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?)\s*$/.test(line))
    .join(' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_`~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cut(text);
}

function splitCells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => blockExcerpt(cell))
    .filter((cell) => cell !== '');
}

function cut(text: string): string {
  if (text.length <= EXCERPT_LENGTH) return text;
  const head = text.slice(0, EXCERPT_LENGTH + 1);
  const space = head.lastIndexOf(' ');
  return `${(space > EXCERPT_LENGTH / 2 ? head.slice(0, space) : head.slice(0, EXCERPT_LENGTH)).replace(/[\s,;:.]+$/, '')}…`;
}
