/**
 * Markdown → Lexical at the top level, with block-level source preservation: every top-level
 * block records its exact source, the text up to the next block, and a fingerprint (its own
 * serialization right after import). `$exportMarkdown` writes a block whose serialization still
 * equals the fingerprint from that source, byte for byte.
 */
import { $getRoot, $setState, type LexicalNode } from 'lexical';
import { segmentBlocks } from '../constructs/shortcode';
import { rawKindOf } from '../constructs/raw';
import { $createRawBlockNode } from '../constructs/raw/raw-block-node';
import { parseMarkdown, type ParseOptions } from '../markdown/parse';
import { inferDocStyle } from '../markdown/style';
import { blockSourceState, documentInfoState } from '../state';
import { $serializeBlock } from './export-context';
import { $importBlock, $wouldMerge, collectDefinitions, createImportContext } from './import-context';

let importCount = 0;

function newDocumentId(): string {
  importCount += 1;
  return `${Date.now().toString(36)}-${importCount.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Replaces the root's children with the document parsed from `markdown`. Call inside `editor.update`. */
export function $importMarkdown(markdown: string, options: ParseOptions = {}): void {
  const tree = parseMarkdown(markdown, options);
  const style = options.mdx === true ? { ...inferDocStyle(tree, markdown), mdx: true } : inferDocStyle(tree, markdown);
  const definitions = collectDefinitions(tree);
  const ctx = createImportContext(markdown, definitions);
  const segments = segmentBlocks(tree.children, markdown);
  const doc = newDocumentId();

  const blocks: LexicalNode[] = [];
  for (const segment of segments) {
    const source = markdown.slice(segment.start, segment.end);
    let block = segment.node ? $importBlock(segment.node, ctx) : null;
    if (!block || $wouldMerge(blocks[blocks.length - 1], block)) {
      block = $createRawBlockNode(source, segment.node ? rawKindOf(segment.node.type) : 'template');
    }
    blocks.push(block);
  }

  const root = $getRoot();
  root.clear();
  root.append(...blocks);

  // Fingerprints are taken once the blocks are attached: some exports read their parents
  // (a list item's checkbox depends on its list's type).
  blocks.forEach((block, index) => {
    const segment = segments[index];
    if (!segment) return;
    const next = segments[index + 1];
    $setState(block, blockSourceState, {
      source: markdown.slice(segment.start, segment.end),
      fingerprint: $serializeBlock(block, style, 'preserve'),
      doc,
      index,
      type: block.getType(),
      gapAfter: next ? markdown.slice(segment.end, next.start) : '',
    });
  });

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
}
