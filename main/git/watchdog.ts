/**
 * The clocks of a remote git run (core.ts): git stopped after a time without output, and after a
 * shorter time without a first answer from the remote, which git's packet trace tells.
 */
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * An inactivity clock that aborts git after `timeoutMs` without output, paused while `paused()` is
 * true; with `answer`, also after `answer.ms` without a first answer from the remote.
 */
export function startWatchdog(
  timeoutMs: number,
  paused: () => boolean,
  answer: { ms: number; answered: () => Promise<boolean> } | null,
) {
  const controller = new AbortController();
  let last = Date.now();
  let waitingSince = answer === null ? null : Date.now();
  let checking = false;
  let fired: false | 'silent' | 'no-answer' = false;
  const fire = (why: 'silent' | 'no-answer'): void => {
    if (fired) return;
    fired = why;
    controller.abort();
  };
  const timer = setInterval(
    () => {
      if (paused()) {
        last = Date.now();
        if (waitingSince !== null) waitingSince = Date.now();
      } else if (Date.now() - last >= timeoutMs) fire('silent');
      if (waitingSince === null || answer === null || checking) return;
      checking = true;
      void answer
        .answered()
        .then((yes) => {
          if (yes) waitingSince = null;
          else if (waitingSince !== null && Date.now() - waitingSince >= answer.ms) fire('no-answer');
        })
        .finally(() => (checking = false));
    },
    Math.max(10, Math.min(250, timeoutMs / 10, answer?.ms ?? Infinity)),
  );
  return {
    signal: controller.signal,
    touch: () => {
      last = Date.now();
    },
    fired: () => fired,
    stop: () => clearInterval(timer),
  };
}

let traceDir: Promise<string> | null = null;

/**
 * A folder only this user can read (mkdtemp makes it 0700): packet traces name the remote's
 * branches. Made again should a temp-folder cleaner have removed it: without it git could not
 * write its trace, and every remote run would look unanswered.
 */
export async function traceFolder(): Promise<string> {
  traceDir ??= mkdtemp(path.join(tmpdir(), 'masthead-git-'));
  const dir = await traceDir;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/**
 * Reads git's packet trace (GIT_TRACE_PACKET) for a line the remote sent (`packet: git< …`,
 * `fetch< …`): true once the remote has answered. Git stops tracing when pack data starts, so the
 * file stays small.
 */
export function remoteAnswered(traceFile: string): () => Promise<boolean> {
  return async () => {
    try {
      return /packet:\s+\S*< /.test(await readFile(traceFile, 'utf8'));
    } catch {
      return false; // not written yet
    }
  };
}
