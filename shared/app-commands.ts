/**
 * The app commands the native menu shows and the UI's command registry runs: one table of labels
 * and accelerators (Electron syntax), so the menu, the palette and the shortcuts sheet always agree.
 */
import type { MenuCommand } from './api';

/** A command's name and keys; `macAccelerator` replaces `accelerator` on macOS. */
export interface AppCommandKeys {
  label: string;
  accelerator?: string;
  macAccelerator?: string;
}

/** Every menu command's label and accelerator. */
export const APP_COMMAND_KEYS: Readonly<Record<MenuCommand, AppCommandKeys>> = {
  'open-repository': { label: 'Open Repository…', accelerator: 'CmdOrCtrl+O' },
  save: { label: 'Save', accelerator: 'CmdOrCtrl+S' },
  // Not Ctrl+Shift+P: that chord is every editor's command palette, and publishing must never be one slip away.
  publish: { label: 'Publish…', accelerator: 'CmdOrCtrl+Shift+Enter' },
  sync: { label: 'Sync', accelerator: 'CmdOrCtrl+Shift+Y' },
  find: { label: 'Find', accelerator: 'CmdOrCtrl+F' },
  // Cmd+H hides the app on macOS.
  replace: { label: 'Replace', accelerator: 'Ctrl+H', macAccelerator: 'Cmd+Alt+F' },
  'command-palette': { label: 'Command Palette…', accelerator: 'CmdOrCtrl+Shift+P' },
  shortcuts: { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/' },
  'toggle-library': { label: 'Show or Hide Library', accelerator: 'CmdOrCtrl+Shift+L' },
  // Not Shift+I: that opens the developer tools.
  'toggle-inspector': { label: 'Show or Hide Inspector', accelerator: 'CmdOrCtrl+Shift+K' },
  'focus-mode': { label: 'Focus Mode', accelerator: 'F8' },
};

/** The accelerator of `command` on macOS (`mac`) or elsewhere. */
export function acceleratorOf(command: MenuCommand, mac: boolean): string | undefined {
  const keys = APP_COMMAND_KEYS[command];
  return (mac ? keys.macAccelerator : undefined) ?? keys.accelerator;
}
