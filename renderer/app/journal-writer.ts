/**
 * When the open post's edits go to the journal: a debounce with a maximum wait, so a pause in
 * typing journals soon after it and continuous typing still journals every `maxWaitMs`. The work
 * itself (exporting the body, sending `journal:write`) is the injected `task`; it runs when the
 * browser is idle (bounded by `idleTimeoutMs`), never inside a keystroke, one run at a time.
 *
 * The promise it keeps: a keystroke is handed to `task` at most `maxWaitMs + idleTimeoutMs` after
 * it happened, so with the defaults and a fast write at most a second of typing is ever lost.
 */

import { whenIdle } from './idle';

/** How long a pause in typing must be before its edits are journalled. */
export const JOURNAL_IDLE_MS = 400;
/** The longest an edit waits for a pause before it is journalled anyway. */
export const JOURNAL_MAX_WAIT_MS = 700;
/** The longest a due run waits for the browser to be idle. */
export const JOURNAL_IDLE_TIMEOUT_MS = 150;

/** What the writer needs. */
export interface JournalWriterOptions {
  /** Journals the current edits; throws when they could not be kept. */
  task: () => Promise<void>;
  /** Called when a run failed (the edits stay pending and go with the next run). */
  onError?: (error: unknown) => void;
  idleMs?: number;
  maxWaitMs?: number;
  /** Runs `callback` once the browser is idle, or after `timeoutMs` at the latest. */
  whenIdle?: (callback: () => void, timeoutMs: number) => void;
}

/** Schedules and runs journal writes. */
export interface JournalWriter {
  /** An edit happened: journal it soon. Cheap: it only arms timers. */
  noteEdit(): void;
  /** Journals pending edits now (waiting for a run in flight); resolves true when nothing is left unjournalled. */
  flush(): Promise<boolean>;
  /** Forgets pending edits (they were saved or discarded). A run in flight still finishes. */
  cancel(): void;
  /** Runs `work` (a discard, say) alone: after the run in flight, before the next one starts. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** True while edits wait to be journalled or a run is in flight. */
  busy(): boolean;
  /** True when the last run failed and nothing has succeeded since. */
  failed(): boolean;
  /** Stops the timers (the workspace is going away; a later edit would start them again). */
  dispose(): void;
}

/** Creates a journal writer around `task`. */
export function createJournalWriter(options: JournalWriterOptions): JournalWriter {
  const idleMs = options.idleMs ?? JOURNAL_IDLE_MS;
  const maxWaitMs = options.maxWaitMs ?? JOURNAL_MAX_WAIT_MS;
  const inIdleTime = options.whenIdle ?? whenIdle;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let maxTimer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let scheduled = false;
  let running: Promise<void> | null = null;
  let lastFailed = false;

  function clearTimers(): void {
    clearTimeout(idleTimer);
    clearTimeout(maxTimer);
    idleTimer = undefined;
    maxTimer = undefined;
  }

  function due(): void {
    clearTimers();
    if (scheduled) return;
    scheduled = true;
    inIdleTime(() => {
      scheduled = false;
      void drain();
    }, JOURNAL_IDLE_TIMEOUT_MS);
  }

  // One piece of work at a time, so a write of an older snapshot can never land after a newer
  // write or after a discard.
  async function alone<T>(work: () => Promise<T>): Promise<T> {
    while (running) await running;
    const run = work();
    running = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      return await run;
    } finally {
      running = null;
    }
  }

  async function drain(): Promise<boolean> {
    // A run in flight holds a snapshot from before the latest edits: wait, then run again.
    while (running) await running;
    if (!pending) return !lastFailed;
    pending = false;
    try {
      await alone(options.task);
      lastFailed = false;
    } catch (error) {
      lastFailed = true;
      // Kept pending: the next edit or flush tries again with everything since.
      pending = true;
      options.onError?.(error);
    }
    return !lastFailed && !pending;
  }

  return {
    noteEdit() {
      pending = true;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(due, idleMs);
      maxTimer ??= setTimeout(due, maxWaitMs);
    },
    flush() {
      clearTimers();
      return drain();
    },
    cancel() {
      clearTimers();
      pending = false;
    },
    exclusive: alone,
    busy: () => pending || running !== null,
    failed: () => lastFailed,
    dispose: clearTimers,
  };
}
