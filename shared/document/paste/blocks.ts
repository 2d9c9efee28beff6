/**
 * Pasted Markdown → Lexical blocks, through the same block importer `$importMarkdown` uses, but
 * without replacing the document: the blocks carry no recorded source, so they are written out
 * fresh in the post's own style while every block around them keeps its bytes.
 */
import {
  $getRoot,
  $getSelection,
  $isRootNode,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { rawKindOf } from '../constructs/raw';
import { $createRawBlockNode } from '../constructs/raw/raw-block-node';
import { segmentBlocks } from '../constructs/shortcode';
import { $importBlock, $wouldMerge, collectDefinitions, createImportContext } from '../convert/import-context';
import { parseMarkdown } from '../markdown/parse';

/** The top-level blocks of `markdown`, detached, ready to insert. Call inside `editor.update`. */
export function $pastedBlocks(markdown: string): LexicalNode[] {
  const tree = parseMarkdown(markdown);
  const ctx = createImportContext(markdown, collectDefinitions(tree));
  const blocks: LexicalNode[] = [];
  for (const segment of segmentBlocks(tree.children, markdown)) {
    let block = segment.node ? $importBlock(segment.node, ctx) : null;
    if (!block || $wouldMerge(blocks[blocks.length - 1], block)) {
      block = $createRawBlockNode(
        markdown.slice(segment.start, segment.end),
        segment.node ? rawKindOf(segment.node.type) : 'template',
      );
    }
    blocks.push(block);
  }
  return blocks;
}

/**
 * Inserts pasted Markdown at the selection as a writer expects: one paragraph flows into the
 * text at the caret; several blocks split the paragraph there, the first and last pasted
 * paragraphs joining the text before and after the caret, and a pasted heading or list stays its
 * own block. Returns false when there is no text selection to paste into.
 */
export function $insertPastedMarkdown(markdown: string): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const blocks = $pastedBlocks(markdown);
  if (blocks.length === 0) return true;
  if (!selection.isCollapsed()) selection.removeText();
  const single = blocks.length === 1 ? blocks[0] : undefined;
  if ($isParagraphNode(single)) {
    selection.insertNodes(single.getChildren());
    $caretAfterText();
    return true;
  }
  const anchorNode = selection.anchor.getNode();
  const current = $isRootNode(anchorNode) ? null : anchorNode.getTopLevelElement();
  if (current === null) {
    $getRoot().append(...blocks);
    selectEnd(blocks[blocks.length - 1]);
    return true;
  }
  if (!$isParagraphNode(current)) {
    // In a list item, heading, quote or table cell: a first paragraph flows in at the caret; the
    // other blocks follow the container rather than being forced into it (a heading in a list item).
    const rest = [...blocks];
    const first = rest[0];
    if ($isParagraphNode(first)) {
      selection.insertNodes(first.getChildren());
      rest.shift();
    }
    let after: LexicalNode = current;
    for (const block of rest) {
      after.insertAfter(block);
      after = block;
    }
    if (rest.length > 0) selectEnd(lastDescendant(after));
    $caretAfterText();
    return true;
  }
  const after = selection.insertParagraph();
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  const end = lastDescendant(last);
  if ($isParagraphNode(first) && !current.isEmpty()) {
    current.append(...first.getChildren());
    blocks.shift();
  }
  let anchor: LexicalNode = current;
  for (const block of blocks) {
    if (block.getParent() !== null) continue;
    anchor.insertAfter(block);
    anchor = block;
  }
  if (after && $isParagraphNode(last) && last.getParent() !== null) {
    last.append(...after.getChildren());
    after.remove();
  } else if (after) {
    $trimEdge(after, 'start');
    if (after.isEmpty()) after.remove();
  }
  if (current.getNextSibling() !== null && !$isParagraphNode(current.getNextSibling())) $trimEdge(current, 'end');
  if (current.isEmpty() && current.getNextSibling() !== null) current.remove();
  selectEnd(end);
  $caretAfterText();
  return true;
}

/**
 * A caret at the very end of pasted text is moved to the same place expressed after the text node:
 * Lexical's Markdown typing shortcuts read a caret inside text as "just typed", and would turn a
 * pasted `**word**` (plain paste, or escaped text) into bold.
 */
function $caretAfterText(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.type !== 'text') return;
  const text = selection.anchor.getNode();
  const parent = text.getParent();
  if (!$isTextNode(text) || parent === null || selection.anchor.offset !== text.getTextContentSize()) return;
  const index = text.getIndexWithinParent() + 1;
  selection.anchor.set(parent.getKey(), index, 'element');
  selection.focus.set(parent.getKey(), index, 'element');
}

function lastDescendant(node: LexicalNode | undefined): LexicalNode | undefined {
  return $isElementNode(node) ? (node.getLastDescendant() ?? node) : node;
}

function selectEnd(node: LexicalNode | undefined): void {
  if (!node || node.getParent() === null) return;
  if ($isTextNode(node)) {
    const size = node.getTextContentSize();
    node.select(size, size);
  } else if ($isElementNode(node)) (node as ElementNode).selectEnd();
  else node.selectNext(0, 0);
}

/** The space left at a split (`Hello ⟨heading⟩`) would be saved as `&#x20;`: drop it. */
function $trimEdge(block: ElementNode, edge: 'start' | 'end'): void {
  const text = edge === 'start' ? block.getFirstDescendant() : block.getLastDescendant();
  if (!$isTextNode(text)) return;
  const value = text.getTextContent();
  const trimmed = edge === 'start' ? value.trimStart() : value.trimEnd();
  if (trimmed === value) return;
  if (trimmed === '') text.remove();
  else text.setTextContent(trimmed);
}
