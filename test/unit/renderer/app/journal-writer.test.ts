import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJournalWriter } from '../../../../renderer/app/journal-writer';

const now = () => Date.now();
const immediately = (callback: () => void) => callback();

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A writer whose task records when it ran and what it saw (the number of edits so far). */
function setup(options: { idleMs?: number; maxWaitMs?: number; fail?: () => boolean; slowMs?: number } = {}) {
  let edits = 0;
  const runs: Array<{ at: number; edits: number }> = [];
  const writer = createJournalWriter({
    idleMs: options.idleMs ?? 400,
    maxWaitMs: options.maxWaitMs ?? 700,
    whenIdle: immediately,
    task: async () => {
      runs.push({ at: now(), edits });
      if (options.slowMs) await new Promise((resolve) => setTimeout(resolve, options.slowMs));
      if (options.fail?.()) throw new Error('back end unreachable');
    },
  });
  const type = () => {
    edits += 1;
    writer.noteEdit();
  };
  return { writer, runs, type, edits: () => edits };
}

describe('journal writer', () => {
  it('journals a pause in typing once, shortly after it', async () => {
    const { runs, type } = setup();
    for (let i = 0; i < 5; i += 1) {
      type();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(runs).toEqual([{ at: 600, edits: 5 }]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toHaveLength(1);
  });

  it('journals a burst of 50 keystrokes over 3 s at least every second, and every keystroke within a second', async () => {
    const { runs, type } = setup();
    const typedAt: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      typedAt.push(now());
      type();
      await vi.advanceTimersByTimeAsync(60);
    }
    await vi.advanceTimersByTimeAsync(1_000);
    const times = runs.map((run) => run.at);
    expect(times.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(1_000);
    // Each keystroke is in the first run at or after it, no later than a second after it was typed.
    typedAt.forEach((at, index) => {
      const run = runs.find((candidate) => candidate.edits > index);
      expect(run, `keystroke ${index + 1}`).toBeDefined();
      expect(run!.at - at).toBeLessThanOrEqual(1_000);
    });
    expect(runs.at(-1)!.edits).toBe(50);
  });

  it('flushes at once, waits for a run in flight and runs again with the newer edits', async () => {
    const { writer, runs, type } = setup({ slowMs: 100 });
    type();
    const first = writer.flush();
    expect(runs).toEqual([{ at: 0, edits: 1 }]);
    type();
    const second = writer.flush();
    await vi.advanceTimersByTimeAsync(250);
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(runs).toEqual([
      { at: 0, edits: 1 },
      { at: 100, edits: 2 },
    ]);
    expect(writer.busy()).toBe(false);
    // Nothing pending: a flush does no work.
    expect(await writer.flush()).toBe(true);
    expect(runs).toHaveLength(2);
  });

  it('keeps edits pending when a write fails and sends them with the next attempt', async () => {
    let down = true;
    const { writer, runs, type } = setup({ fail: () => down });
    type();
    expect(await writer.flush()).toBe(false);
    expect(writer.failed()).toBe(true);
    expect(writer.busy()).toBe(true);
    down = false;
    expect(await writer.flush()).toBe(true);
    expect(writer.failed()).toBe(false);
    expect(runs.map((run) => run.edits)).toEqual([1, 1]);
  });

  it('runs exclusive work after the write in flight, never beside it', async () => {
    const order: string[] = [];
    const writer = createJournalWriter({
      whenIdle: immediately,
      task: async () => {
        order.push('write starts');
        await new Promise((resolve) => setTimeout(resolve, 100));
        order.push('write ends');
      },
    });
    writer.noteEdit();
    void writer.flush();
    const discard = writer.exclusive(async () => {
      order.push('discard');
      return 'done';
    });
    await vi.advanceTimersByTimeAsync(150);
    expect(await discard).toBe('done');
    expect(order).toEqual(['write starts', 'write ends', 'discard']);
  });

  it('forgets pending edits when cancelled (they were saved or discarded)', async () => {
    const { writer, runs, type } = setup();
    type();
    writer.cancel();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toHaveLength(0);
    expect(writer.busy()).toBe(false);
  });
});
