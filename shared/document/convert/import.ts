/**
 * Markdown → Lexical at the top level, with block-level source preservation: every top-level
 * block records its exact source and the text up to the next block, and the import is recorded
 * (import-record.ts) so that `$exportMarkdown` writes an untouched block, or one whose
 * serialization still equals its serialization as imported, from that source, byte for byte.
 * staged-import.ts imports a long post in parts through the same steps.
 */
import type { Root } from 'mdast';
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $getRoot, $setState, type LexicalNode } from 'lexical';
import { segmentBlocks, type Segment } from '../constructs/shortcode';
import { rawKindOf } from '../constructs/raw';
import { $createRawBlockNode } from '../constructs/raw/raw-block-node';
import { parseMarkdown, type ParseOptions } from '../markdown/parse';
import { inferDocStyle, type DocStyle } from '../markdown/style';
import { blockSourceState, documentInfoState, type BlockSource } from '../state';
import { $importBlock, $wouldMerge, collectDefinitions, createImportContext } from './import-context';
import { $recordImport } from './import-record';
import type { ImportContext } from './types';

let importCount = 0;

/** A new id for one import of a document: gaps between blocks are only reused within one. */
export function newDocumentId(): string {
  importCount += 1;
  return `${Date.now().toString(36)}-${importCount.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Numbers list items as Lexical's ListNode transform would when the import commits. Done now, while
 * the import still writes its nodes in place, the transform finds nothing to change, so the items
 * stay the very objects the import recorded (import-record.ts) and read as untouched.
 */
function $numberListItems(list: ListNode): void {
  let value = list.getStart();
  for (const child of list.getChildren()) {
    if (!$isListItemNode(child)) continue;
    if (child.getValue() !== value) child.setValue(value);
    for (const nested of child.getChildren()) if ($isListNode(nested)) $numberListItems(nested);
    if (!$isListNode(child.getFirstChild())) value += 1;
  }
}

/** The house style of a parsed document. */
export function documentStyle(tree: Root, markdown: string, options: ParseOptions): DocStyle {
  const style = inferDocStyle(tree, markdown);
  return options.mdx === true ? { ...style, mdx: true } : style;
}

/**
 * Builds the block of one segment of `text` (kept as raw source when no visitor can represent it,
 * or when Lexical would merge it into `previous`).
 */
export function $importSegment(
  segment: Segment,
  text: string,
  ctx: ImportContext,
  previous?: LexicalNode | null,
): LexicalNode {
  let block = segment.node ? $importBlock(segment.node, ctx) : null;
  if (!block || $wouldMerge(previous ?? undefined, block)) {
    block = $createRawBlockNode(
      text.slice(segment.start, segment.end),
      segment.node ? rawKindOf(segment.node.type) : 'template',
    );
  }
  if ($isListNode(block)) $numberListItems(block);
  return block;
}

/**
 * Stamps `block`, built from `segments[at]` of `text`, with its source as the block numbered
 * `index` of import `doc`; its gap runs to the next segment (none after the last).
 */
export function $stampSource(
  block: LexicalNode,
  text: string,
  segments: readonly Segment[],
  at: number,
  doc: string,
  index: number,
): BlockSource {
  const segment = segments[at]!;
  const next = segments[at + 1];
  const source: BlockSource = {
    source: text.slice(segment.start, segment.end),
    doc,
    index,
    type: block.getType(),
    gapAfter: next ? text.slice(segment.end, next.start) : '',
  };
  $setState(block, blockSourceState, source);
  return source;
}

/** Replaces the root's children with the document parsed from `markdown`. Call inside `editor.update`. */
export function $importMarkdown(markdown: string, options: ParseOptions = {}): void {
  $importParsed(parseMarkdown(markdown, options), markdown, options);
}

/** {@link $importMarkdown} of an already parsed `tree`. */
export function $importParsed(tree: Root, markdown: string, options: ParseOptions): void {
  const style = documentStyle(tree, markdown, options);
  const definitions = collectDefinitions(tree);
  const ctx = createImportContext(markdown, definitions);
  const segments = segmentBlocks(tree.children, markdown);
  const doc = newDocumentId();

  const blocks: LexicalNode[] = [];
  for (const segment of segments) blocks.push($importSegment(segment, markdown, ctx, blocks[blocks.length - 1]));

  const root = $getRoot();
  root.clear();
  root.append(...blocks);

  // No block is serialized here: the export compares a block with its import only once it changed.
  const sources = blocks.map((block, index) => $stampSource(block, markdown, segments, index, doc, index));

  const first = segments[0];
  const last = segments[segments.length - 1];
  $setState(root, documentInfoState, {
    doc,
    // With no blocks at all, the whitespace counts as trailing so new content goes before it.
    leading: first ? markdown.slice(0, first.start) : '',
    trailing: last ? markdown.slice(last.end) : markdown,
    hadBlocks: segments.length > 0,
    style,
    labels: [...definitions.values()].map((definition) => definition.label),
  });
  $recordImport(doc, blocks, sources, style);
}
