/** Where the current branch stands against its upstream (`git status --porcelain=v2 --branch`). */
import type { SyncStatus } from '../../shared/api';
import { runGit } from './core';

/** The `# branch.*` headers of `git status --porcelain=v2 --branch`, parsed. */
export interface BranchHeaders {
  /** The commit HEAD points at; null on an unborn branch (no commits yet). */
  oid: string | null;
  /** The current branch; null on a detached HEAD. Present (with `oid` null) on an unborn branch. */
  head: string | null;
  /** e.g. `origin/main`; null when the branch tracks nothing. */
  upstream: string | null;
  /** False when an upstream is configured but its remote branch is gone (or was never fetched). */
  upstreamExists: boolean;
  ahead: number;
  behind: number;
}

/** Parses the `# branch.*` header lines of porcelain v2 status output (`-z` or not); other lines are ignored. */
export function parseBranchHeaders(output: string): BranchHeaders {
  const headers: BranchHeaders = { oid: null, head: null, upstream: null, upstreamExists: false, ahead: 0, behind: 0 };
  for (const line of output.split(/\r?\n|\0/)) {
    if (!line.startsWith('# branch.')) continue;
    const space = line.indexOf(' ', 2);
    if (space === -1) continue;
    const key = line.slice(2, space);
    const value = line.slice(space + 1);
    switch (key) {
      case 'branch.oid':
        headers.oid = value === '(initial)' ? null : value;
        break;
      case 'branch.head':
        headers.head = value === '(detached)' ? null : value;
        break;
      case 'branch.upstream':
        headers.upstream = value;
        break;
      case 'branch.ab': {
        // Only printed when the upstream ref exists locally, so its presence is the "exists" signal.
        const match = /^\+(\d+) -(\d+)$/.exec(value);
        if (match) {
          headers.ahead = Number(match[1]);
          headers.behind = Number(match[2]);
          headers.upstreamExists = true;
        }
        break;
      }
    }
  }
  return headers;
}

/**
 * Reads the current branch, its upstream and the ahead/behind counts as of the last fetch. An
 * unborn branch reports its name with nothing ahead; a detached HEAD reports `branch: null`.
 */
export async function getSyncStatus(workTree: string): Promise<SyncStatus> {
  // --no-optional-locks: a status refresh must never hold index.lock while a commit wants it.
  // -uno: only the headers are read, so skip the (slow, in big sites) scan for untracked files.
  const { stdout } = await runGit(workTree, [
    '--no-optional-locks',
    'status',
    '--porcelain=v2',
    '--branch',
    '--untracked-files=no',
  ]);
  const headers = parseBranchHeaders(stdout);
  return { branch: headers.head, upstream: headers.upstream, ahead: headers.ahead, behind: headers.behind };
}
