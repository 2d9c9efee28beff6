/**
 * Keeps a floating control (a table's toolbar, a code block's language select) placed over the
 * text it belongs to: `place` runs now and whenever the editor updates, the text reflows without an
 * update (an image loading above, the window resizing), the page scrolls, or focus moves.
 */
import { useLayoutEffect } from 'react';
import type { LexicalEditor } from 'lexical';

/** Runs `place` on every change that can move the text it follows (keep `place` stable with useCallback). */
export function useFollowLayout(editor: LexicalEditor, place: () => void): void {
  useLayoutEffect(() => {
    place();
    const unregister = editor.registerUpdateListener(() => place());
    const resize = new ResizeObserver(() => place());
    const root = editor.getRootElement();
    if (root) resize.observe(root);
    window.addEventListener('scroll', place, true);
    // Focus leaving for no element (a click on the page's margin) only shows once it has left.
    const placeLater = () => setTimeout(place, 0);
    document.addEventListener('focusin', place);
    document.addEventListener('focusout', placeLater);
    return () => {
      unregister();
      resize.disconnect();
      window.removeEventListener('scroll', place, true);
      document.removeEventListener('focusin', place);
      document.removeEventListener('focusout', placeLater);
    };
  }, [editor, place]);
}
