/**
 * When the background sync runs: at start, every `intervalMs`, sooner after a failure (backoff
 * through `delaysMs`), and at once when asked (a fetch found the network back). One run at a time;
 * timers never keep the process alive.
 */

/** Options of createRetrySchedule. */
export interface RetryScheduleOptions {
  /** Waits after consecutive failed runs; the last one repeats. */
  delaysMs: readonly number[];
  /** Wait after a run that left nothing waiting. */
  intervalMs: number;
  /** One round of work; resolves true when nothing waits any more (false: retry with backoff). */
  run: () => Promise<boolean>;
}

/** A running schedule. */
export interface RetrySchedule {
  /** Runs once now, then keeps going. */
  start(): void;
  /** Runs as soon as the current run (if any) ends. */
  now(): void;
  /** Something failed outside a run: retry after the next backoff wait, unless a run comes sooner. */
  failed(): void;
  stop(): void;
  /** Resolves when no run is in progress (tests). */
  idle(): Promise<void>;
}

/** A schedule for `options.run`. */
export function createRetrySchedule(options: RetryScheduleOptions): RetrySchedule {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dueAt = Infinity;
  let failures = 0;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  const backoff = (): number => options.delaysMs[Math.min(failures, options.delaysMs.length - 1)] ?? options.intervalMs;

  const schedule = (delay: number): void => {
    if (stopped) return;
    const at = Date.now() + delay;
    // An earlier wake-up already planned wins.
    if (timer !== null && dueAt <= at) return;
    if (timer !== null) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => {
      timer = null;
      dueAt = Infinity;
      runOnce();
    }, delay);
    timer.unref?.();
  };

  const runOnce = (): void => {
    if (stopped) return;
    if (running !== null) {
      again = true;
      return;
    }
    running = (async () => {
      let done = false;
      try {
        done = await options.run();
      } catch {
        done = false;
      }
      running = null;
      if (done) failures = 0;
      const wait = done ? options.intervalMs : backoff();
      if (!done) failures++;
      if (again) {
        again = false;
        schedule(0);
      } else schedule(wait);
    })();
  };

  return {
    start() {
      stopped = false;
      schedule(0);
    },
    now() {
      schedule(0);
    },
    failed() {
      schedule(backoff());
      failures++;
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    async idle() {
      while (running !== null) await running;
    },
  };
}
