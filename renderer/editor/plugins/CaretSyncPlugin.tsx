/**
 * Keys act where the caret is on screen. The browser tells Lexical that the caret moved with a
 * `selectionchange` event, which it queues behind input: a key pressed just after a caret move
 * (Ctrl+End, then Enter, while the page is busy with a long post's rest, an idle step or a garbage
 * collection) reached Lexical before that event, and Enter split the paragraph where the caret had
 * been, a shortcut formatted the old selection. So before each key, when the page's caret is not
 * where Lexical's selection is, Lexical is handed the `selectionchange` it would have handled a
 * moment later, and reads the caret first.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelectionFromDom, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

/** True when the page's caret (or selection) is not where the editor's selection is. */
export function caretMovedUnseen(editor: LexicalEditor, domSelection: Selection | null): boolean {
  return editor.getEditorState().read(
    () => {
      const current = $getSelection();
      // Node and table selections are the editor's own: the page's caret does not describe them.
      if (!$isRangeSelection(current) || domSelection === null || domSelection.rangeCount === 0) return false;
      const seen = $createRangeSelectionFromDom(domSelection, editor);
      return seen !== null && !(seen.anchor.is(current.anchor) && seen.focus.is(current.focus));
    },
    { editor },
  );
}

/** Lets the editor read a caret move it has not been told of before it handles a key; renders nothing. */
export function CaretSyncPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        if (root === null) return;
        const document = root.ownerDocument;
        const onKeyDown = (event: KeyboardEvent): void => {
          // A key of an input method's composition is the composition's own.
          if (event.isComposing || event.keyCode === 229 || MODIFIERS.has(event.key)) return;
          if (caretMovedUnseen(editor, document.getSelection())) document.dispatchEvent(new Event('selectionchange'));
        };
        // Capture: before Lexical's own keydown listener on the same element.
        root.addEventListener('keydown', onKeyDown, true);
        return () => root.removeEventListener('keydown', onKeyDown, true);
      }),
    [editor],
  );
  return null;
}
