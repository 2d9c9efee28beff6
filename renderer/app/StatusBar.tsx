/**
 * The status bar: whether the words are safe on disk, how long the post is, and where the branch
 * stands against its remote. Always visible, always honest.
 */
import { useLayoutEffect, useRef } from 'react';
import { useToolsStore } from '../commands/tools-state';
import { plural, readingMinutes } from './format';
import { SyncStatusItem } from '../sync/SyncStatusItem';
import { useController, useDispatch, useWorkspace, useWorkspaceStore } from './WorkspaceContext';

/** The bottom bar. */
export function StatusBar() {
  const hasPost = useWorkspace((state) => state.post !== null);
  // A data file has no prose to count.
  const hasBody = useWorkspace((state) => state.post?.doc.kind === 'post');
  const sync = useWorkspace((state) => state.sync);
  const lastPublish = useWorkspace((state) => state.lastPublish);
  const fieldErrors = useWorkspace((state) => state.fieldErrors);
  const dispatch = useDispatch();

  return (
    <footer className="status-bar" aria-label="Status bar">
      <SaveState />
      <AutosaveToggle />
      {hasBody && <WordCount />}
      {hasBody && <SelectionCount />}
      {hasBody && <OutlineButton />}
      {hasPost && fieldErrors > 0 && (
        <button
          type="button"
          className="status-bar__item status-bar__problems"
          onClick={() => dispatch({ type: 'tab', tab: 'fields' })}
        >
          {plural(fieldErrors, 'field needs attention', 'fields need attention')}
        </button>
      )}
      <span className="status-bar__spacer" />
      <SyncStatusItem sync={sync} />
      {lastPublish && (
        <span className="status-bar__item">
          Last publish <code>{lastPublish}</code>
        </span>
      )}
    </footer>
  );
}

/**
 * Whether the post is saved. Its own component: the first keystroke after a save changes only this
 * (the rest of the bar would otherwise render again, in the frame that shows the keystroke).
 */
function SaveState() {
  const hasPost = useWorkspace((state) => state.post !== null);
  const dirty = useWorkspace((state) => state.dirty);
  const saving = useWorkspace((state) => state.saving);
  const failed = useWorkspace((state) => state.saveError !== null);
  const save = !hasPost ? null : saving ? 'Saving…' : failed ? 'Not saved' : dirty ? 'Unsaved changes' : 'Saved';
  const saveState = saving ? 'saving' : failed ? 'failed' : dirty ? 'dirty' : 'saved';
  return (
    <span className="status-bar__save" data-state={hasPost ? saveState : undefined} role="status">
      {save}
    </span>
  );
}

/** The per-repository "save to the file after each pause" setting (off by default; the journal keeps every word anyway). */
function AutosaveToggle() {
  const controller = useController();
  const autosave = useWorkspace((state) => state.autosave);
  return (
    <label
      className="status-bar__item status-bar__autosave"
      title="Write the post to its file about two seconds after you stop typing. Without it, unsaved words are still kept safe and come back after a crash."
    >
      <input
        type="checkbox"
        checked={autosave}
        onChange={(event) => void controller.setAutosave(event.target.checked)}
      />
      Save automatically
    </label>
  );
}

/** "1,234 words · 5 min read". */
function wordCountLabel(words: number): string {
  return `${plural(words, 'word', 'words')} · ${readingMinutes(words)} min read`;
}

/**
 * The word count, written into its span directly instead of through a React render. The count
 * changes at every pause in typing, and every React commit while the body has focus makes React
 * record the selection by walking the whole contenteditable (getSelectionInformation): about
 * 50 ms on a 100k-word post, landing on the writer's next keystroke.
 */
function WordCount() {
  const store = useWorkspaceStore();
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    let shown: number | null = null;
    const show = () => {
      const words = store.getState().words;
      if (words === shown || !ref.current) return;
      shown = words;
      ref.current.textContent = wordCountLabel(words);
    };
    show();
    return store.subscribe(show);
  }, [store]);
  return <span className="status-bar__item" ref={ref} />;
}

/**
 * "12 words, 64 characters selected" while text is selected; written into its span directly, like
 * the word count, because the selection changes at key-repeat speed while the body has focus.
 */
function SelectionCount() {
  const tools = useToolsStore();
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const show = () => {
      const counts = tools.getState().selection;
      const element = ref.current;
      if (!element) return;
      const text = counts
        ? `${plural(counts.words, 'word', 'words')}, ${plural(counts.characters, 'character', 'characters')} selected`
        : '';
      if (element.textContent !== text) element.textContent = text;
      element.hidden = counts === null;
    };
    show();
    return tools.subscribe(show);
  }, [tools]);
  return <span className="status-bar__item status-bar__selection" ref={ref} hidden />;
}

/** Opens the outline: the post's headings, to jump to one. */
function OutlineButton() {
  const tools = useToolsStore();
  return (
    <button
      type="button"
      className="status-bar__item status-bar__outline"
      aria-keyshortcuts="Control+Shift+O Meta+Shift+O"
      onClick={() => tools.dispatch({ type: 'palette', mode: 'headings' })}
    >
      Outline
    </button>
  );
}
