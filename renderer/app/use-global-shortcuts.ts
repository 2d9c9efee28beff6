/**
 * Workspace-wide keyboard shortcuts, driven by the command registry (renderer/commands/), and F6 to
 * move between panes. Editor formatting shortcuts live in the editor's own plugin.
 */
import { useEffect } from 'react';
import { commandForKey, type Command } from '../commands/registry';

/** True on macOS, where shortcuts use Cmd. */
export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** The readable name of the command key on this platform, for tooltips. */
export function modLabel(): string {
  return isMac() ? '⌘' : 'Ctrl+';
}

// The panes F6 cycles through, in reading order; for each, the elements that should take focus, best first.
const PANES = [
  ['#library-search', '[data-pane="library"] button'],
  ['#page [contenteditable="true"]', '#page textarea', '#page button'],
  ['#inspector [role="tab"][aria-selected="true"]', '[data-pane="inspector"] button'],
];

/** Moves focus to the next pane (library, page, inspector), or the previous one. */
export function focusNextPane(backwards: boolean): void {
  const targets = PANES.map(firstMatch).filter((element): element is HTMLElement => element !== null);
  if (targets.length === 0) return;
  const current = targets.findIndex(
    (element) => element.closest('[data-pane]') === document.activeElement?.closest('[data-pane]'),
  );
  const step = backwards ? -1 : 1;
  const next = targets[(current + step + targets.length) % targets.length];
  next?.focus();
}

function firstMatch(selectors: string[]): HTMLElement | null {
  for (const selector of selectors) {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) return element;
  }
  return null;
}

/**
 * Runs the registry's commands from the keyboard for as long as the workspace is mounted. Capture
 * phase: the editor must not swallow Save or Publish when focus is inside it. Keys the editor
 * handles itself (formatting, undo) are only listed in the registry, never run from here.
 */
export function useGlobalShortcuts<C>(commands: readonly Command<C>[], context: C): void {
  useEffect(() => {
    const mac = isMac();
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.isComposing) return;
      const command = commandForKey(commands, event, mac, context);
      if (!command) return;
      event.preventDefault();
      event.stopPropagation();
      command.run(context);
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [commands, context]);
}
