/**
 * The writer tools' own small state — which overlay is open (palette, shortcuts sheet, find bar,
 * publish confirmation), focus mode, typewriter scrolling, theme, and the selection's counts — kept
 * apart from the workspace's store so these views never re-render the panes.
 */
import { createContext, useContext, useEffect } from 'react';
import { createStore, useStoreSelector, type Store } from '../app/store';
import type { CollectionId } from '../../shared/api';

/** What the palette lists. */
export type PaletteMode = 'commands' | 'posts' | 'headings' | 'collections' | 'themes';

/** Light, dark, or whatever the system says. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** The selection's size, shown in the status bar while text is selected. */
export interface SelectionCounts {
  words: number;
  characters: number;
}

/** Everything the writer tools show. */
export interface ToolsState {
  palette: PaletteMode | null;
  sheet: boolean;
  /** The find bar, with its replace row or without; null when closed. */
  find: { replace: boolean; opened: number } | null;
  publishConfirm: boolean;
  focusMode: boolean;
  typewriter: boolean;
  publishWithoutAsking: boolean;
  /** The settings the writer changed here: stored values arriving later do not undo them. */
  chosen: ReadonlyArray<SettingName>;
  theme: ThemeChoice;
  selection: SelectionCounts | null;
  /** The last "next/previous match" asked for from outside the find bar (F3), numbered so each press counts. */
  findStep: { backwards: boolean; seq: number } | null;
  /** The collection the palette asked the library to show, numbered so each request counts. */
  showCollection: { id: CollectionId; seq: number } | null;
}

/** The writer-tool settings kept per repository. */
type SettingName = 'focusMode' | 'typewriter' | 'publishWithoutAsking';
type Settings = Partial<Record<SettingName, boolean>>;

const SETTING_NAMES: readonly SettingName[] = ['focusMode', 'typewriter', 'publishWithoutAsking'];

/** Every change the tools know. */
export type ToolsAction =
  | { type: 'palette'; mode: PaletteMode | null }
  | { type: 'sheet'; open: boolean }
  | { type: 'find'; replace: boolean }
  | { type: 'close-find' }
  | { type: 'publish-confirm'; open: boolean }
  /** The writer changed settings. */
  | ({ type: 'settings' } & Settings)
  /** The stored settings arrived (at start): they fill in what the writer has not changed meanwhile. */
  | ({ type: 'stored-settings' } & Settings)
  | { type: 'theme'; theme: ThemeChoice }
  | { type: 'selection'; counts: SelectionCounts | null }
  | { type: 'find-step'; backwards: boolean }
  | { type: 'show-collection'; id: CollectionId };

/** The tools' state when a workspace opens. */
export function initialToolsState(theme: ThemeChoice = 'system'): ToolsState {
  return {
    palette: null,
    sheet: false,
    find: null,
    publishConfirm: false,
    focusMode: false,
    typewriter: false,
    publishWithoutAsking: false,
    chosen: [],
    theme,
    selection: null,
    findStep: null,
    showCollection: null,
  };
}

/** Applies one action; returns the same object when nothing changed. */
export function toolsReducer(state: ToolsState, action: ToolsAction): ToolsState {
  switch (action.type) {
    case 'palette':
      return state.palette === action.mode ? state : { ...state, palette: action.mode, sheet: false };
    case 'sheet':
      return state.sheet === action.open ? state : { ...state, sheet: action.open, palette: null };
    case 'find':
      // `opened` changes on every request, so pressing Ctrl+F again refocuses the bar.
      return { ...state, find: { replace: action.replace, opened: (state.find?.opened ?? 0) + 1 } };
    case 'close-find':
      return state.find === null ? state : { ...state, find: null };
    case 'publish-confirm':
      return state.publishConfirm === action.open ? state : { ...state, publishConfirm: action.open };
    case 'settings':
    case 'stored-settings': {
      const next = { ...state };
      for (const name of SETTING_NAMES) {
        const value = action[name];
        if (value === undefined || (action.type === 'stored-settings' && state.chosen.includes(name))) continue;
        next[name] = value;
        if (action.type === 'settings' && !next.chosen.includes(name)) next.chosen = [...next.chosen, name];
      }
      return next;
    }
    case 'theme':
      return state.theme === action.theme ? state : { ...state, theme: action.theme };
    case 'find-step':
      return { ...state, findStep: { backwards: action.backwards, seq: (state.findStep?.seq ?? 0) + 1 } };
    case 'show-collection':
      return { ...state, showCollection: { id: action.id, seq: (state.showCollection?.seq ?? 0) + 1 } };
    case 'selection': {
      const before = state.selection;
      const after = action.counts;
      if (
        before === after ||
        (before && after && before.words === after.words && before.characters === after.characters)
      )
        return state;
      return { ...state, selection: after };
    }
  }
}

/** The tools' store. */
export type ToolsStore = Store<ToolsState, ToolsAction>;

/** Creates the tools' store. */
export function createToolsStore(theme?: ThemeChoice): ToolsStore {
  return createStore(toolsReducer, initialToolsState(theme));
}

/** The tools' store for views below the workspace; null for an editor rendered on its own. */
export const ToolsContext = createContext<ToolsStore | null>(null);

const DETACHED: ToolsStore = createToolsStore();

/** The tools' store, or a detached one outside a workspace (its state then never changes). */
export function useToolsStore(): ToolsStore {
  return useContext(ToolsContext) ?? DETACHED;
}

/** Selects a slice of the tools' state. */
export function useTools<T>(select: (state: ToolsState) => T): T {
  return useStoreSelector(useToolsStore(), select);
}

/** Calls `show` with each collection the palette asks the library to show. */
export function useCollectionRequests(show: (id: CollectionId) => void): void {
  const request = useTools((state) => state.showCollection);
  useEffect(() => {
    if (request) show(request.id);
  }, [request, show]);
}
