/**
 * The formatting shortcuts Lexical does not bind itself (inline code, link, headings, lists,
 * quote, and Ctrl+Y for redo on Windows and Linux), read from the same table as the toolbar.
 */
import { useEffect } from 'react';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND, REDO_COMMAND } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { isMac } from '../../app/use-global-shortcuts';
import { $readSelectionFormats, FORMAT_COMMANDS, matchesShortcut, runFormat } from '../format-commands';
import { OPEN_LINK_EDITOR_COMMAND } from './LinkEditorPlugin';

/** Binds the non-native formatting shortcuts while the editor has focus. */
export function KeyboardShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!isMac() && event.ctrlKey && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'y') {
            event.preventDefault();
            return editor.dispatchCommand(REDO_COMMAND, undefined);
          }
          const command = FORMAT_COMMANDS.find((item) => !item.native && matchesShortcut(event, item.shortcut));
          if (!command) return false;
          event.preventDefault();
          if (command.id === 'link') return editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined);
          // Command listeners run inside an update, so the selection can be read directly.
          runFormat(editor, command.id, $readSelectionFormats()?.block ?? 'other');
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  return null;
}
