/**
 * Ctrl+Home/End (Cmd+Up/Down on macOS), with or without Shift, reach the very start and end of a
 * long post. Off-screen blocks skip layout (long-post.css), and the browser moves the caret to the
 * document's edges by layout, so a skipped last block left the caret at its offset 0 and the
 * selection short of it. Just before such a key is handled, the first and last blocks are laid out
 * (`data-reach-edges`); the next other key takes that back, so typing never pays for them (see
 * long-post.css for what the keystroke bench showed).
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { isMac } from '../../app/use-global-shortcuts';

const ATTRIBUTE = 'data-reach-edges';

/** True for the keys that move the caret to the start or end of the whole document. */
export function isDocumentEdgeKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  mac = isMac(),
): boolean {
  if (event.altKey) return false;
  if (mac)
    return (
      event.metaKey &&
      (event.key === 'ArrowUp' || event.key === 'ArrowDown' || event.key === 'Home' || event.key === 'End')
    );
  return event.ctrlKey && (event.key === 'Home' || event.key === 'End');
}

/** Lays out the edge blocks around document-edge keys; renders nothing. */
export function DocumentEdgeKeysPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        const onKeyDown = (event: KeyboardEvent): void => {
          const target = event.currentTarget as HTMLElement;
          if (isDocumentEdgeKey(event)) target.setAttribute(ATTRIBUTE, '');
          else if (event.key !== 'Shift' && event.key !== 'Control' && event.key !== 'Meta')
            target.removeAttribute(ATTRIBUTE);
        };
        const onBlur = (event: FocusEvent): void => (event.currentTarget as HTMLElement).removeAttribute(ATTRIBUTE);
        // Capture: before Lexical's own listener and before the browser moves the caret.
        root?.addEventListener('keydown', onKeyDown, true);
        root?.addEventListener('blur', onBlur);
        return () => {
          root?.removeEventListener('keydown', onKeyDown, true);
          root?.removeEventListener('blur', onBlur);
        };
      }),
    [editor],
  );
  return null;
}
