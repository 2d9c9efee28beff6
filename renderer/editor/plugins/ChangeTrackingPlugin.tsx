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

/** Reports body edits and word counts. */
export function ChangeTrackingPlugin({ onEdit, onWords }: ChangeTrackingProps): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Counting walks the whole text, so it runs once typing pauses, never on each keystroke (a
    // text-content listener would rebuild the whole document's text after every update).
    const countWhenIdle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => onWords(countWords(editor.getEditorState().read(() => $getRoot().getTextContent()))), COUNT_DELAY_MS);
    };
    onWords(countWords(editor.getEditorState().read(() => $getRoot().getTextContent())));
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      // Selection-only updates leave both sets empty.
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      countWhenIdle();
      // The initial import and node-transform registration are tagged history-merge: not edits.
      if (!tags.has(HISTORY_MERGE_TAG)) onEdit();
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor, onEdit, onWords]);

  return null;
}
