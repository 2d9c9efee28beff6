// @vitest-environment happy-dom
// The tempering runs the parser and the import over pieces of the long sample in idle periods, so
// the engine optimizes them before the writer opens the next post. It must end, run once a
// session, wait for the writer to pause, and give way: with input waiting, an idle period runs one
// step, not as many as it has room for.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inIdleSteps } from '../../../../renderer/app/idle';
import { temperEditor, temperingSteps } from '../../../../renderer/editor/warm-up';

/** Stubs requestIdleCallback; returns the callbacks asked for, to run by hand. */
function collectIdleCallbacks(): IdleRequestCallback[] {
  const waiting: IdleRequestCallback[] = [];
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => waiting.push(callback));
  return waiting;
}

/** Runs the waiting idle callbacks, each with a long idle period; returns how many periods it took. */
function runIdlePeriods(waiting: IdleRequestCallback[]): number {
  let periods = 0;
  for (let callback = waiting.shift(); callback; callback = waiting.shift()) {
    periods += 1;
    callback({ didTimeout: false, timeRemaining: () => 50 });
  }
  return periods;
}

/** Ten steps that count themselves. */
function tenSteps(): { step(): boolean; ran: () => number } {
  let ran = 0;
  return { step: () => ++ran < 10, ran: () => ran };
}

describe('tempering the parser', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('imports a bounded number of pieces, then stops', () => {
    const steps = temperingSteps();
    let count = 1;
    while (steps.step()) count += 1;
    expect(count).toBe(320);
    expect(steps.step()).toBe(false);
  });

  it('starts at the writer’s first one-second pause, and runs once a session however many posts open', () => {
    vi.useFakeTimers();
    try {
      const waiting = collectIdleCallbacks();
      temperEditor();
      temperEditor();
      // The writer clicks into the post and types at once: nothing of it may hold those up.
      vi.advanceTimersByTime(900);
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
      vi.advanceTimersByTime(900);
      expect(waiting).toHaveLength(0);
      vi.advanceTimersByTime(100);
      expect(waiting).toHaveLength(1);
      expect(runIdlePeriods(waiting)).toBeGreaterThanOrEqual(1);
      temperEditor();
      vi.advanceTimersByTime(2000);
      expect(waiting).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fills an idle period while nothing waits, and runs one step per period while input waits', () => {
    for (const [pending, periods] of [
      [false, 1],
      [true, 10],
    ] as const) {
      vi.stubGlobal('navigator', { ...navigator, scheduling: { isInputPending: () => pending } });
      const waiting = collectIdleCallbacks();
      const steps = tenSteps();
      let done = false;
      inIdleSteps(steps, () => (done = true));
      expect(runIdlePeriods(waiting)).toBe(periods);
      expect(steps.ran()).toBe(10);
      expect(done).toBe(true);
    }
  });
});
