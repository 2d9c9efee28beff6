/**
 * Tab never leaves the editor by accident. In a list item Tab nests the item under the one above
 * (Shift+Tab brings it back out), saved as a nested Markdown list in the list's own style; in a
 * code block Tab types a tab; anywhere else it does nothing, so the writer's next keystrokes still
 * land in the post. Tables keep Lexical's own Tab (next cell). Leaving the editor from the
 * keyboard is F6 / Shift+F6 (next / previous pane, see use-global-shortcuts.ts) or Escape then Tab.
 */
import { useEffect } from 'react';
import { $isCodeNode } from '@lexical/code';
import { $isListItemNode, $isListNode, type ListItemNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  BLUR_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_EDITOR,
  KEY_DOWN_COMMAND,
  KEY_TAB_COMMAND,
  type LexicalNode,
} from 'lexical';

/** One keyboard shortcut of the editor's focus and list keys, for the shortcuts sheet and palette. */
export interface EditorKey {
  id: string;
  label: string;
  /** Electron accelerator syntax, when the keys are one chord. */
  accelerator?: string;
  /** The keys as a writer reads them. */
  keys: string;
}

/** The keys this plugin (and the pane cycling it relies on) gives the editor. */
export const EDITOR_FOCUS_KEYS: readonly EditorKey[] = [
  { id: 'list-indent', label: 'Indent list item (nest it under the item above)', accelerator: 'Tab', keys: 'Tab' },
  { id: 'list-outdent', label: 'Outdent list item', accelerator: 'Shift+Tab', keys: 'Shift+Tab' },
  { id: 'next-pane', label: 'Move to the next pane (library, editor, inspector)', accelerator: 'F6', keys: 'F6' },
  { id: 'previous-pane', label: 'Move to the previous pane', accelerator: 'Shift+F6', keys: 'Shift+F6' },
  { id: 'leave-editor', label: 'Leave the editor for the next control', keys: 'Escape, then Tab' },
];

// The items a Tab acts on: every list item the selection touches, outermost selected first.
function $selectedListItems(): ListItemNode[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const items = new Map<string, ListItemNode>();
  for (const node of [selection.anchor.getNode(), ...selection.getNodes(), selection.focus.getNode()]) {
    const item = $isListItemNode(node) ? node : $findMatchingParent(node, $isListItemNode);
    // A wrapper item (holding only a nested list) is not something the writer selected.
    if ($isListItemNode(item) && !isWrapper(item)) items.set(item.getKey(), item);
  }
  return [...items.values()];
}

function isWrapper(item: ListItemNode): boolean {
  const children = item.getChildren();
  return children.length > 0 && children.every((child: LexicalNode) => $isListNode(child));
}

// Markdown can only nest an item under an earlier item of the same list.
function canIndent(item: ListItemNode): boolean {
  return item.getPreviousSibling() !== null;
}

/** Mounts the Tab handling; renders nothing. */
export function TabIndentPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let escaped = false;
    return mergeRegister(
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (event.key === 'Escape') escaped = true;
          else if (event.key !== 'Tab' && event.key !== 'Shift') escaped = false;
          return false;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          escaped = false;
          return false;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        KEY_TAB_COMMAND,
        () => {
          if (!escaped) return false;
          // Escape, then Tab: handled here (so tables do not take it) without preventing the
          // default, so the browser moves focus on as it would from any other control.
          escaped = false;
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        KEY_TAB_COMMAND,
        (event) => {
          event.preventDefault();
          const selection = $getSelection();
          if ($isRangeSelection(selection) && $findMatchingParent(selection.anchor.getNode(), $isCodeNode)) {
            if (!event.shiftKey) selection.insertText('\t');
            return true;
          }
          const items = $selectedListItems();
          if (event.shiftKey) {
            for (const item of items) if (item.getIndent() > 0) item.setIndent(item.getIndent() - 1);
          } else if (items.length > 0 && items.every(canIndent)) {
            for (const item of items) item.setIndent(item.getIndent() + 1);
          }
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    );
  }, [editor]);
  return null;
}
