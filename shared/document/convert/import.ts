/**
 * Markdown → Lexical at the top level, with block-level source preservation: every top-level
 * block records its exact source and the text up to the next block, and the import is recorded
 * (import-record.ts) so that `$exportMarkdown` writes an untouched block, or one whose
 * serialization still equals its serialization as imported, from that source, byte for byte.
 */
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $getRoot, $setState, type LexicalNode } from 'lexical';
import { segmentBlocks } from '../constructs/shortcode';
import { rawKindOf } from '../constructs/raw';
import { $createRawBlockNode } from '../constructs/raw/raw-block-node';
import { parseMarkdown, type ParseOptions } from '../markdown/parse';
import { inferDocStyle } from '../markdown/style';
import { blockSourceState, documentInfoState } from '../state';
import { $importBlock, $wouldMerge, collectDefinitions, createImportContext } from './import-context';
import { $recordImport } from './import-record';

let importCount = 0;

function newDocumentId(): string {
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
    if ($isListNode(block)) $numberListItems(block);
    blocks.push(block);
  }

  const root = $getRoot();
  root.clear();
  root.append(...blocks);

  // No block is serialized here: the export compares a block with its import only once it changed.
  const sources = blocks.map((block, index) => {
    const segment = segments[index]!;
    const next = segments[index + 1];
    const source = {
      source: markdown.slice(segment.start, segment.end),
      doc,
      index,
      type: block.getType(),
      gapAfter: next ? markdown.slice(segment.end, next.start) : '',
    };
    $setState(block, blockSourceState, source);
    return source;
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
  $recordImport(doc, blocks, sources, style);
}
