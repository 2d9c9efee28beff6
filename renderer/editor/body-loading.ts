/**
 * Puts a post's body into its editor. Most posts are imported at once. A long one is imported in
 * parts (StagedImport): its first screen at once, so the writer can read and type straight
 * away, then the rest in short slices between frames, so keystrokes are handled in between.
 *
 * While the rest arrives:
 * - reading or replacing the whole document brings it in first (loading-gate.ts), and so do the
 *   commands that reach past what is loaded: select all, and Ctrl+End (Cmd+Down on macOS);
 * - undo and redo bring it in and do nothing else. Lexical's history keeps whole states, and an
 *   undo to one from before the rest arrived would take the rest off the page again. For the same
 *   reason, once everything is in, edits made meanwhile are taken out of the undo history;
 * - loading is never an edit itself (history-merge: nothing to undo, the post stays clean).
 */
import {
  $addUpdateTag,
  CLEAR_HISTORY_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  HISTORY_MERGE_TAG,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  SELECT_ALL_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { $importMarkdown, isMdxPath } from '../../shared/document';
import { StagedImport } from '../../shared/document/convert/staged-import';
import { whileLoading } from './loading-gate';
import { inputPending } from '../app/idle';
import { temperEditor } from './warm-up';
import { isDocumentEdgeKey } from './plugins/DocumentEdgeKeysPlugin';

const INPUT_WAITING_MS = 1e6;

/**
 * A slice's clock: the time, until input waits to be handled (where the browser can tell); from
 * then on, far past any budget, so the slice ends after the block it is building and the input is
 * handled before the next one.
 */
function clockEndingAtInput(): () => number {
  let waiting = false;
  return () => {
    waiting ||= inputPending();
    return performance.now() + (waiting ? INPUT_WAITING_MS : 0);
  };
}

/** How long one slice of the rest may take before letting the browser handle input and paint. */
const SLICE_MS = 8;
const LOADING = { discrete: true, tag: HISTORY_MERGE_TAG } as const;
/** The writer's input whose frame a slice must not hold back. */
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointerup', 'wheel'] as const;

/** Imports `body` into `editor` (as MDX for `.mdx` paths); returns a function that stops a load still running. */
export function loadBody(editor: LexicalEditor, body: string, path: string): () => void {
  const options = { mdx: isMdxPath(path) };
  const staged = StagedImport.plan(body, options);
  // Discrete: committed before anything else can read the editor.
  editor.update(() => (staged ? staged.$importFirst() : $importMarkdown(body, options)), LOADING);
  if (!staged || staged.done) {
    temperEditor();
    return () => undefined;
  }

  let edited = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  let unregister = (): void => undefined;

  // Inside an update: brings everything in as part of it, and keeps that out of history.
  const $importRest = (): void => {
    $addUpdateTag(HISTORY_MERGE_TAG);
    staged.$importMore(Number.POSITIVE_INFINITY);
  };
  const stop = (): void => {
    clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
    unregister();
    temperEditor();
  };
  const clearHistory = (): void => {
    if (edited) editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
  };
  // Outside an update, after the last part was committed.
  const finish = (): void => {
    stop();
    editor.update($importRest, LOADING);
    clearHistory();
  };
  // Inside a command's update: history is cleared once that update is committed (and merged).
  const $finishInCommand = (): boolean => {
    stop();
    $importRest();
    const off = editor.registerUpdateListener(() => {
      off();
      clearHistory();
    });
    return false;
  };
  // The budget covers building blocks inside the update; drawing them (Lexical's commit) comes on
  // top, about as long again. Each slice sets the next one's budget from how long it took in all.
  let budget = SLICE_MS / 2;
  // A click or key handled since the last slice: its frame is painted before the next slice, which
  // would otherwise run first (a timer task may precede the frame) and show the keystroke a slice late.
  let inputSeen = false;
  const noteInput = (): void => {
    inputSeen = true;
  };
  const afterPaint = (): void => {
    frame = requestAnimationFrame(() => {
      frame = undefined;
      timer = setTimeout(slice, 0);
    });
  };
  const slice = (): void => {
    // A click or key waiting is handled first: the slice comes after it, and after its frame.
    if (inputPending()) {
      timer = setTimeout(slice, 0);
      return;
    }
    if (inputSeen) {
      inputSeen = false;
      afterPaint();
      return;
    }
    let complete = false;
    const started = performance.now();
    editor.update(() => {
      complete = staged.$importMore(budget, clockEndingAtInput());
    }, LOADING);
    const took = performance.now() - started;
    budget = Math.min(SLICE_MS, Math.max(1, (budget * SLICE_MS) / Math.max(took, 0.1)));
    if (!complete) timer = setTimeout(slice, 0);
    else {
      stop();
      clearHistory();
    }
  };

  for (const name of INPUT_EVENTS) window.addEventListener(name, noteInput, { capture: true, passive: true });
  unregister = mergeRegister(
    () => INPUT_EVENTS.forEach((name) => window.removeEventListener(name, noteInput, true)),
    whileLoading(editor, finish),
    editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if ((dirtyElements.size > 0 || dirtyLeaves.size > 0) && !tags.has(HISTORY_MERGE_TAG)) edited = true;
    }),
    // Undo and redo only bring the rest in (they are handled: true).
    editor.registerCommand(UNDO_COMMAND, () => !$finishInCommand(), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(REDO_COMMAND, () => !$finishInCommand(), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(SELECT_ALL_COMMAND, $finishInCommand, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => (isDocumentEdgeKey(event) ? $finishInCommand() : false),
      COMMAND_PRIORITY_CRITICAL,
    ),
  );
  // The rest starts once the first part is on screen.
  afterPaint();
  return stop;
}
