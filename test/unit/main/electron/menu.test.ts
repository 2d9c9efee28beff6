import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installMenu, menuTemplate } from '../../../../main/electron/menu';
import type { MenuCommand } from '../../../../shared/api';
import { acceleratorOf, APP_COMMAND_KEYS } from '../../../../shared/app-commands';
import { Menu } from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label || item.role === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('menuTemplate', () => {
  it('sends Open Repository, Save, Publish and Sync to the UI with their shortcuts; Publish is not the palette chord', () => {
    const send = vi.fn();
    const file = submenu(menuTemplate({ appName: 'Masthead', platform: 'linux', isPackaged: true, send }), 'File');
    const commands = file.filter((item) => item.click);
    expect(commands.map((item) => [item.label, item.accelerator])).toEqual([
      ['Open Repository…', 'CmdOrCtrl+O'],
      ['Save', 'CmdOrCtrl+S'],
      ['Publish…', 'CmdOrCtrl+Shift+Enter'],
      ['Sync', 'CmdOrCtrl+Shift+Y'],
    ]);
    for (const item of commands) (item.click as () => void)();
    expect(send.mock.calls).toEqual([['open-repository'], ['save'], ['publish'], ['sync']]);
  });

  it('shows every writer-tool command with the label and keys of the table the command registry reads, and leaves the keys to the page', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const template = menuTemplate({ appName: 'Masthead', platform, isPackaged: true, send: vi.fn() });
      const items = template
        .flatMap((menu) => (menu.submenu ?? []) as MenuItemConstructorOptions[])
        .filter((item) => item.click);
      const mac = platform === 'darwin';
      expect(items.map((item) => item.id).sort()).toEqual(Object.keys(APP_COMMAND_KEYS).sort());
      for (const item of items) {
        const id = item.id as MenuCommand;
        expect([item.label, item.accelerator]).toEqual([APP_COMMAND_KEYS[id].label, acceleratorOf(id, mac)]);
        expect(item.registerAccelerator).toBe(false);
      }
      expect(items.find((item) => item.id === 'command-palette')?.accelerator).toBe('CmdOrCtrl+Shift+P');
      // Cmd+H hides the app on macOS: Replace is Cmd+Alt+F there.
      expect(items.find((item) => item.id === 'replace')?.accelerator).toBe(mac ? 'Cmd+Alt+F' : 'Ctrl+H');
    }
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isPackaged: boolean) =>
      submenu(menuTemplate({ appName: 'Masthead', platform: 'linux', isPackaged, send: vi.fn() }), 'View').map(
        (item) => item.role,
      );
    expect(roles(false)).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    );
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['zoomIn', 'togglefullscreen']));
  });

  it('has the platform menus: an app menu on macOS, Edit roles everywhere', () => {
    const mac = menuTemplate({ appName: 'Masthead', platform: 'darwin', isPackaged: true, send: vi.fn() });
    expect(mac.map((item) => item.label ?? item.role)).toEqual(['Masthead', 'File', 'Edit', 'View', 'Window', 'help']);
    const linux = menuTemplate({ appName: 'Masthead', platform: 'linux', isPackaged: true, send: vi.fn() });
    expect(linux.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'Window', 'help']);
    expect(submenu(linux, 'Edit').map((item) => item.role)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('installs the built menu as the application menu', () => {
    const menu = installMenu({ appName: 'Masthead', platform: 'linux', isPackaged: true, send: vi.fn() });
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(menu);
  });
});
