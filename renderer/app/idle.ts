/**
 * Work done in the browser's idle periods, and whether input waits: word counts, journal writes,
 * the search's folded titles and the lazy chunks wait for idle moments, the editor's warm-up and
 * rehearsal run in them, and a long post's rest steps aside for a click or a key. Where the browser
 * has no idle callbacks (Safari, test DOMs) a timer turn stands in for the idle period.
 */

/** Another step only while the idle period has at least this much left. */
const ROOM_MS = 8;

/**
 * Runs `steps` in idle periods, as many in each as it has room for, then `done`. A click or a key
 * that comes meanwhile ends the period's run (where the browser can tell): it waits for one step,
 * not for the whole idle period.
 */
export function inIdleSteps(steps: { step(): boolean }, done: () => void): void {
  const run = (deadline?: IdleDeadline): void => {
    let more = steps.step();
    while (more && deadline !== undefined && deadline.timeRemaining() > ROOM_MS && !inputPending()) more = steps.step();
    if (more) whenIdle(run);
    else done();
  };
  whenIdle(run);
}

/** Whether input waits to be handled (Chromium tells; elsewhere, never known). */
export function inputPending(): boolean {
  const scheduling = (navigator as { scheduling?: { isInputPending?: () => boolean } }).scheduling;
  return scheduling?.isInputPending?.() ?? false;
}

/**
 * Runs `callback` in an idle period, or after `timeoutMs` at the latest (on a machine that is never
 * idle, what it does must still happen); returns a function that cancels it.
 */
export function whenIdle(callback: (deadline?: IdleDeadline) => void, timeoutMs?: number): () => void {
  if (typeof window !== 'undefined' && typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(callback, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = setTimeout(callback, 0);
  return () => clearTimeout(timer);
}

/**
 * Runs `callback` once the writer has not pressed, clicked or scrolled for `quietMs` (or, with
 * `latestMs`, that long after the call whatever they do); returns a function that cancels it.
 */
export function afterPause(callback: () => void, quietMs: number, latestMs?: number): () => void {
  const events = ['keydown', 'pointerdown', 'wheel'] as const;
  let timer = setTimeout(done, quietMs);
  const latest = latestMs === undefined ? undefined : setTimeout(done, latestMs);
  function restart(): void {
    clearTimeout(timer);
    timer = setTimeout(done, quietMs);
  }
  function cancel(): void {
    clearTimeout(timer);
    clearTimeout(latest);
    for (const name of events) window.removeEventListener(name, restart, true);
  }
  function done(): void {
    cancel();
    callback();
  }
  for (const name of events) window.addEventListener(name, restart, { capture: true, passive: true });
  return cancel;
}
