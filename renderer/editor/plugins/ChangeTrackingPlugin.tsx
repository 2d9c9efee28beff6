/**
 * Tells the workspace when the writer changes the body (to mark the post unsaved) and keeps the
 * word count current. Loading a post and Lexical's own normalisation are not edits.
 */
import { useEffect } from 'react';
import { $getRoot, HISTORY_MERGE_TAG } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { countWords } from '../../app/format';

/** What the plugin reports. */
export interface ChangeTrackingProps {
  onEdit: () => void;
  onWords: (words: number) => void;
}

const COUNT_DELAY_MS = 250;
// A count must land eventually even on a machine that is never idle.
const IDLE_TIMEOUT_MS = 1000;

// requestIdleCallback is missing from some environments (Safari, test DOMs): fall back to a timer.
const requestIdle = (callback: () => void): number =>
  typeof window.requestIdleCallback === 'function'
    ? window.requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS })
    : window.setTimeout(callback, 0);
const cancelIdle = (handle: number): void =>
  typeof window.cancelIdleCallback === 'function' ? window.cancelIdleCallback(handle) : window.clearTimeout(handle);

/** Reports body edits and word counts. */
export function ChangeTrackingPlugin({ onEdit, onWords }: ChangeTrackingProps): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;
    const count = () => onWords(countWords(editor.getEditorState().read(() => $getRoot().getTextContent())));
    // Counting walks the whole text (tens of ms at 100k words), so it runs once typing pauses,
    // never on each keystroke, and then only when the browser is idle so it does not hold up a
    // keystroke that arrives just as the pause ends.
    const countWhenIdle = () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdle(idle);
      idle = undefined;
      timer = setTimeout(() => {
        idle = requestIdle(() => {
          idle = undefined;
          count();
        });
      }, COUNT_DELAY_MS);
    };
    count();
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      // Selection-only updates leave both sets empty.
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      countWhenIdle();
      // The initial import and node-transform registration are tagged history-merge: not edits.
      if (!tags.has(HISTORY_MERGE_TAG)) onEdit();
    });
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdle(idle);
      unregister();
    };
  }, [editor, onEdit, onWords]);

  return null;
}
