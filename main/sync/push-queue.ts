/**
 * The queue of publishes waiting to be pushed. The commits themselves are the queue (whatever the
 * branch holds beyond its upstream); this marker in the git folder only records that Masthead owes
 * a push, so it is retried after a restart without pushing commits a writer made in a terminal.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gitDirOf } from '../git/index';

const MARKER = 'masthead-push-queue';

/** Records that the current branch has published commits waiting to be pushed. */
export async function markPushWaiting(workTree: string, branch: string): Promise<void> {
  await writeFile(
    path.join(await gitDirOf(workTree), MARKER),
    `${JSON.stringify({ branch, since: new Date().toISOString() })}\n`,
  );
}

/** The branch whose push waits, or null when none does. */
export async function pushWaitingFor(workTree: string, gitDir?: string): Promise<string | null> {
  try {
    const text = await readFile(path.join(gitDir ?? (await gitDirOf(workTree)), MARKER), 'utf8');
    const parsed = JSON.parse(text) as { branch?: unknown };
    return typeof parsed.branch === 'string' ? parsed.branch : null;
  } catch {
    return null;
  }
}

/** Forgets the waiting push (it went through). */
export async function clearPushWaiting(workTree: string, gitDir?: string): Promise<void> {
  await rm(path.join(gitDir ?? (await gitDirOf(workTree)), MARKER), { force: true });
}
