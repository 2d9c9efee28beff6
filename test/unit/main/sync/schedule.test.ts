import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRetrySchedule } from '../../../../main/sync/schedule';

describe('createRetrySchedule', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at start, backs off after failures, and returns to the interval once nothing waits', async () => {
    const outcomes = [false, false, false, true, true];
    const at: number[] = [];
    const start = Date.now();
    const schedule = createRetrySchedule({
      delaysMs: [1_000, 5_000],
      intervalMs: 60_000,
      run: async () => {
        at.push(Date.now() - start);
        return outcomes.shift() ?? true;
      },
    });
    schedule.start();
    await vi.advanceTimersByTimeAsync(200_000);
    schedule.stop();
    // 0: fails → +1 s; fails → +5 s; fails → +5 s (the last delay repeats); succeeds → +60 s…
    expect(at.slice(0, 6)).toEqual([0, 1_000, 6_000, 11_000, 71_000, 131_000]);
  });

  it('runs at once when asked, never two runs at a time, and not at all once stopped', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const schedule = createRetrySchedule({
      delaysMs: [1_000],
      intervalMs: 60_000,
      run: async () => {
        runs++;
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 500));
        running--;
        return true;
      },
    });
    schedule.start();
    await vi.advanceTimersByTimeAsync(100);
    schedule.now();
    schedule.now();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toBe(2);
    expect(most).toBe(1);
    schedule.stop();
    schedule.now();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(runs).toBe(2);
  });

  it('retries after the backoff wait when a failure is reported from outside a run', async () => {
    let runs = 0;
    const schedule = createRetrySchedule({ delaysMs: [3_000], intervalMs: 60_000, run: async () => (runs++, true) });
    schedule.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(runs).toBe(1);
    schedule.failed();
    await vi.advanceTimersByTimeAsync(2_900);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(runs).toBe(2);
    schedule.stop();
  });
});
