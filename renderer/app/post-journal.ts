/**
 * The open post's unsaved edits, journalled (journal-writer.ts schedules the writes): when the
 * writer pauses, or every second while they type, the post's front matter and body go to the back
 * end's journal, so leaving the post, a reload or a crash never loses them. Edits that bring the
 * post back to the file's text make it clean again and drop its journal.
 */
import type { AppError } from '../../shared/errors';
import { jsonEqual } from '../../shared/content/json-values';
import { createJournalWriter, type JournalWriter, type JournalWriterOptions } from './journal-writer';
import type { Store } from './store';
import type { Invoke } from './workspace-controller';
import type { WorkspaceAction, WorkspaceState } from './workspace-state';

/** What the journal needs from the workspace. */
export interface PostJournalDeps {
  store: Store<WorkspaceState, WorkspaceAction>;
  invoke: Invoke;
  /** The editor's body, cheaply (only changed blocks re-written); null once the editor is gone. */
  exportBody: () => string | null;
  /** Journal timing (tests use short delays and no idle wait). */
  timing?: Pick<JournalWriterOptions, 'idleMs' | 'maxWaitMs' | 'whenIdle'>;
}

/** Creates the journal writer of the workspace's open post. */
export function createPostJournal({ store, invoke, exportBody, timing }: PostJournalDeps): JournalWriter {
  const dispatch = store.dispatch;

  // Runs in an idle period: the body is exported here, never on a keystroke.
  async function journalEdits(): Promise<void> {
    const state = store.getState();
    const post = state.post;
    if (!post || !state.dirty) return;
    const startEdits = state.edits;
    const path = post.doc.path;
    // With the editor already gone (the workspace closing), its edits cannot be read: journalling
    // the untouched body instead would overwrite the journal's good copy.
    const body = state.bodyEdited && post.doc.kind === 'post' ? exportBody() : post.doc.body;
    if (body === null) return;
    const disk = state.disk;
    if (disk?.path === path && body === disk.body && jsonEqual(post.frontMatter, disk.frontMatter)) {
      if (state.journalled.includes(path)) await invoke('journal:discard', { path });
      if (store.getState().edits === startEdits) dispatch({ type: 'matches-disk', path });
      return;
    }
    const editedAt = new Date(state.lastEditAt || Date.now()).toISOString();
    await invoke('journal:write', {
      path,
      baseVersion: post.doc.version,
      frontMatter: post.frontMatter,
      body,
      editedAt,
    });
    // A save that finished meanwhile already holds these edits; the library must not call them unsaved.
    if (store.getState().dirty && store.getState().post?.doc.path === path)
      dispatch({ type: 'journalled', path, edited: true });
  }

  return createJournalWriter({
    ...timing,
    task: journalEdits,
    onError: (error) =>
      console.warn('Masthead: the unsaved edits could not be journalled; retrying with the next edit.', error),
  });
}

/** Why a post stays open when its edits could not be journalled before leaving it. */
export function journalFailure(): AppError {
  return {
    code: 'io',
    message:
      'Masthead could not put your unsaved edits in safe keeping, so this post stays open. Save it (Ctrl+S) or try again in a moment.',
  };
}
