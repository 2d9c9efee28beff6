/**
 * Work done in the browser's idle periods, and whether input waits: the editor's warm-up and
 * rehearsal run in idle moments, and a long post's rest steps aside for a click or a key.
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
    if (more) inIdlePeriod(run);
    else done();
  };
  inIdlePeriod(run);
}

/** Whether input waits to be handled (Chromium tells; elsewhere, never known). */
export function inputPending(): boolean {
  const scheduling = (navigator as { scheduling?: { isInputPending?: () => boolean } }).scheduling;
  return scheduling?.isInputPending?.() ?? false;
}

/** Runs `callback` in the browser's next idle period (in a timer turn where it has no idle callbacks). */
export function inIdlePeriod(callback: (deadline?: IdleDeadline) => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(callback);
  else window.setTimeout(callback, 0);
}
