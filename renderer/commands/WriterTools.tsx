/**
 * The writer tools around the workspace: provides their store, runs the command registry from the
 * keyboard and the native menu, applies focus mode and the theme, and hosts the command palette,
 * the shortcuts sheet and the publish confirmation.
 */
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { RepoSettings } from '../../shared/api';
import { on } from '../api';
import { focusNextPane, isMac, useGlobalShortcuts } from '../app/use-global-shortcuts';
import { LoadBoundary } from '../app/LoadBoundary';
import { useMountedOnce } from '../app/use-mounted-once';
import { useController, useEditorRef, useWorkspaceStore } from '../app/WorkspaceContext';
import { useEditorChunk } from '../editor/editor-loader';
import { appCommands, requestPublish, type AppCommand, type CommandContext } from './app-commands';
import { ShortcutsSheet } from './ShortcutsSheet';
import { applyTheme, storedTheme } from './theme';
import { createToolsStore, ToolsContext, useTools, type ToolsState, type ToolsStore } from './tools-state';
import './commands.css';

// Loaded the first time they open: the palette reads the editor's outline (Lexical), the publish
// question shows the publish diff (the Markdown parser).
const CommandPalette = lazy(() => import('./CommandPalette').then((module) => ({ default: module.CommandPalette })));
const PublishConfirm = lazy(() => import('./PublishConfirm').then((module) => ({ default: module.PublishConfirm })));

/** Wraps the workspace's layout with the writer tools; `sync` is the sync controller's action. */
export function WriterTools({ sync, children }: { sync: () => void; children: ReactNode }) {
  const workspace = useWorkspaceStore();
  const controller = useController();
  const editorRef = useEditorRef();
  const [tools] = useState<ToolsStore>(() => createToolsStore(storedTheme()));
  const [context] = useState<CommandContext>(() => commandContext({ controller, workspace, tools, editorRef, sync }));
  // The insert menu's items join the list with the editor chunk (they act on an editor, and are
  // only available while one is mounted).
  const editorChunk = useEditorChunk();
  const commands = useMemo<AppCommand[]>(
    () => appCommands(context.mac, editorChunk?.insertCommands() ?? []),
    [context.mac, editorChunk],
  );
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
    return () => {
      live = false;
    };
  }, [tools, controller]);

  // Apart from the settings above: the list grows once the editor chunk arrives, the settings stay.
  useEffect(
    () =>
      // Menu items run the same commands as their keys (the menu only shows most accelerators).
      on('menu:command', ({ command }) => {
        if (command === 'publish') requestPublish(context);
        else if (command !== 'save' && command !== 'sync' && command !== 'open-repository')
          commands.find((item) => item.id === command)?.run(context);
      }),
    [context, commands],
  );

  return (
    <ToolsContext.Provider value={tools}>
      <FocusModeFrame />
      {children}
      <OnDemand when={(state) => state.palette !== null}>
        <CommandPalette commands={commands} context={context} />
      </OnDemand>
      <ShortcutsSheet commands={commands} mac={context.mac} />
      <OnDemand when={(state) => state.publishConfirm}>
        <PublishConfirm context={context} />
      </OnDemand>
    </ToolsContext.Provider>
  );
}

// A lazily loaded overlay: mounted the first time it opens (nothing shows while its chunk loads).
function OnDemand({ when, children }: { when: (state: ToolsState) => boolean; children: ReactNode }) {
  const mounted = useMountedOnce(useTools(when));
  return mounted ? (
    <LoadBoundary what="dialog">
      <Suspense fallback={null}>{children}</Suspense>
    </LoadBoundary>
  ) : null;
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
