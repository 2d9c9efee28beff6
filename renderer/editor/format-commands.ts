/**
 * The editor's formatting commands in one table — name, shortcut, action — so the toolbar and the
 * keyboard plugin cannot drift apart. Only formats Markdown can hold are offered.
 */
import { $isCodeNode } from '@lexical/code';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { $isLinkNode } from '@lexical/link';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import type { BlockKind, FormatId, HeadingKind, SelectionFormats } from './format-list';

export {
  ariaShortcut,
  BLOCK_TYPES,
  FORMAT_COMMANDS,
  matchesShortcut,
  shortcutLabel,
  type BlockKind,
  type FormatCommand,
  type FormatId,
  type HeadingKind,
  type SelectionFormats,
  type Shortcut,
} from './format-list';

/** Runs a command on the editor (links are handled by the link popover, not here). */
export function runFormat(editor: LexicalEditor, id: Exclude<FormatId, 'link'>, current: BlockKind): void {
  switch (id) {
    case 'bold':
    case 'italic':
    case 'code':
      editor.dispatchCommand(FORMAT_TEXT_COMMAND, id);
      return;
    case 'undo':
      editor.dispatchCommand(UNDO_COMMAND, undefined);
      return;
    case 'redo':
      editor.dispatchCommand(REDO_COMMAND, undefined);
      return;
    case 'bullet':
    case 'number':
      if (current === id) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
      else
        editor.dispatchCommand(
          id === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
          undefined,
        );
      return;
    case 'paragraph':
      editor.update(() => $setBlockType('paragraph'));
      return;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'quote':
      editor.update(() => $toggleBlock(id, current));
      return;
  }
}

/** Makes the selected blocks paragraphs or headings of one level (the block-type menu: no toggling). */
export function $setBlockType(kind: 'paragraph' | HeadingKind): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  $setBlocksType(selection, () => (kind === 'paragraph' ? $createParagraphNode() : $createHeadingNode(kind)));
}

/** Turns the selected blocks into a heading or quote, or back into paragraphs when they already are one. */
export function $toggleBlock(kind: HeadingKind | 'quote', current: BlockKind): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  if (current === kind) $setBlocksType(selection, () => $createParagraphNode());
  else if (kind === 'quote') $setBlocksType(selection, () => $createQuoteNode());
  else $setBlocksType(selection, () => $createHeadingNode(kind));
}

/** Reads what the current selection looks like, for the toolbar's pressed states. */
export function $readSelectionFormats(): SelectionFormats | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const link = $findMatchingParent(anchor, (node) => $isLinkNode(node)) !== null;
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    code: selection.hasFormat('code'),
    link,
    block: $blockKind(anchor),
  };
}

function $blockKind(anchor: LexicalNode): BlockKind {
  const list = $getNearestNodeOfType(anchor, ListNode);
  if ($isListNode(list)) {
    const type = list.getListType();
    return type === 'bullet' ? 'bullet' : type === 'number' ? 'number' : 'check';
  }
  // The top-level block holding the caret (the root itself when the caret sits between blocks).
  const block =
    anchor.getKey() === 'root'
      ? null
      : $findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        });
  if ($isHeadingNode(block)) {
    const tag = block.getTag();
    return tag === 'h1' || tag === 'h2' || tag === 'h3' || tag === 'h4' ? tag : 'other';
  }
  if ($isQuoteNode(block)) return 'quote';
  if ($isCodeNode(block)) return 'code';
  return block?.getType() === 'paragraph' ? 'paragraph' : 'other';
}
