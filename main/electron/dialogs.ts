/** Native dialogs the back end asks for. */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';

const PICK_REPOSITORY: OpenDialogOptions = {
  title: 'Open Repository',
  buttonLabel: 'Open',
  properties: ['openDirectory'],
};

/** Shows the native folder picker (sheet of `window` when there is one); null when cancelled. */
export async function pickFolder(window: BrowserWindow | null): Promise<string | null> {
  const result = window
    ? await dialog.showOpenDialog(window, PICK_REPOSITORY)
    : await dialog.showOpenDialog(PICK_REPOSITORY);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
