/**
 * GFM tables in the editor: Lexical's table plugin (cell selection, Tab/Shift+Tab between cells,
 * arrow keys), without the features GFM cannot store (merged cells, cell colours). A GFM cell is
 * one line, so Enter does not open a new paragraph inside it; and each column shows the
 * alignment its delimiter row gives it. The size picker, the table toolbar and the cell menu live
 * in ../tables/.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { TablePlugin as LexicalTablePlugin } from '@lexical/react/LexicalTablePlugin';
import { $findCellNode, $isTableNode, TableNode } from '@lexical/table';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  KEY_ENTER_COMMAND,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { $getTableAlign } from '../../../shared/document';
import { TablePickerPlugin } from '../tables/TablePickerPlugin';
import { TableToolbarPlugin } from '../tables/TableToolbarPlugin';

// table.css styles the alignment of this many columns.
const STYLED_COLUMNS = 12;

/** Exposes each column's alignment as `--ed-col-N-align` on the table's element (see editor.css). */
function showAlignment(editor: LexicalEditor, keys: Iterable<NodeKey>): void {
  editor.getEditorState().read(() => {
    for (const key of keys) {
      const node = $getNodeByKey(key);
      const element = editor.getElementByKey(key);
      if (!$isTableNode(node) || !element) continue;
      const align = $getTableAlign(node);
      // Up to the widest table the stylesheet styles, so a deleted column's alignment does not linger.
      for (let index = 0; index < Math.max(align.length, STYLED_COLUMNS); index += 1) {
        const property = `--ed-col-${index + 1}-align`;
        const value = align[index];
        if (value) element.style.setProperty(property, value);
        else element.style.removeProperty(property);
      }
    }
  });
}

/** Mounts table editing for the post body. */
export function TablePlugin() {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const unregisterEnter = editor.registerCommand(
      KEY_ENTER_COMMAND,
      (event) => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection) || !$findCellNode(selection.anchor.getNode())) return false;
        // A new paragraph would be joined back into the cell's one line on save: refuse it here.
        event?.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    );
    const unregisterAlign = editor.registerMutationListener(
      TableNode,
      (mutations) => {
        const changed = [...mutations].filter(([, mutation]) => mutation !== 'destroyed').map(([key]) => key);
        if (changed.length > 0) showAlignment(editor, changed);
      },
      { skipInitialization: false },
    );
    return () => {
      unregisterEnter();
      unregisterAlign();
    };
  }, [editor]);

  return (
    <>
      <LexicalTablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasTabHandler hasHorizontalScroll />
      <TablePickerPlugin />
      <TableToolbarPlugin />
    </>
  );
}
