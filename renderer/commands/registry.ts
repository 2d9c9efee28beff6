/**
 * The command registry's shape and its pure helpers: every action the writer can take, with its
 * label, group and accelerator. The palette lists these, the shortcuts sheet is printed from them,
 * and the workspace's key handler runs them — one list, so the three never disagree.
 */
import fuzzysort from 'fuzzysort';
import { matchesAccelerator, type KeyEventLike } from './keys';

/** Where a command sits in the palette and the shortcuts sheet, in this order. */
export const COMMAND_GROUPS = ['File', 'Edit', 'Format', 'Insert', 'Go', 'View'] as const;

/** One of the groups. */
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

/** One action. `C` is what running it needs (the workspace's handles). */
export interface Command<C = unknown> {
  id: string;
  label: string;
  group: CommandGroup;
  /** Electron accelerator syntax, read by keys.ts (`CmdOrCtrl+Shift+P`). */
  shortcut?: string;
  /** Further keys for the same action (F1 for the palette, F3 for the next match). */
  alsoKeys?: readonly string[];
  /**
   * Who listens for the keys: the workspace's handler ('app', the default), or the editor's own
   * plugins ('editor': formatting, undo), in which case the registry only shows them.
   */
  keysHandledBy?: 'app' | 'editor';
  /** Extra words the palette matches (`shortcut`, `dark`). */
  keywords?: string;
  /** Listed in the sheet but not the palette (keys that only make sense in place, such as F6). */
  sheetOnly?: boolean;
  /** False when the action cannot run now (no post open): hidden from the palette, keys ignored. */
  available?: (context: C) => boolean;
  run: (context: C) => void;
}

/** All the accelerators of a command. */
export function keysOf(command: Pick<Command, 'shortcut' | 'alsoKeys'>): string[] {
  return [...(command.shortcut ? [command.shortcut] : []), ...(command.alsoKeys ?? [])];
}

/** The command the workspace should run for a key press, if any (editor-handled keys are left alone). */
export function commandForKey<C>(
  commands: readonly Command<C>[],
  event: KeyEventLike,
  mac: boolean,
  context: C,
): Command<C> | null {
  for (const command of commands) {
    if (command.keysHandledBy === 'editor') continue;
    if (!keysOf(command).some((keys) => matchesAccelerator(event, keys, mac))) continue;
    if (command.available && !command.available(context)) continue;
    return command;
  }
  return null;
}

/** The sheet's sections: each group with its commands that have keys, in registry order. */
export function sheetSections<C>(commands: readonly Command<C>[]): { group: CommandGroup; commands: Command<C>[] }[] {
  return COMMAND_GROUPS.map((group) => ({
    group,
    commands: commands.filter((command) => command.group === group && keysOf(command).length > 0),
  })).filter((section) => section.commands.length > 0);
}

/** A palette row: the command and which characters of its label matched. */
export interface RankedCommand<C> {
  command: Command<C>;
  /** `[start, end)` ranges of the label to mark. */
  marks: [number, number][];
}

/** The palette's rows for `query`: fuzzy-matched on "group: label" and keywords, best first; all (in order) for an empty query. */
export function rankCommands<C>(commands: readonly Command<C>[], query: string, context: C): RankedCommand<C>[] {
  const listed = commands.filter((command) => !command.sheetOnly && (!command.available || command.available(context)));
  return rankItems(
    listed,
    query,
    (command) => command.label,
    (command) => `${command.group} ${command.keywords ?? ''}`,
  ).map(({ item, marks }) => ({ command: item, marks }));
}

/** Fuzzy-ranks any items by a label (marked) and extra words (matched, not marked); the input order for an empty query. */
export function rankItems<T>(
  items: readonly T[],
  query: string,
  label: (item: T) => string,
  extra: (item: T) => string = () => '',
): { item: T; marks: [number, number][] }[] {
  const trimmed = query.trim();
  if (trimmed === '') return items.map((item) => ({ item, marks: [] }));
  const targets = items.map((item) => ({ item, label: label(item), extra: extra(item) }));
  const results = fuzzysort.go(trimmed, targets, { keys: ['label', 'extra'], threshold: 0.3, limit: 200 });
  return results.map((result) => ({ item: result.obj.item, marks: markRanges(result[0]?.indexes ?? []) }));
}

// Consecutive matched indexes merged into ranges, for <mark>.
function markRanges(indexes: readonly number[]): [number, number][] {
  const sorted = [...indexes].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const index of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === index) last[1] = index + 1;
    else ranges.push([index, index + 1]);
  }
  return ranges;
}
