import { describe, expect, it, vi } from 'vitest';
import { appCommands, type CommandContext } from '../../../../renderer/commands/app-commands';
import { acceleratorLabel, ariaKeys, matchesAccelerator, type KeyEventLike } from '../../../../renderer/commands/keys';
import { commandForKey, keysOf, rankCommands, sheetSections } from '../../../../renderer/commands/registry';
import { createToolsStore } from '../../../../renderer/commands/tools-state';
import { createStore } from '../../../../renderer/app/store';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import type { WorkspaceController } from '../../../../renderer/app/workspace-controller';
import type { MenuCommand, PostDocument } from '../../../../shared/api';
import { acceleratorOf, APP_COMMAND_KEYS } from '../../../../shared/app-commands';

const key = (over: Partial<KeyEventLike>): KeyEventLike => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...over,
});

function context(options: { post?: boolean; publishWithoutAsking?: boolean } = {}) {
  const workspace = createStore(
    workspaceReducer,
    initialWorkspaceState({ path: '/sites/harbour', name: 'harbour', branch: 'main', collections: [] }),
  );
  if (options.post) {
    const doc = {
      path: 'content/posts/tides.md',
      kind: 'post',
      frontMatter: { title: 'Tides' },
      body: 'Text.\n',
      version: 'v1',
    } as unknown as PostDocument;
    workspace.dispatch({ type: 'open-done', doc });
  }
  const tools = createToolsStore();
  if (options.publishWithoutAsking) tools.dispatch({ type: 'settings', publishWithoutAsking: true });
  const controller = {
    save: vi.fn(async () => true),
    publish: vi.fn(async () => undefined),
    requestCloseRepository: vi.fn(async () => undefined),
  } as unknown as WorkspaceController;
  const sync = vi.fn();
  const value: CommandContext = {
    controller,
    workspace,
    tools,
    editor: () => null,
    sync,
    saveSettings: vi.fn(),
    focusPane: vi.fn(),
    mac: false,
  };
  return { value, controller, tools, sync };
}

describe('the command registry', () => {
  const commands = appCommands(false);

  it('runs the palette on Ctrl+Shift+P and F1, and never publishes on that chord', () => {
    const { value, controller, tools } = context({ post: true });
    const palette = commandForKey(
      commands,
      key({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true }),
      false,
      value,
    );
    expect(palette?.id).toBe('command-palette');
    palette?.run(value);
    expect(tools.getState().palette).toBe('commands');
    expect(commandForKey(commands, key({ key: 'F1', code: 'F1' }), false, value)?.id).toBe('command-palette');
    expect(controller.publish).not.toHaveBeenCalled();
  });

  it('asks before publishing from Ctrl+Shift+Enter, unless the writer turned the question off', () => {
    const asked = context({ post: true });
    const publish = commandForKey(
      commands,
      key({ key: 'Enter', code: 'Enter', ctrlKey: true, shiftKey: true }),
      false,
      asked.value,
    );
    expect(publish?.id).toBe('publish');
    publish?.run(asked.value);
    expect(asked.tools.getState().publishConfirm).toBe(true);
    expect(asked.controller.publish).not.toHaveBeenCalled();

    const direct = context({ post: true, publishWithoutAsking: true });
    publish?.run(direct.value);
    expect(direct.tools.getState().publishConfirm).toBe(false);
    expect(direct.controller.publish).toHaveBeenCalledTimes(1);
  });

  it('ignores keys of commands that cannot run now, and keys the editor handles itself', () => {
    const { value } = context();
    expect(commandForKey(commands, key({ key: 's', code: 'KeyS', ctrlKey: true }), false, value)).toBeNull();
    expect(commandForKey(commands, key({ key: 'f', code: 'KeyF', ctrlKey: true }), false, value)).toBeNull();
    const withPost = context({ post: true });
    expect(commandForKey(commands, key({ key: 'b', code: 'KeyB', ctrlKey: true }), false, withPost.value)).toBeNull();
    expect(
      commandForKey(commands, key({ key: 's', code: 'KeyS', ctrlKey: true, altKey: true }), false, withPost.value),
    ).toBeNull();
  });

  it('takes the menu commands’ labels and keys from the table the native menu is built from', () => {
    for (const mac of [false, true]) {
      const commands = appCommands(mac);
      for (const id of Object.keys(APP_COMMAND_KEYS) as MenuCommand[]) {
        const command = commands.find((candidate) => candidate.id === id);
        expect([command?.label, command?.shortcut]).toEqual([APP_COMMAND_KEYS[id].label, acceleratorOf(id, mac)]);
      }
    }
  });

  it('gives no two commands the same keys', () => {
    for (const mac of [false, true]) {
      const seen = new Map<string, string>();
      for (const command of appCommands(mac)) {
        for (const keys of keysOf(command)) {
          const label = acceleratorLabel(keys, mac);
          expect(seen.get(label), `${command.id} and ${seen.get(label)} share ${label}`).toBeUndefined();
          seen.set(label, command.id);
        }
      }
    }
  });

  it('prints the shortcuts sheet from the same list, grouped, formatting included', () => {
    const sections = sheetSections(commands);
    expect(sections.map((section) => section.group)).toEqual(['File', 'Edit', 'Format', 'Go', 'View']);
    const rows = sections.flatMap((section) =>
      section.commands.map(
        (command) =>
          `${command.label}: ${keysOf(command)
            .map((keys) => acceleratorLabel(keys, false))
            .join(' / ')}`,
      ),
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        'Publish…: Ctrl+Shift+Enter',
        'Command Palette…: Ctrl+Shift+P / F1',
        'Keyboard Shortcuts: Ctrl+/',
        'Bold: Ctrl+B',
        'Find: Ctrl+F',
        'Replace: Ctrl+H',
        'Next pane (leave the editor): F6 / Ctrl+F6',
      ]),
    );
  });

  it('finds commands fuzzily, best first, hiding those that cannot run', () => {
    const { value } = context({ post: true });
    expect(rankCommands(commands, 'pub', value)[0]?.command.id).toBe('publish');
    expect(rankCommands(commands, 'focus', value)[0]?.command.id).toBe('focus-mode');
    expect(rankCommands(commands, 'dark', value).map((row) => row.command.id)).toContain('theme-dark');
    const none = context();
    expect(rankCommands(commands, 'save', none.value).map((row) => row.command.id)).not.toContain('save');
  });
});

describe('accelerators', () => {
  it('match the platform command key and the physical key', () => {
    expect(
      matchesAccelerator(key({ key: 'Enter', metaKey: true, shiftKey: true }), 'CmdOrCtrl+Shift+Enter', true),
    ).toBe(true);
    expect(
      matchesAccelerator(key({ key: 'Enter', ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+Shift+Enter', true),
    ).toBe(false);
    expect(matchesAccelerator(key({ key: 'ƒ', code: 'KeyF', metaKey: true, altKey: true }), 'Cmd+Alt+F', true)).toBe(
      true,
    );
    expect(matchesAccelerator(key({ key: '/', code: 'Slash', ctrlKey: true }), 'CmdOrCtrl+/', false)).toBe(true);
  });

  it('read as the platform writes them', () => {
    expect(acceleratorLabel('CmdOrCtrl+Shift+Enter', false)).toBe('Ctrl+Shift+Enter');
    expect(acceleratorLabel('CmdOrCtrl+Shift+Enter', true)).toBe('⇧⌘↩');
    expect(ariaKeys('CmdOrCtrl+Shift+P', true)).toBe('Meta+Shift+P');
  });
});
