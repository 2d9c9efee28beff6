/**
 * Editor commands for tables, apart from the plugin that handles them so the insert menu and the
 * command palette can dispatch them without importing it.
 */
import { createCommand, type LexicalCommand } from 'lexical';

/** Opens the rows × columns picker at the caret; choosing a size inserts the table there. */
export const OPEN_TABLE_PICKER_COMMAND: LexicalCommand<void> = createCommand('OPEN_TABLE_PICKER_COMMAND');
