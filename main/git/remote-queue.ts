/**
 * One fetch or push at a time per repository. Two at once (a background fetch and a publish's, a
 * queued push and a new one) race to update the same remote-tracking ref, and the loser fails with
 * "cannot lock ref … is at X but expected Y" although nothing is wrong.
 */
import path from 'node:path';

const running = new Map<string, Promise<unknown>>();

/** Runs `task` after the earlier fetches and pushes of the same work tree have settled. */
export function oneRemoteCallAtATime<T>(workTree: string, task: () => Promise<T>): Promise<T> {
  const key = path.resolve(workTree);
  const run = (running.get(key) ?? Promise.resolve()).then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  running.set(key, settled);
  void settled.then(() => {
    if (running.get(key) === settled) running.delete(key);
  });
  return run;
}
