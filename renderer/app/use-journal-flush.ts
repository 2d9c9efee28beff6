/**
 * Sends the open post's pending edits to the journal at once when focus leaves a field or the
 * editor, when the page is hidden, and when it goes away (a reload, a closed tab or window,
 * quitting), instead of waiting for the journal's timer.
 */
import { useEffect } from 'react';
import type { WorkspaceController } from './workspace-controller';

/** Installs the flush triggers for as long as the workspace is mounted. */
export function useJournalFlush(controller: Pick<WorkspaceController, 'flushJournal' | 'safe'>): void {
  useEffect(() => {
    const flush = () => void controller.flushJournal();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    // Closing asks first only when the journal could not take the last edits (the browser or the
    // shell shows its own prompt); otherwise they come back at the next start.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      flush();
      if (!controller.safe()) event.preventDefault();
    };
    window.addEventListener('focusout', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('focusout', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
      flush();
    };
  }, [controller]);
}
