/**
 * Workspace-wide keyboard shortcuts: save, publish, sync, search posts, and F6 to move between panes.
 * Editor formatting shortcuts live in the editor's own plugin.
 */
import { useEffect } from 'react';
import type { WorkspaceController } from './workspace-controller';

/** True when the platform's command key (Cmd on macOS, Ctrl elsewhere) is held. */
export function isModKey(event: KeyboardEvent | { metaKey: boolean; ctrlKey: boolean }): boolean {
  return isMac() ? event.metaKey : event.ctrlKey;
}

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

function focusNextPane(backwards: boolean): void {
  const targets = PANES.map(firstMatch).filter(
    (element): element is HTMLElement => element !== null,
  );
  if (targets.length === 0) return;
  const current = targets.findIndex((element) => element.closest('[data-pane]') === document.activeElement?.closest('[data-pane]'));
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

/** Installs the workspace shortcuts for as long as the workspace is mounted; `sync` runs on Ctrl/Cmd+Shift+Y. */
export function useGlobalShortcuts(controller: WorkspaceController, sync?: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const mod = isModKey(event);
      const key = event.key.toLowerCase();
      if (mod && !event.shiftKey && !event.altKey && key === 's') {
        event.preventDefault();
        void controller.save();
      } else if (mod && event.shiftKey && !event.altKey && key === 'p') {
        event.preventDefault();
        void controller.publish();
      } else if (mod && event.shiftKey && !event.altKey && key === 'f') {
        event.preventDefault();
        document.querySelector<HTMLInputElement>('#library-search')?.focus();
      } else if (sync && mod && event.shiftKey && !event.altKey && key === 'y') {
        // Sync never blocks typing: it runs in the background and reports in the status bar.
        event.preventDefault();
        sync();
      } else if (event.key === 'F6' && !mod && !event.altKey) {
        event.preventDefault();
        focusNextPane(event.shiftKey);
      }
    }
    // Capture phase: the editor must not swallow Save or Publish when focus is inside it.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [controller, sync]);
}
