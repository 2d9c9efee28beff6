/**
 * The app's commands: every action of the workspace in one list (see registry.ts). Menu commands
 * take their labels and accelerators from shared/app-commands.ts, formatting from the editor's
 * FORMAT_COMMANDS, so the native menu, the toolbar, the palette and the sheet stay in step.
 */
import type { LexicalEditor } from 'lexical';
import type { MenuCommand, RepoSettings } from '../../shared/api';
import { acceleratorOf, APP_COMMAND_KEYS } from '../../shared/app-commands';
import type { Store } from '../app/store';
import type { WorkspaceController } from '../app/workspace-controller';
import type { InspectorTab, WorkspaceAction, WorkspaceState } from '../app/workspace-state';
import { loadedEditorChunk } from '../editor/editor-loader';
import { FORMAT_COMMANDS, type Shortcut } from '../editor/format-list';
import type { Command } from './registry';
import { applyTheme, storeTheme } from './theme';
import type { ThemeChoice, ToolsStore } from './tools-state';

/** What the commands act on. */
export interface CommandContext {
  controller: WorkspaceController;
  workspace: Store<WorkspaceState, WorkspaceAction>;
  tools: ToolsStore;
  /** The mounted editor, or null between posts. */
  editor: () => LexicalEditor | null;
  sync: () => void;
  /** Stores writer-tool settings for the repository. */
  saveSettings: (changes: Partial<RepoSettings>) => void;
  /** Moves focus to the next (or previous) pane, as F6 does. */
  focusPane: (backwards: boolean) => void;
  mac: boolean;
}

/** An app command. */
export type AppCommand = Command<CommandContext>;

const hasPost = (context: CommandContext) => context.workspace.getState().post !== null;
const hasBody = (context: CommandContext) =>
  context.workspace.getState().post?.doc.kind === 'post' && context.editor() !== null;

/** A menu command's label and keys for this platform. */
function menuKeys(command: MenuCommand, mac: boolean): { label: string; shortcut?: string } {
  const shortcut = acceleratorOf(command, mac);
  return { label: APP_COMMAND_KEYS[command].label, ...(shortcut ? { shortcut } : {}) };
}

/** A formatting shortcut (always with Ctrl/Cmd) in accelerator syntax. */
export function formatAccelerator(shortcut: Shortcut): string {
  return ['CmdOrCtrl', shortcut.alt && 'Alt', shortcut.shift && 'Shift', shortcut.key.toUpperCase()]
    .filter(Boolean)
    .join('+');
}

/** Publish from the keyboard or menu: asks first (showing what will be published) unless the writer turned that off. */
export function requestPublish(context: CommandContext): void {
  const state = context.workspace.getState();
  if (!state.post || state.publish.running) return;
  if (context.tools.getState().publishWithoutAsking) void context.controller.publish();
  else context.tools.dispatch({ type: 'publish-confirm', open: true });
}

/** Focus mode on or off, remembered for the repository. */
export function setFocusMode(context: CommandContext, on: boolean): void {
  context.tools.dispatch({ type: 'settings', focusMode: on });
  context.saveSettings({ focusMode: on });
}

function setTheme(context: CommandContext, theme: ThemeChoice): void {
  context.tools.dispatch({ type: 'theme', theme });
  storeTheme(theme);
  applyTheme(theme);
}

function showTab(context: CommandContext, tab: InspectorTab): void {
  const { workspace } = context;
  workspace.dispatch({ type: 'tab', tab });
  if (!workspace.getState().inspectorOpen) workspace.dispatch({ type: 'toggle-inspector' });
}

// Runs a formatting command as its toolbar button would: on the editor, focus back in the text.
function runOnEditor(context: CommandContext, action: (editor: LexicalEditor) => void): void {
  const editor = context.editor();
  if (!editor) return;
  editor.focus(() => action(editor));
}

function formatCommands(): AppCommand[] {
  return FORMAT_COMMANDS.map((format): AppCommand => {
    const isHistory = format.id === 'undo' || format.id === 'redo';
    return {
      id: `format.${format.id}`,
      label: format.label,
      group: isHistory ? 'Edit' : 'Format',
      shortcut: formatAccelerator(format.shortcut),
      keysHandledBy: 'editor',
      available: hasBody,
      run: (context) =>
        runOnEditor(context, (editor) => {
          // A mounted editor means its chunk has loaded.
          const chunk = loadedEditorChunk();
          if (!chunk) return;
          if (format.id === 'link') editor.dispatchCommand(chunk.OPEN_LINK_EDITOR_COMMAND, undefined);
          else
            chunk.runFormat(
              editor,
              format.id,
              editor.getEditorState().read(() => chunk.$readSelectionFormats()?.block ?? 'other'),
            );
        }),
    };
  });
}

/** Every command of the workspace, in the order the sheet lists them. */
export function appCommands(mac: boolean, extra: readonly AppCommand[] = []): AppCommand[] {
  const toggle = (
    id: string,
    label: string,
    get: (context: CommandContext) => boolean,
    set: (context: CommandContext, on: boolean) => void,
    shortcut?: string,
    keywords?: string,
  ): AppCommand => ({
    id,
    label,
    group: 'View',
    ...(shortcut ? { shortcut } : {}),
    ...(keywords ? { keywords } : {}),
    run: (context) => set(context, !get(context)),
  });
  const tools = (context: CommandContext) => context.tools.getState();
  return [
    {
      id: 'save',
      ...menuKeys('save', mac),
      group: 'File',
      available: hasPost,
      run: (context) => void context.controller.save(),
    },
    {
      id: 'publish',
      ...menuKeys('publish', mac),
      group: 'File',
      keywords: 'commit push',
      available: hasPost,
      run: requestPublish,
    },
    {
      id: 'sync',
      ...menuKeys('sync', mac),
      group: 'File',
      keywords: 'pull push fetch',
      run: (context) => context.sync(),
    },
    {
      id: 'history',
      label: 'Show history',
      group: 'File',
      keywords: 'versions restore',
      available: hasPost,
      run: (context) => showTab(context, 'history'),
    },
    {
      id: 'publish-without-asking',
      label: 'Publish from the keyboard without asking',
      group: 'File',
      keywords: 'setting confirm',
      run: (context) => {
        const on = !tools(context).publishWithoutAsking;
        context.tools.dispatch({ type: 'settings', publishWithoutAsking: on });
        context.saveSettings({ publishWithoutAsking: on });
      },
    },
    {
      id: 'open-repository',
      ...menuKeys('open-repository', mac),
      group: 'File',
      keywords: 'close switch',
      run: (context) => void context.controller.requestCloseRepository(),
    },

    {
      id: 'find',
      ...menuKeys('find', mac),
      group: 'Edit',
      keywords: 'search',
      available: hasBody,
      run: (context) => context.tools.dispatch({ type: 'find', replace: false }),
    },
    {
      id: 'replace',
      ...menuKeys('replace', mac),
      group: 'Edit',
      keywords: 'find',
      available: hasBody,
      run: (context) => context.tools.dispatch({ type: 'find', replace: true }),
    },
    {
      id: 'find-next',
      label: 'Next match',
      group: 'Edit',
      shortcut: 'F3',
      available: (context) => tools(context).find !== null,
      run: (context) => context.tools.dispatch({ type: 'find-step', backwards: false }),
    },
    {
      id: 'find-previous',
      label: 'Previous match',
      group: 'Edit',
      shortcut: 'Shift+F3',
      available: (context) => tools(context).find !== null,
      run: (context) => context.tools.dispatch({ type: 'find-step', backwards: true }),
    },
    ...formatCommands(),
    ...extra,

    {
      id: 'go-to-post',
      label: 'Go to post…',
      group: 'Go',
      shortcut: 'CmdOrCtrl+P',
      keywords: 'open quick',
      run: (context) => context.tools.dispatch({ type: 'palette', mode: 'posts' }),
    },
    {
      id: 'go-to-heading',
      label: 'Go to heading… (outline)',
      group: 'Go',
      shortcut: 'CmdOrCtrl+Shift+O',
      keywords: 'outline jump section',
      available: hasBody,
      run: (context) => context.tools.dispatch({ type: 'palette', mode: 'headings' }),
    },
    {
      id: 'switch-collection',
      label: 'Switch collection…',
      group: 'Go',
      keywords: 'library',
      run: (context) => context.tools.dispatch({ type: 'palette', mode: 'collections' }),
    },
    {
      id: 'search-posts',
      label: 'Search posts',
      group: 'Go',
      shortcut: 'CmdOrCtrl+Shift+F',
      keywords: 'library filter',
      run: () => document.querySelector<HTMLInputElement>('#library-search')?.focus(),
    },
    {
      id: 'next-pane',
      label: 'Next pane (leave the editor)',
      group: 'Go',
      shortcut: 'F6',
      alsoKeys: ['Ctrl+F6'],
      sheetOnly: true,
      run: (context) => context.focusPane(false),
    },
    {
      id: 'previous-pane',
      label: 'Previous pane',
      group: 'Go',
      shortcut: 'Shift+F6',
      alsoKeys: ['Ctrl+Shift+F6'],
      sheetOnly: true,
      run: (context) => context.focusPane(true),
    },
    {
      id: 'show-fields',
      label: 'Show fields',
      group: 'Go',
      keywords: 'front matter inspector',
      available: hasPost,
      run: (context) => showTab(context, 'fields'),
    },
    {
      id: 'show-seo',
      label: 'Show SEO checks',
      group: 'Go',
      keywords: 'preview inspector',
      available: hasPost,
      run: (context) => showTab(context, 'seo'),
    },
    {
      id: 'show-publish',
      label: 'Show publish panel',
      group: 'Go',
      keywords: 'changes diff inspector',
      available: hasPost,
      run: (context) => showTab(context, 'publish'),
    },

    {
      id: 'command-palette',
      ...menuKeys('command-palette', mac),
      group: 'View',
      alsoKeys: ['F1'],
      keywords: 'commands',
      sheetOnly: true,
      run: (context) => context.tools.dispatch({ type: 'palette', mode: 'commands' }),
    },
    {
      id: 'shortcuts',
      ...menuKeys('shortcuts', mac),
      group: 'View',
      keywords: 'keys help',
      run: (context) => context.tools.dispatch({ type: 'sheet', open: true }),
    },
    {
      id: 'toggle-library',
      ...menuKeys('toggle-library', mac),
      group: 'View',
      keywords: 'pane sidebar',
      run: (context) => context.workspace.dispatch({ type: 'toggle-library' }),
    },
    {
      id: 'toggle-inspector',
      ...menuKeys('toggle-inspector', mac),
      group: 'View',
      keywords: 'pane sidebar',
      run: (context) => context.workspace.dispatch({ type: 'toggle-inspector' }),
    },
    toggle(
      'focus-mode',
      APP_COMMAND_KEYS['focus-mode'].label,
      (context) => tools(context).focusMode,
      setFocusMode,
      acceleratorOf('focus-mode', mac),
      'zen distraction dim',
    ),
    toggle(
      'typewriter',
      'Typewriter scrolling',
      (context) => tools(context).typewriter,
      (context, on) => {
        context.tools.dispatch({ type: 'settings', typewriter: on });
        context.saveSettings({ typewriterScrolling: on });
      },
      'F9',
      'centre caret',
    ),
    {
      id: 'theme',
      label: 'Theme…',
      group: 'View',
      keywords: 'dark light appearance colour',
      run: (context) => context.tools.dispatch({ type: 'palette', mode: 'themes' }),
    },
    {
      id: 'theme-light',
      label: 'Theme: Light',
      group: 'View',
      keywords: 'appearance',
      run: (context) => setTheme(context, 'light'),
    },
    {
      id: 'theme-dark',
      label: 'Theme: Dark',
      group: 'View',
      keywords: 'appearance',
      run: (context) => setTheme(context, 'dark'),
    },
    {
      id: 'theme-system',
      label: 'Theme: Follow the system',
      group: 'View',
      keywords: 'appearance auto',
      run: (context) => setTheme(context, 'system'),
    },
  ];
}
