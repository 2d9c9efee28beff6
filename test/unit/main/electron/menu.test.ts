import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installMenu, menuTemplate } from '../../../../main/electron/menu';
import { Menu } from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label || item.role === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('menuTemplate', () => {
  it('sends Open Repository, Save, Publish and Sync to the UI with their shortcuts', () => {
    const send = vi.fn();
    const file = submenu(menuTemplate({ appName: 'Masthead', platform: 'linux', isPackaged: true, send }), 'File');
    const commands = file.filter((item) => item.click);
    expect(commands.map((item) => [item.label, item.accelerator])).toEqual([
      ['Open Repository…', 'CmdOrCtrl+O'],
      ['Save', 'CmdOrCtrl+S'],
      ['Publish', 'CmdOrCtrl+Shift+P'],
      ['Sync', 'CmdOrCtrl+Shift+Y'],
    ]);
    for (const item of commands) (item.click as () => void)();
    expect(send.mock.calls).toEqual([['open-repository'], ['save'], ['publish'], ['sync']]);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isPackaged: boolean) =>
      submenu(menuTemplate({ appName: 'Masthead', platform: 'linux', isPackaged, send: vi.fn() }), 'View').map((item) => item.role);
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
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
