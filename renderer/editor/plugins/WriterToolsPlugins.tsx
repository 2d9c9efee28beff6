/**
 * The writer tools inside the editor: the find bar, focus mode's "current paragraph", typewriter
 * scrolling and the selection's word and character counts. Each listens only while it is on.
 */
import { useEffect } from 'react';
import {
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  COMMAND_PRIORITY_LOW,
  SELECTION_CHANGE_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isListItemNode, $isListNode } from '@lexical/list';
import { countWords } from '../../app/format';
import { useTools, useToolsStore } from '../../commands/tools-state';
import { FindBar } from '../find/FindBar';

/** Mounts every in-editor writer tool. */
export function WriterToolsPlugins() {
  return (
    <>
      <FindBar />
      <FocusModePlugin />
      <TypewriterPlugin />
      <SelectionCountPlugin />
    </>
  );
}

// The root's child holding the caret: table cells are shadow roots, so walk up to the real root.
function $caretTopBlock(): LexicalNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  return $findMatchingParent(anchor, (node) => {
    const parent = node.getParent();
    return parent !== null && $isRootOrShadowRoot(parent) && parent.getParent() === null;
  });
}

/** Focus mode: marks the block holding the caret, so CSS can dim every other one. */
function FocusModePlugin(): null {
  const [editor] = useLexicalComposerContext();
  const on = useTools((state) => state.focusMode);
  useEffect(() => {
    if (!on) return;
    let marked: HTMLElement | null = null;
    let markedItem: HTMLElement | null = null;
    const mark = () => {
      const [key, itemKey] = editor.getEditorState().read(() => {
        const block = $caretTopBlock();
        // In a list, the paragraph is the item: the list's other items are dimmed too.
        const selection = $getSelection();
        const anchor = $isRangeSelection(selection) ? selection.anchor.getNode() : null;
        const item =
          anchor && $isListNode(block)
            ? $findMatchingParent(anchor, (node) => $isListItemNode(node) && node.getParent() === block)
            : null;
        return [block?.getKey() ?? null, item?.getKey() ?? null];
      });
      const element = key ? editor.getElementByKey(key) : null;
      const itemElement = itemKey ? editor.getElementByKey(itemKey) : null;
      if (element !== marked) {
        marked?.removeAttribute('data-focus-current');
        element?.setAttribute('data-focus-current', '');
        marked = element;
      }
      if (itemElement !== markedItem) {
        markedItem?.removeAttribute('data-focus-item');
        itemElement?.setAttribute('data-focus-item', '');
        markedItem = itemElement;
      }
    };
    mark();
    const off = editor.registerUpdateListener(mark);
    return () => {
      off();
      marked?.removeAttribute('data-focus-current');
      markedItem?.removeAttribute('data-focus-item');
    };
  }, [editor, on]);
  return null;
}

/** Typewriter scrolling: after each change of text or caret, the caret's line is scrolled to the middle of the page. */
function TypewriterPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const on = useTools((state) => state.typewriter);
  useEffect(() => {
    if (!on) return;
    let frame = 0;
    // The caret moved by the keyboard (typing, arrows, Page Down), not by a click or a drag: a
    // selection being dragged with the mouse must not scroll away under the pointer.
    let byKeyboard = false;
    const centre = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => centreCaret(editor));
    };
    const onKey = () => {
      byKeyboard = true;
    };
    const onPointer = () => {
      byKeyboard = false;
    };
    const off = mergeRegister(
      editor.registerRootListener((root, previous) => {
        previous?.removeEventListener('keydown', onKey);
        previous?.removeEventListener('pointerdown', onPointer);
        root?.addEventListener('keydown', onKey);
        root?.addEventListener('pointerdown', onPointer);
      }),
      editor.registerUpdateListener(() => {
        // Only while the writer works in the text; a find-bar jump or a reload scrolls its own way.
        if (byKeyboard && editor.getRootElement()?.contains(document.activeElement)) centre();
      }),
    );
    return () => {
      cancelAnimationFrame(frame);
      off();
      const root = editor.getRootElement();
      root?.removeEventListener('keydown', onKey);
      root?.removeEventListener('pointerdown', onPointer);
    };
  }, [editor, on]);
  return null;
}

function centreCaret(editor: LexicalEditor): void {
  const root = editor.getRootElement();
  const selection = window.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || !root.contains(selection.focusNode)) return;
  const range = selection.getRangeAt(0).cloneRange();
  range.collapse(false);
  let rect = range.getBoundingClientRect();
  // A collapsed range in an empty line has no box: use its element's.
  if (rect.height === 0 && selection.focusNode instanceof Element) rect = selection.focusNode.getBoundingClientRect();
  const scroller = root.closest<HTMLElement>('.page__scroll');
  if (!scroller || rect.height === 0) return;
  const view = scroller.getBoundingClientRect();
  const offset = rect.top + rect.height / 2 - (view.top + view.height / 2);
  if (Math.abs(offset) > 2) scroller.scrollTop += offset;
}

/** Counts the selected words and characters for the status bar (nothing while the selection is collapsed). */
function SelectionCountPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const tools = useToolsStore();
  useEffect(() => {
    let frame = 0;
    const count = () => {
      cancelAnimationFrame(frame);
      // Once per frame at most: Shift+Arrow held down changes the selection at key-repeat speed.
      frame = requestAnimationFrame(() => {
        const counts = editor.getEditorState().read(() => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
          const text = selection.getTextContent();
          return { words: countWords(text), characters: [...text.replace(/\n/g, '')].length };
        });
        tools.dispatch({ type: 'selection', counts });
      });
    };
    const off = mergeRegister(
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          count();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size > 0 || dirtyLeaves.size > 0) count();
      }),
    );
    return () => {
      cancelAnimationFrame(frame);
      off();
      tools.dispatch({ type: 'selection', counts: null });
    };
  }, [editor, tools]);
  return null;
}
