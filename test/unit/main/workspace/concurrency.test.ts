import { describe, expect, it } from 'vitest';
import { createKeyedQueue, mapLimit } from '../../../../main/workspace/concurrency';

/** A promise the test settles by hand, so ordering is checked without timers. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

describe('createKeyedQueue', () => {
  it('starts a task for a key only after the earlier one for that key has settled, in call order', async () => {
    const queue = createKeyedQueue();
    const events: string[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const runs = gates.map((gate, index) =>
      queue('posts/hello.md', async () => {
        events.push(`start ${index}`);
        await gate.promise;
        events.push(`end ${index}`);
        return index;
      }),
    );
    await flush();
    expect(events).toEqual(['start 0']);
    gates[2]?.resolve();
    gates[1]?.resolve();
    await flush();
    expect(events).toEqual(['start 0']);
    gates[0]?.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('runs the next task after a rejected one, and the rejection reaches only its own caller', async () => {
    const queue = createKeyedQueue();
    const first = queue('site', async () => {
      throw new Error('disk full');
    });
    const second = queue('site', async () => 'saved');
    await expect(first).rejects.toThrow('disk full');
    await expect(second).resolves.toBe('saved');
  });

  it('runs the next task after one that throws before returning a promise', async () => {
    const queue = createKeyedQueue();
    const first = queue('site', () => {
      throw new Error('bad path');
    });
    await expect(first).rejects.toThrow('bad path');
    await expect(queue('site', async () => 'next')).resolves.toBe('next');
  });

  it('lets different keys run side by side', async () => {
    const queue = createKeyedQueue();
    const gate = deferred();
    const events: string[] = [];
    const slow = queue('a.md', async () => {
      events.push('start a');
      await gate.promise;
    });
    const fast = queue('b.md', async () => {
      events.push('start b');
    });
    await fast;
    expect(events).toEqual(['start a', 'start b']);
    gate.resolve();
    await slow;
  });
});

describe('mapLimit', () => {
  it('keeps at most `limit` calls in flight and returns results in input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const result = mapLimit([0, 1, 2, 3], 2, async (item) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await gates[item]?.promise;
      inFlight -= 1;
      return item * 10;
    });
    await flush();
    expect(inFlight).toBe(2);
    for (const gate of [...gates].reverse()) gate.resolve();
    expect(await result).toEqual([0, 10, 20, 30]);
    expect(peak).toBe(2);
  });
});
