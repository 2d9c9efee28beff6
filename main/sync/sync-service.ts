/**
 * The sync engine as the back end sees it: fetch, sync, the pending merges of publishes that met
 * someone else's change, and the background work that keeps the branch in step (a fetch on open
 * and every few minutes, queued pushes retried with backoff, on regained connectivity and at start).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConflictChoice, EmitEvent, PendingMerge, PublishResult, SyncOutcome, SyncStatus } from '../../shared/api';
import type { AppError } from '../../shared/errors';
import { fail, toAppError } from '../../shared/errors';
import {
  changesOf,
  fetchUpstream,
  gitDirOf,
  GitError,
  getSyncStatus,
  linkUpstream,
  planPush,
  resolveCommit,
  showFileAt,
  type PushPlan,
} from '../git/index';
import { imageContentType } from '../workspace/media';
import { writeFileAtomic } from '../workspace/atomic-write';
import { resolveInRepo, resolveWritePath } from '../workspace/paths';
import { fingerprint } from '../workspace/posts';
import { assertNothingInProgress, catchUp } from './catch-up';
import { deliver, describeCatchUp, MergeConflictFailure } from './deliver';
import { mergeClashText, pendingMergeOf, resolveClash, settleClash } from './post-clash';
import { clearPushWaiting, pushWaitingFor } from './push-queue';
import type { FileClash } from './replay';
import { createRetrySchedule, type RetrySchedule } from './schedule';

/** What the back end asks of the sync engine for the open repository. */
export interface SyncService {
  /** The status with the engine's own facts (waiting pushes, last fetch, last problem). */
  status(): Promise<SyncStatus>;
  /** Fetches the upstream (never touching the work tree) and returns the new status. */
  fetch(): Promise<SyncStatus>;
  /** Brings the branch up to date with its upstream and pushes what waits. */
  sync(): Promise<SyncOutcome>;
  /** Links the current branch to its namesake on the remote (see linkUpstream); the new status. */
  linkUpstream(): Promise<SyncStatus>;
  /** The pending merge of a publish of `path`, or null. */
  pendingMerge(path: string): Promise<PendingMerge | null>;
  /** Publishes `path` with the writer's choices for its pending merge. */
  resolveMerge(path: string, choices: Readonly<Record<string, ConflictChoice>>): Promise<PublishResult>;
  /** Drops the pending merge of `path`, keeping the writer's version as unsaved edits. */
  cancelMerge(path: string): Promise<void>;
  /**
   * Runs a request that changes the branch (a publish): the background work announces nothing while
   * it runs, since the request's own answer tells the UI what happened.
   */
  track<T>(task: () => Promise<T>): Promise<T>;
  /** A publish finished (pushed or queued): refresh the status and retry what waits. */
  published(result: PublishResult): void;
  /** Stops the background work (the repository was closed or another one opened). */
  close(): void;
}

/** What the sync service needs from the back end. */
export interface SyncServiceOptions {
  emit: EmitEvent;
  /**
   * Journals `text` as the writer's unsaved edits of `path` on top of the file version
   * `baseVersion`; false when there is no journal (the text is then left in the file, uncommitted).
   */
  keepUnsavedEdits?: (path: string, text: string, baseVersion: string) => Promise<boolean>;
  /** Fetch on open and every `intervalMs` (default 5 minutes); false turns the background work off. */
  background?: boolean;
  intervalMs?: number;
  /** Waits between retries of a queued push that could not reach the remote (default 5 s … 5 min). */
  retryDelaysMs?: readonly number[];
}

const DEFAULT_INTERVAL_MS = 5 * 60_000;

/** The sync service for the repository at `root`. */
export function createSyncService(root: string, options: SyncServiceOptions): SyncService {
  let lastFetchAt: string | null = null;
  let problem: AppError | null = null;
  let lastEmitted = '';
  let closed = false;
  // Requests in flight that move the branch: background announcements wait for them.
  let busy = 0;
  const background = options.background !== false;

  const status = async (): Promise<SyncStatus> => {
    const base = await getSyncStatus(root);
    const waitingBranch = await pushWaitingFor(root);
    const waitingToPush = waitingBranch !== null && waitingBranch === base.branch ? base.ahead : 0;
    return { ...base, waitingToPush, lastFetchAt: lastFetchAt ?? (await lastFetchOnDisk(root)), problem };
  };

  /**
   * Emits 'sync:status' when the status differs from the one last announced (or, for the first
   * call with `quiet`, the one the UI reads itself at open). The time of the last fetch alone does
   * not count as a change: a quiet background fetch should not wake the UI every few minutes.
   */
  const announce = async (quiet = false): Promise<SyncStatus | null> => {
    if (closed) return null;
    const current = await status().catch(() => null);
    if (current === null) return null;
    const text = JSON.stringify({ ...current, lastFetchAt: undefined });
    if (text !== lastEmitted) {
      lastEmitted = text;
      if (!quiet) options.emit('sync:status', current);
    }
    return current;
  };

  const fetchNow = async (plan?: PushPlan): Promise<void> => {
    try {
      await fetchUpstream(root, plan);
      lastFetchAt = new Date().toISOString();
      if (problem?.code === 'git-offline' || problem?.code === 'git-auth') problem = null;
    } catch (error) {
      // No upstream or no branch is what the status already shows, not a problem of fetching.
      if (!(error instanceof GitError && (error.code === 'git-no-upstream' || error.code === 'git-detached-head')))
        problem = toAppError(error);
      throw error;
    }
  };

  /** Pushes the queued commits when Masthead owes a push; true when nothing waits any more. */
  const pushQueued = async (): Promise<boolean> => {
    const current = await getSyncStatus(root);
    if (current.branch === null || (await pushWaitingFor(root)) !== current.branch) return true;
    if (current.ahead === 0 && current.behind === 0) {
      await clearPushWaiting(root);
      return true;
    }
    try {
      const delivery = await deliver(root, { forceCatchUp: current.behind > 0 });
      if (delivery.changedFiles.length > 0) options.emit('files:changed', { paths: delivery.changedFiles });
      problem = delivery.problem;
      if (delivery.pushed) lastFetchAt = lastFetchAt ?? new Date().toISOString();
      return delivery.pushed;
    } catch (error) {
      problem = toAppError(error);
      // A clash waits for the writer; retrying on a timer cannot settle it.
      return error instanceof MergeConflictFailure;
    }
  };

  const retries: RetrySchedule = createRetrySchedule({
    delaysMs: options.retryDelaysMs ?? [5_000, 15_000, 30_000, 60_000, 120_000, 300_000],
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
    // One background round: fetch (when it works, connectivity is back), then push what waits.
    async run() {
      let reachable = true;
      try {
        await fetchNow();
      } catch (error) {
        reachable = !(
          error instanceof GitError &&
          (error.code === 'git-offline' || error.code === 'git-no-upstream' || error.code === 'git-detached-head')
        );
      }
      const done = reachable ? await pushQueued().catch(() => false) : (await pushWaitingFor(root)) === null;
      if (busy === 0) await announce();
      return done;
    },
  });
  // The first status is the one the UI reads at open: only changes after it are announced.
  if (background) void announce(true).then(() => retries.start());

  /** The clash that stops the writer's commits from landing on the upstream, when it is at `path`. */
  const clashAt = async (postPath: string): Promise<{ clash: FileClash; plan: PushPlan } | null> => {
    const plan = await planPush(root);
    const outcome = await catchUp(root, plan.target.trackingRef, {
      merge: (clash) => settleClash(clash, new Map()),
      dryRun: true,
    });
    if (outcome.kind !== 'conflict' || outcome.clash.path !== postPath) return null;
    // The writer's side is their latest committed version (they may have published again since
    // the clash): the merge is made from it, so no later edit is left out.
    return { clash: { ...outcome.clash, mine: await showFileAt(root, 'HEAD', postPath) }, plan };
  };

  return {
    status,

    async fetch() {
      const plan = await planPush(root).catch(() => null);
      // Nothing to fetch from: the status says so (upstream null, or branch null).
      if (plan === null) return status();
      try {
        await fetchNow(plan);
      } catch (error) {
        if (!(error instanceof GitError)) throw error;
        await announce();
        return status();
      }
      // Connectivity is back: push what waits without waiting for the timer.
      if ((await pushWaitingFor(root)) !== null) retries.now();
      return (await announce()) ?? status();
    },

    async sync() {
      await assertNothingInProgress(root);
      const plan = await planPush(root);
      await fetchNow(plan);
      const before = await getSyncStatus(root);
      const outcome = await catchUp(root, plan.target.trackingRef, {
        branch: plan.branch,
        merge: (clash) => settleClash(clash, new Map()),
        gitMayTry: (clash) => mergeClashText(clash) === null,
      });
      if (outcome.kind === 'conflict') {
        problem = new MergeConflictFailure(outcome.clash).toJSON();
        await announce();
        throw new MergeConflictFailure(outcome.clash);
      }
      if (outcome.changedFiles.length > 0) options.emit('files:changed', { paths: outcome.changedFiles });
      const after = await getSyncStatus(root);
      let pushedNote = '';
      if (after.ahead > 0) {
        const delivery = await deliver(root, { plan });
        problem = delivery.problem;
        pushedNote = delivery.pushed
          ? ` ${after.ahead} of yours pushed.`
          : ` ${after.ahead} of yours will push when online.`;
      } else {
        problem = null;
        await clearPushWaiting(root);
      }
      const pulled = describeCatchUp(outcome.pulled, outcome.merged);
      const message =
        pulled === undefined
          ? before.ahead === 0
            ? 'Up to date.'
            : ''
          : pulled.replace(' were pulled first', ' pulled').replace(' was pulled first', ' pulled');
      const current = (await announce()) ?? (await status());
      return { status: current, message: `${message}${pushedNote}`.trim() || 'Up to date.' };
    },

    async pendingMerge(postPath) {
      const found = await clashAt(postPath);
      return found === null ? null : pendingMergeOf(found.clash);
    },

    async resolveMerge(postPath, choices) {
      const found = await clashAt(postPath);
      if (found === null) throw fail('bad-request', `There is no merge waiting for “${postPath}”: publish it again.`);
      const text = resolveClash(found.clash, choices);
      if (text === null) throw fail('bad-request', 'Removing the post is not offered here: choose a version to keep.');
      const delivery = await deliver(root, {
        plan: found.plan,
        resolutions: new Map([[postPath, text]]),
        forceCatchUp: true,
      });
      if (delivery.changedFiles.length > 0) options.emit('files:changed', { paths: delivery.changedFiles });
      problem = delivery.problem;
      await announce();
      const bytes = await readFile(path.join(root, ...postPath.split('/')));
      const head = (await getHead(root)) ?? '';
      const subject = found.clash.commit.message.split('\n')[0] ?? '';
      return {
        save: { version: fingerprint(bytes), written: true, savedAt: new Date().toISOString() },
        commit: head,
        shortCommit: head.slice(0, 7),
        committed: true,
        message: subject,
        branch: delivery.branch,
        upstream: delivery.upstream,
        pushed: delivery.pushed,
        ...(delivery.caughtUp ? { caughtUp: delivery.caughtUp } : {}),
      };
    },

    async cancelMerge(postPath) {
      const found = await clashAt(postPath);
      if (found === null) return;
      // The writer's latest committed version of every file the dropped commits carried.
      const dropped = new Set<string>();
      const touches = async (commit: FileClash['commit']): Promise<boolean> => {
        const changes = await changesOf(root, commit.parents[0] ?? '', commit.commit);
        if (!changes.some((change) => change.path === postPath)) return false;
        changes.forEach((change) => dropped.add(change.path));
        return true;
      };
      const dry = await catchUp(root, found.plan.target.trackingRef, {
        merge: (clash) => settleClash(clash, new Map()),
        dryRun: true,
        drop: touches,
      });
      if (dry.kind === 'conflict') throw new MergeConflictFailure(dry.clash);
      const mine = new Map<string, string>();
      // Images the publish carried (see post-media.ts) are not text to journal: their bytes are put
      // back after the branch moves, untracked as they were before the publish.
      const media = await keepMediaBytes(root, dropped);
      for (const file of dropped) {
        if (media.has(file)) continue;
        const text = await showFileAt(root, 'HEAD', file);
        if (text !== null) mine.set(file, text);
      }
      // Safe first: journalled against the version the file will hold, before the branch moves.
      const theirsVersion = async (file: string): Promise<string> =>
        fingerprint(Buffer.from((await showFileAt(root, dry.tip, file)) ?? '', 'utf8'));
      const keep = async (): Promise<boolean> => {
        let journalled = true;
        for (const [file, text] of mine)
          journalled = (await options.keepUnsavedEdits?.(file, text, await theirsVersion(file))) === true && journalled;
        return journalled;
      };
      await keep();
      dropped.clear();
      const outcome = await catchUp(root, found.plan.target.trackingRef, {
        merge: (clash) => settleClash(clash, new Map()),
        drop: touches,
      });
      if (outcome.kind === 'conflict') throw new MergeConflictFailure(outcome.clash);
      await restoreMedia(root, media);
      // Again now that the files hold the other side's version, so the journal can merge onto it later.
      const journalled = await keep();
      if (!journalled) {
        // No journal to keep them in: the writer's versions stay in the files, uncommitted.
        for (const [file, text] of mine) await writeFileAtomic(await resolveWritePath(root, file), text);
      }
      if (outcome.changedFiles.length > 0) options.emit('files:changed', { paths: outcome.changedFiles });
      const after = await getSyncStatus(root);
      if (after.ahead === 0) await clearPushWaiting(root);
      problem = null;
      await announce();
      if (after.ahead > 0) retries.now();
    },

    async track(task) {
      busy++;
      try {
        return await task();
      } finally {
        busy--;
      }
    },

    async linkUpstream() {
      await linkUpstream(root);
      problem = null;
      return (await announce()) ?? status();
    },

    published(result) {
      if (result.pushed === false)
        problem = problem ?? { code: 'git-offline', message: 'Published locally — will push when online.' };
      else if (problem?.code === 'git-offline') problem = null;
      // After the publish's answer has gone out: starting git blocks this thread while it forks
      // (2–4 ms), which would otherwise delay the answer the writer waits for.
      setImmediate(() => void announce());
      if (result.pushed === false) retries.failed();
    },

    close() {
      closed = true;
      retries.stop();
    },
  };
}

/** When the repository was last fetched, by Masthead or in a terminal: git rewrites FETCH_HEAD on every fetch. */
async function lastFetchOnDisk(root: string): Promise<string | null> {
  try {
    return (await stat(path.join(await gitDirOf(root), 'FETCH_HEAD'))).mtime.toISOString();
  } catch {
    return null;
  }
}

async function getHead(root: string): Promise<string | null> {
  return resolveCommit(root, 'HEAD');
}

/** The bytes of the image files among `files`, read from the work tree (where the publish left them). */
async function keepMediaBytes(root: string, files: ReadonlySet<string>): Promise<Map<string, Buffer>> {
  const kept = new Map<string, Buffer>();
  for (const file of files) {
    if (imageContentType(file) === null) continue;
    const bytes = await readFile(await resolveInRepo(root, file)).catch(() => null);
    if (bytes !== null) kept.set(file, bytes);
  }
  return kept;
}

/** Writes kept images back where the branch move removed them; a file the other side has there is left alone. */
async function restoreMedia(root: string, media: ReadonlyMap<string, Buffer>): Promise<void> {
  for (const [file, bytes] of media) {
    const absolute = await resolveInRepo(root, file);
    if (
      await stat(absolute).then(
        () => true,
        () => false,
      )
    )
      continue;
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, bytes, { flag: 'wx' });
  }
}
