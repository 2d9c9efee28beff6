/**
 * The native application menu. Commands that act on the open post (Save, Publish, Sync, Open Repository)
 * are sent to the UI as 'menu:command' events, so they follow the same path as the UI's own
 * buttons: the UI asks about unsaved work before switching repository, shows progress, and so on.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api';
import { acceleratorOf, APP_COMMAND_KEYS } from '../../shared/app-commands';

/** What the menu needs to know about the running app. */
export interface MenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  /** Packaged builds hide Reload and the developer tools. */
  isPackaged: boolean;
  /** Delivers a command to the UI. */
  send(command: MenuCommand): void;
}

/** The menu as a template (plain data, so tests can inspect it without Electron). */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  // Labels and accelerators come from the table the UI's command registry reads. The page handles
  // every one of these keys itself (web mode has no menu); the menu only shows them, so one
  // keypress never runs a command twice.
  const command = (id: MenuCommand): MenuItemConstructorOptions => {
    const accelerator = acceleratorOf(id, isMac);
    return {
      id,
      label: APP_COMMAND_KEYS[id].label,
      ...(accelerator ? { accelerator } : {}),
      registerAccelerator: false,
      click: () => options.send(id),
    };
  };

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('open-repository'),
      separator,
      command('save'),
      command('publish'),
      command('sync'),
      separator,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
      separator,
      command('find'),
      command('replace'),
    ],
  };
  const developer: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command('command-palette'),
      command('shortcuts'),
      separator,
      command('toggle-library'),
      command('toggle-inspector'),
      command('focus-mode'),
      separator,
      ...developer,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: isMac ? [] : [{ role: 'about', label: `About ${options.appName}` }],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** Builds the menu and installs it as the application menu. */
export function installMenu(options: MenuOptions): Menu {
  const menu = Menu.buildFromTemplate(menuTemplate(options));
  Menu.setApplicationMenu(menu);
  return menu;
}
