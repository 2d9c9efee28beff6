/** Hands the Lexical editor to the workspace (to export Markdown on save) and takes it back on unmount. */
import { useEffect, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

/** Keeps `editorRef` pointing at this editor while it is mounted. */
export function EditorHandlePlugin({ editorRef }: { editorRef: RefObject<LexicalEditor | null> }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editorRef.current = editor;
    return () => {
      if (editorRef.current === editor) editorRef.current = null;
    };
  }, [editor, editorRef]);
  return null;
}
