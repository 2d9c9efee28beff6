/**
 * Fills the editor with the post's body once every other plugin has registered. Importing in the
 * composer's initial state instead would run first, and each plugin's node transform registered
 * afterwards (lists, links, tables) marks every node of its type dirty: a second pass that clones
 * and reconciles every text node of the post. Imported here, the transforms run once, inside the
 * import. Must be the composer's last child: sibling effects run in order.
 */
import { useEffect } from 'react';
import { HISTORY_MERGE_TAG } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $importMarkdown, isMdxPath } from '../../../shared/document';

/** Imports `body` (read as MDX for `.mdx` paths) as the editor's first state. */
export function LoadBodyPlugin({ body, path }: { body: string; path: string }): null {
  const [editor] = useLexicalComposerContext();
  // A passive effect, like the plugins' own registrations (a layout effect would run before them).
  useEffect(() => {
    // Discrete: committed before anything else can read the editor (a save must never see it empty).
    // History-merge: loading is not an edit and leaves nothing to undo.
    editor.update(() => $importMarkdown(body, { mdx: isMdxPath(path) }), { discrete: true, tag: HISTORY_MERGE_TAG });
  }, [editor, body, path]);
  return null;
}
