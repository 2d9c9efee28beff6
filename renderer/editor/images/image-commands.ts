/**
 * Editor commands for images, defined apart from the plugin that handles them so the toolbar,
 * the insert menu and the command palette can dispatch them without importing that plugin.
 */
import { createCommand, type LexicalCommand } from 'lexical';

/** Opens the image picker (choose a file, copy it into the site's media folder, ask for alt text). */
export const OPEN_IMAGE_PICKER_COMMAND: LexicalCommand<void> = createCommand('OPEN_IMAGE_PICKER_COMMAND');
