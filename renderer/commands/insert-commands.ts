/**
 * The insert menu's items as palette commands. The items themselves (and what they insert) belong to
 * the editor's insert menu; until it exports its list, the palette offers none of them.
 */
import type { AppCommand } from './app-commands';

/** The insert commands (group "Insert"). */
export function insertCommands(): AppCommand[] {
  return [];
}
