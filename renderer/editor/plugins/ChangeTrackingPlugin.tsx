/**
 * Tells the workspace when the writer changes the body (to mark the post unsaved) and keeps the
 * word count current. Loading a post and Lexical's own normalisation are not edits.
 */
import { useEffect } from 'react';
import { HISTORY_MERGE_TAG } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { whenIdle } from '../../app/idle';
import { WordTally } from './word-tally';

/** What the plugin reports. */
export interface ChangeTrackingProps {
  onEdit: () => void;
  onWords: (words: number) => void;
}

const COUNT_DELAY_MS = 250;
// A count must land eventually even on a machine that is never idle.
const IDLE_TIMEOUT_MS = 1000;

/** Reports body edits and word counts. */
export function ChangeTrackingPlugin({ onEdit, onWords }: ChangeTrackingProps): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelIdle = (): void => undefined;
    // Only the blocks an edit touched are recounted, but an undo recounts everything (tens of ms
    // at 100k words), so counting still waits for a pause in typing and then for the browser to
    // be idle, so it never holds up a keystroke.
    const tally = new WordTally();
    const count = () => onWords(editor.getEditorState().read(() => tally.$count()));
    const countWhenIdle = () => {
      clearTimeout(timer);
      cancelIdle();
      timer = setTimeout(() => {
        cancelIdle = whenIdle(count, IDLE_TIMEOUT_MS);
      }, COUNT_DELAY_MS);
    };
    count();
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      // Selection-only updates leave both sets empty.
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      tally.noteChanges(dirtyLeaves, dirtyElements.keys());
      // The post's body arriving (LoadBodyPlugin) and node-transform registration are tagged
      // history-merge: not edits, and counted at once so the count is there when the post is.
      if (tags.has(HISTORY_MERGE_TAG)) count();
      else {
        countWhenIdle();
        onEdit();
      }
    });
    return () => {
      clearTimeout(timer);
      cancelIdle();
      unregister();
    };
  }, [editor, onEdit, onWords]);

  return null;
}
