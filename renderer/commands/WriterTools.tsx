/**
 * The writer tools around the workspace: provides their store, runs the command registry from the
 * keyboard and the native menu, applies focus mode and the theme, and hosts the command palette,
 * the shortcuts sheet and the publish confirmation.
 */
import { useEffect, useMemo, useState, type ReactNode, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { RepoSettings } from '../../shared/api';
import { on } from '../api';
import { focusNextPane, isMac, useGlobalShortcuts } from '../app/use-global-shortcuts';
import { useController, useEditorRef, useWorkspaceStore } from '../app/WorkspaceContext';
import { appCommands, requestPublish, type AppCommand, type CommandContext } from './app-commands';
import { CommandPalette } from './CommandPalette';
import { insertCommands } from './insert-commands';
import { PublishConfirm } from './PublishConfirm';
import { ShortcutsSheet } from './ShortcutsSheet';
import { applyTheme, storedTheme } from './theme';
import { createToolsStore, ToolsContext, useTools, type ToolsStore } from './tools-state';
import './commands.css';

/** Wraps the workspace's layout with the writer tools; `sync` is the sync controller's action. */
export function WriterTools({ sync, children }: { sync: () => void; children: ReactNode }) {
  const workspace = useWorkspaceStore();
  const controller = useController();
  const editorRef = useEditorRef();
  const [tools] = useState<ToolsStore>(() => createToolsStore(storedTheme()));
  const [context] = useState<CommandContext>(() => commandContext({ controller, workspace, tools, editorRef, sync }));
  const commands = useMemo<AppCommand[]>(() => appCommands(context.mac, insertCommands()), [context.mac]);
  useGlobalShortcuts(commands, context);

  useEffect(() => {
    applyTheme(tools.getState().theme);
    let live = true;
    controller.readSettings().then(
      (settings) =>
        live &&
        tools.dispatch({
          type: 'stored-settings',
          focusMode: settings.focusMode,
          typewriter: settings.typewriterScrolling,
          publishWithoutAsking: settings.publishWithoutAsking,
        }),
      (error: unknown) => console.warn('Masthead: could not read the writer-tool settings.', error),
    );
    // Menu items run the same commands as their keys (the menu only shows most accelerators).
    const offMenu = on('menu:command', ({ command }) => {
      if (command === 'publish') requestPublish(context);
      else if (command !== 'save' && command !== 'sync' && command !== 'open-repository')
        commands.find((item) => item.id === command)?.run(context);
    });
    return () => {
      live = false;
      offMenu();
    };
  }, [tools, context, commands, controller]);

  return (
    <ToolsContext.Provider value={tools}>
      <FocusModeFrame />
      {children}
      <CommandPalette commands={commands} context={context} />
      <ShortcutsSheet commands={commands} mac={context.mac} />
      <PublishConfirm context={context} />
    </ToolsContext.Provider>
  );
}

// Focus mode hides the panes by an attribute on the root, so the workspace's own layout stays as it is.
function FocusModeFrame(): null {
  const focusMode = useTools((state) => state.focusMode);
  const typewriter = useTools((state) => state.typewriter);
  useEffect(() => {
    const root = document.documentElement;
    root.toggleAttribute('data-focus-mode', focusMode);
    root.toggleAttribute('data-typewriter', typewriter);
    return () => {
      root.removeAttribute('data-focus-mode');
      root.removeAttribute('data-typewriter');
    };
  }, [focusMode, typewriter]);
  return null;
}

// Built once per workspace: every handle in it lives as long as the workspace does.
function commandContext(
  handles: Pick<CommandContext, 'controller' | 'workspace' | 'tools' | 'sync'> & {
    editorRef: RefObject<LexicalEditor | null>;
  },
): CommandContext {
  const { editorRef, ...rest } = handles;
  return {
    ...rest,
    editor: () => editorRef.current,
    saveSettings: (changes: Partial<RepoSettings>) => {
      rest.controller
        .saveSettings(changes)
        .catch((error: unknown) => console.warn('Masthead: could not keep the setting.', error));
    },
    focusPane: focusNextPane,
    mac: isMac(),
  };
}
