/** Pushing the current branch to its upstream. */
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { runGit, sshSettings } from './core';
import { GitError } from './errors';
import { asHookFailure } from './hooks';
import { oneRemoteCallAtATime } from './remote-queue';
import { gitDirOf } from './repo-state';

/** Where a push went. */
export interface PushResult {
  /** The local branch that was pushed, e.g. `main`. */
  branch: string;
  /** Its upstream in short form, e.g. `origin/main`. */
  upstream: string;
}

/** One parsed progress line, e.g. `Writing objects:  42% (21/50)` → `{ phase: 'Writing objects', percent: 42 }`. */
export interface PushProgress {
  phase: string;
  percent: number;
}

/** Parses a git progress line (`remote: ` prefix allowed); null for lines that are not progress. */
export function parseProgressLine(line: string): PushProgress | null {
  const match = /^(?:remote:\s*)?([A-Za-z][A-Za-z ]*?):\s+(\d{1,3})%/.exec(line.trim());
  if (!match) return null;
  return { phase: match[1]!, percent: Math.min(100, Number(match[2])) };
}

/** Where and how the current branch will be pushed. */
export interface PushPlan {
  branch: string;
  target: Upstream;
  /** `-c` settings for the push (and the fetch of a catch-up): which ssh command runs. */
  config: string[];
}

/**
 * Looks up where the current branch pushes to, without pushing. It does not depend on the commit
 * being pushed, so a publish can run it while it saves and commits.
 */
export async function planPush(workTree: string): Promise<PushPlan> {
  // The plan depends only on HEAD (the branch) and the config files (its upstream, core.sshCommand):
  // while none of them changed, the plan made last time still holds and costs no git start.
  const key = path.resolve(workTree);
  const stamp = await planStamp(workTree);
  const known = plans.get(key);
  if (stamp !== null && known?.stamp === stamp) return known.plan;
  const plan = await lookUpPlan(workTree);
  if (stamp !== null) plans.set(key, { stamp, plan });
  return plan;
}

const plans = new Map<string, { stamp: string; plan: PushPlan }>();

/** When and how big HEAD and the config files were: a change to any of them may change the plan. */
async function planStamp(workTree: string): Promise<string | null> {
  try {
    const gitDir = await gitDirOf(workTree);
    const globalConfigs = [
      path.join(homedir(), '.gitconfig'),
      path.join(process.env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), 'git', 'config'),
    ];
    // Git replaces config files through a lock file and a rename, so a new inode marks every change.
    const files = [path.join(gitDir, 'config'), ...globalConfigs];
    // HEAD by content: a catch-up rewrites it with the same branch name, which leaves the plan as it was.
    const [head, ...stats] = await Promise.all([
      readFile(path.join(gitDir, 'HEAD'), 'utf8'),
      ...files.map((file) => stat(file, { bigint: true }).catch(() => null)),
    ]);
    return [
      head.trim(),
      ...stats.map((info) => (info === null ? '-' : `${info.mtimeNs}:${info.size}:${info.ino}`)),
    ].join('|');
  } catch {
    return null;
  }
}

async function lookUpPlan(workTree: string): Promise<PushPlan> {
  // Independent look-ups run side by side: each git start costs milliseconds.
  const [{ branch, target }, config] = await Promise.all([branchAndUpstream(workTree), sshSettings(workTree)]);
  return { branch, target, config };
}

/**
 * Pushes the current branch to its configured upstream (as `plan` says, or as looked up now).
 * Throws GitError `git-detached-head` when HEAD is not on a branch and `git-no-upstream` when the
 * branch tracks nothing; every other failure (rejected, offline, auth…) carries the code git's
 * output points to. `onProgress` receives git's progress lines as they arrive.
 */
export async function pushCurrentBranch(
  workTree: string,
  onProgress?: (line: string) => void,
  plan?: PushPlan,
): Promise<PushResult> {
  const { branch, target, config } = plan ?? (await planPush(workTree));

  // Explicit remote and refspec rather than a bare `git push`: push.default and remote.pushDefault
  // could otherwise send the branch somewhere other than the upstream the UI shows.
  // --progress: git only prints progress to a terminal unless asked, and that output also keeps
  // the inactivity timeout from stopping a long but healthy upload.
  try {
    await oneRemoteCallAtATime(workTree, () =>
      runGit(workTree, ['push', '--progress', target.remote, `refs/heads/${branch}:${target.remoteRef}`], {
        config,
        ...(onProgress ? { onStderrLine: onProgress } : {}),
      }),
    );
  } catch (error) {
    // A pre-push hook prints only its own words: say it was the hook.
    throw await asHookFailure(error, workTree, ['pre-push']);
  }
  return { branch, upstream: target.short };
}

/**
 * The current branch and its upstream in one git start: for-each-ref marks the checked-out branch
 * with `*`. When none is marked, HEAD is detached or the branch has no commits yet; only then is
 * a second call made to tell which.
 */
async function branchAndUpstream(workTree: string): Promise<{ branch: string; target: Upstream }> {
  const { stdout } = await runGit(workTree, [
    'for-each-ref',
    '--format=%(HEAD)%00%(refname:short)%00%(upstream:remotename)%00%(upstream:remoteref)%00%(upstream:short)%00%(upstream)',
    'refs/heads/',
  ]);
  const current = stdout.split('\n').find((line) => line.startsWith('*\0'));
  if (current === undefined) {
    const branch = await currentBranch(workTree);
    // for-each-ref lists nothing for a branch without commits.
    throw new GitError('git-failed', {
      args: ['push'],
      exitCode: null,
      stderr: `The branch ${branch} has no commits yet, so there is nothing to push.`,
      stdout: '',
    });
  }
  const [, branch = '', remote = '', remoteRef = '', short = '', tracking = ''] = current.split('\0');
  if (remote === '' || remoteRef === '') {
    throw new GitError('git-no-upstream', {
      args: ['push'],
      exitCode: null,
      stderr: `The current branch ${branch} has no upstream branch.`,
      stdout: '',
    });
  }
  const shortName = short || `${remote}/${remoteRef.replace(/^refs\/heads\//, '')}`;
  return {
    branch,
    target: { remote, remoteRef, short: shortName, trackingRef: tracking || `refs/remotes/${shortName}` },
  };
}

async function currentBranch(workTree: string): Promise<string> {
  const { stdout, exitCode } = await runGit(workTree, ['symbolic-ref', '--quiet', '--short', 'HEAD'], {
    okExitCodes: [0, 1],
  });
  if (exitCode !== 0) {
    throw new GitError('git-detached-head', {
      args: ['push'],
      exitCode: null,
      stderr: 'HEAD is detached: not on any branch.',
      stdout: '',
    });
  }
  return stdout.trim();
}

/** The remote and ref the current branch pushes to, and its short name (`origin/main`). */
export interface Upstream {
  remote: string;
  remoteRef: string;
  short: string;
  /** The local ref that mirrors it, e.g. `refs/remotes/origin/main` (what a fetch updates). */
  trackingRef: string;
}
