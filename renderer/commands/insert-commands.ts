/**
 * The insert menu's items (renderer/editor/insert/insert-items.ts) as palette commands, so "Insert:
 * Table" is one Ctrl+Shift+P away. What each inserts, and how, stays the insert menu's.
 */
import type { LexicalEditor } from 'lexical';
import { INSERT_ITEMS } from '../editor/insert/insert-items';
import type { AppCommand } from './app-commands';

/** The insert commands (group "Insert"), in the insert menu's order. */
export function insertCommands(): AppCommand[] {
  return INSERT_ITEMS.map((item) => ({
    id: `insert.${item.id}`,
    label: `Insert ${item.label.charAt(0).toLowerCase()}${item.label.slice(1)}`,
    group: 'Insert',
    keywords: item.keywords.join(' '),
    available: (context) => context.workspace.getState().post?.doc.kind === 'post' && context.editor() !== null,
    run: (context) => {
      const editor: LexicalEditor | null = context.editor();
      // Back into the text first: the item inserts at the editor's selection.
      editor?.focus(() => item.run(editor));
    },
  }));
}
