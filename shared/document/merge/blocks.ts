/**
 * A Markdown body cut into its top-level blocks, the units of a three-way merge. The boundaries
 * are the document model's own (the importer's segments: one per root child of the mdast tree,
 * with a paired shortcode and its content kept as one), so a merge and the editor agree on what a
 * block is. Cutting is lossless: `head + Σ(content + gap) + tail` is the text again.
 */
import { segmentBlocks } from '../constructs/shortcode';
import { parseMarkdown } from '../markdown/parse';

/** Options for reading a body; `mdx` for `.mdx` posts, as the editor reads them. */
export interface BlockOptions {
  mdx?: boolean;
}

/** One top-level block: its own source and the spacing that follows it. */
export interface SourceBlock {
  /** The mdast type of the block (`paragraph`, `heading`, `list`…), or `template` for a paired shortcode. */
  kind: string;
  /** The block's source from its first to its last character. */
  content: string;
  /**
   * The text between this block and the next (blank lines, indentation). The last block's gap
   * is always '' (what follows it is the body's tail), so appending after it shows as a change
   * of that gap rather than of the block.
   */
  gap: string;
  /** Heading depth (1–6) for headings, so a description can say which heading. */
  depth?: number;
}

/** A body cut into blocks. */
export interface BlockSplit {
  /** Text before the first block (usually the blank line after the front matter). */
  head: string;
  blocks: SourceBlock[];
  /** Text after the last block (usually the final newline); the whole text when there is no block. */
  tail: string;
}

/** Cuts a Markdown body into its top-level blocks. */
export function splitBlocks(markdown: string, options: BlockOptions = {}): BlockSplit {
  const tree = parseMarkdown(markdown, { mdx: options.mdx === true });
  const segments = segmentBlocks(tree.children, markdown);
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (!first || !last) return { head: '', blocks: [], tail: markdown };
  const blocks = segments.map((segment, index): SourceBlock => {
    const next = segments[index + 1];
    const block: SourceBlock = {
      kind: segment.node ? segment.node.type : 'template',
      content: markdown.slice(segment.start, segment.end),
      gap: next ? markdown.slice(segment.end, next.start) : '',
    };
    if (segment.node?.type === 'heading') block.depth = segment.node.depth;
    return block;
  });
  return { head: markdown.slice(0, first.start), blocks, tail: markdown.slice(last.end) };
}

/** The text of a split, joined back. */
export function joinBlocks(split: BlockSplit): string {
  return split.head + split.blocks.map((block) => block.content + block.gap).join('') + split.tail;
}
