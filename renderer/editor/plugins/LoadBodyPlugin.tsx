/**
 * Fills the editor with the post's body once every other plugin has registered. Importing in the
 * composer's initial state instead would run first, and each plugin's node transform registered
 * afterwards (lists, links, tables) marks every node of its type dirty: a second pass that clones
 * and reconciles every text node of the post. Imported here, the transforms run once, inside the
 * import. Must be the composer's last child: sibling effects run in order. A long post arrives
 * in parts (body-loading.ts).
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { loadBody } from '../body-loading';

/** Imports `body` (read as MDX for `.mdx` paths) as the editor's first state. */
export function LoadBodyPlugin({ body, path }: { body: string; path: string }): null {
  const [editor] = useLexicalComposerContext();
  // A passive effect, like the plugins' own registrations (a layout effect would run before them).
  useEffect(() => loadBody(editor, body, path), [editor, body, path]);
  return null;
}
