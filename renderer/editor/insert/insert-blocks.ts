/**
 * Putting a new block where the caret is: an empty paragraph (what "/" or a fresh line leaves)
 * is replaced by the new block, any other block gets it after itself, so inserting never splits
 * or rewrites text the writer already has.
 */
import { $createCodeNode } from '@lexical/code';
import { $isTableCellNode, $isTableNode } from '@lexical/table';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { $createRawBlockNode, $createThematicBreakNode } from '../../../shared/document';

/** The top-level block of the body holding the caret, or null when there is no caret in the body. */
export function $caretBlock(): LexicalNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  if ($isRootNode(anchor)) return anchor.getChildAtIndex(selection.anchor.offset) ?? anchor.getLastChild();
  // The body's own block: a table cell is a shadow root too, but nothing is inserted inside one.
  return $findMatchingParent(anchor, (node) => $isRootNode(node.getParent()));
}

function $isEmptyParagraph(node: LexicalNode | null): boolean {
  return $isParagraphNode(node) && node.getTextContent().trim() === '' && node.getChildrenSize() === 0;
}

/**
 * Inserts a block at the caret: in place of an empty paragraph, else after the caret's block (at
 * the end of the body when there is no caret). Returns the inserted block.
 */
export function $insertBlock<T extends LexicalNode>(node: T): T {
  const block = $caretBlock();
  if (block && $isEmptyParagraph(block)) block.replace(node);
  else if (block) block.insertAfter(node);
  else $getRoot().append(node);
  return node;
}

/** Makes sure something editable follows `node`, so the caret can always leave a block. */
export function $paragraphAfter(node: LexicalNode): ElementNode {
  const next = node.getNextSibling();
  if ($isParagraphNode(next)) return next;
  const paragraph = $createParagraphNode();
  node.insertAfter(paragraph);
  return paragraph;
}

/**
 * Moves the caret out of a table into a new paragraph after it. A GFM cell holds one line of
 * text, so a heading, list or quote chosen there is made below the table instead.
 */
export function $leaveTable(): void {
  const block = $caretBlock();
  if (!$isTableNode(block)) return;
  const selection = $getSelection();
  if ($isRangeSelection(selection) && !$findMatchingParent(selection.anchor.getNode(), $isTableCellNode)) return;
  const paragraph = $createParagraphNode();
  block.insertAfter(paragraph);
  paragraph.select();
}

/** Inserts an empty fenced code block and puts the caret in it. */
export function $insertCodeBlock(): void {
  const code = $insertBlock($createCodeNode());
  $paragraphAfter(code);
  code.selectStart();
}

/** Inserts a horizontal rule; the caret stays in (or moves to) the paragraph after it. */
export function $insertHorizontalRule(): void {
  const block = $caretBlock();
  const rule = $createThematicBreakNode();
  if (block && $isEmptyParagraph(block)) {
    block.insertBefore(rule);
    if ($isElementNode(block)) block.selectStart();
    return;
  }
  if (block) block.insertAfter(rule);
  else $getRoot().append(rule);
  $paragraphAfter(rule).selectStart();
}

/** Inserts an empty raw block (HTML or a site's shortcode), written to the file exactly as typed. */
export function $insertRawBlock(): void {
  const raw = $insertBlock($createRawBlockNode('', 'html'));
  $paragraphAfter(raw);
  raw.selectStart();
}
