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
    return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      // Selection-only updates leave both sets empty; the initial import and node-transform
      // registration are tagged history-merge.
      if (tags.has(HISTORY_MERGE_TAG) || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
      onEdit();
    });
  }, [editor, onEdit]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Counting is cheap but not free on a long post: count once typing pauses.
    const schedule = (text: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => onWords(countWords(text)), COUNT_DELAY_MS);
    };
    onWords(countWords(editor.read(() => $getRoot().getTextContent())));
    const unregister = editor.registerTextContentListener(schedule);
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor, onWords]);

  return null;
}
