/**
 * Git failures: a pure classifier from git's output to an ErrorCode, the plain sentence shown for
 * each code, and the GitError thrown by the choke point. Nothing here runs git, so all of it is
 * tested on strings.
 */
import type { ErrorCode } from '../../shared/errors';
import { AppFailure, assertNever } from '../../shared/errors';

/** The ErrorCodes that describe a git failure. */
export type GitErrorCode = Extract<ErrorCode, `git-${string}`>;

// Ordered: the first rule that matches wins. Specific refusals come before the generic network and
// auth wording because git often prints several lines (e.g. a rejected push also says "failed to
// push some refs", an ssh auth failure also says "Could not read from remote repository").
// "HEAD detached at" is deliberately not a rule: commit prints it in its status summary, and
// committing on a detached HEAD is not itself a failure.
const RULES: ReadonlyArray<readonly [GitErrorCode, RegExp]> = [
  // Another git process (or a crashed one) holds the index: nothing else can be judged until it is gone.
  ['git-locked', /Unable to create '[^'\n]*\.lock': File exists|Another git process seems to be running/i],
  // A rebase or cherry-pick that stopped on a clash; before the in-progress rule, whose wording its hints repeat.
  ['git-merge-conflict', /^CONFLICT \(|could not apply [0-9a-f]{7,}|Automatic merge failed; fix conflicts/im],
  [
    'git-in-progress',
    /You have not concluded your merge|MERGE_HEAD exists|already a rebase-(?:merge|apply) directory|rebase-(?:merge|apply) directory .*exists|You are in the middle of an? (?:am|rebase|merge|cherry-pick)|cherry-pick is already in progress|revert is already in progress|you have unmerged files|Exiting because of an unresolved conflict/i,
  ],
  // A hook on the remote refused the push; a local hook (pre-commit, pre-push) prints only its own
  // output, so those are recognised by the verb that ran it (see hooks.ts).
  ['git-hook', /\(pre-receive hook declined\)|\(hook declined\)|\(update hook declined\)/i],
  ['git-detached-head', /You are not currently on a branch/i],
  [
    'git-no-upstream',
    /has no upstream branch|no upstream configured for branch|There is no tracking information for the current branch/i,
  ],
  [
    'git-no-identity',
    /Please tell me who you are|empty ident name|unable to auto-detect email address|no (?:email|name) was given and auto-detection is disabled/i,
  ],
  ['git-nothing-to-commit', /nothing to commit|nothing added to commit|no changes added to commit/i],
  [
    'git-rejected',
    /\[rejected\]|Updates were rejected because|non-fast-forward|\(fetch first\)|\(stale info\)|tip of your current branch is behind/i,
  ],
  [
    'git-offline',
    /Could not resolve host|Could not resolve hostname|Could not resolve proxy|Temporary failure in name resolution|Name or service not known|Connection refused|Failed to connect to|Couldn't connect to server|Network is unreachable|No route to host|timed out|Operation too slow|Connection reset by peer/i,
  ],
  [
    'git-auth',
    /Authentication failed|HTTP Basic: Access denied|returned error: 40[13]|Permission denied \(publickey|could not read (?:Username|Password)|terminal prompts disabled|Invalid username or password|Host key verification failed|remote: Permission to .* denied/i,
  ],
];

/**
 * Derives an ErrorCode from what git printed when it failed (stderr, plus stdout where git prints
 * its refusal there, as `commit` does for "nothing to commit"). Unknown output is `git-failed`.
 */
export function classifyGitError(output: string): GitErrorCode {
  for (const [code, pattern] of RULES) {
    if (pattern.test(output)) return code;
  }
  return 'git-failed';
}

/** What happened and what to do next, in plain words, for each git ErrorCode. */
export function gitErrorMessage(code: GitErrorCode): string {
  switch (code) {
    case 'git-no-upstream':
      return 'This branch is not linked to a branch on the remote, so there is nowhere to publish it. Link it with "Link branch and publish" (or once from a terminal with "git push -u origin <branch>"), then publish again.';
    case 'git-rejected':
      return 'The remote has changes you do not have yet, so it refused the push. Your commit is kept on this computer. Pull the latest changes (git pull), then publish again.';
    case 'git-auth':
      return 'The remote did not accept your credentials. Check that you can push to this repository from a terminal (sign in, or load your SSH key into the agent), then publish again.';
    case 'git-offline':
      return 'Could not reach the remote. Check your internet or VPN connection, then publish again. Your work is kept on this computer.';
    case 'git-no-identity':
      return 'Git does not know your name and email, so it cannot record who made the commit. Set them with "git config --global user.name" and "git config --global user.email", then publish again.';
    case 'git-nothing-to-commit':
      return 'There is nothing to commit: the file already matches the last commit.';
    case 'git-detached-head':
      return 'The repository is not on a branch (detached HEAD), so there is no branch to publish to. Switch to your branch (for example "git switch main"), then try again.';
    case 'git-merge-conflict':
      return 'Someone else changed the same parts of this post. Nothing was lost: choose which version to keep for each clash, then publish again.';
    case 'git-in-progress':
      return 'The repository is in the middle of a merge or rebase started outside Masthead. Finish it or abort it in a terminal (for example "git rebase --abort" or "git merge --abort"), then try again.';
    case 'git-locked':
      return 'Another git program is using this repository (its index.lock file exists). Wait for it to finish, or delete .git/index.lock if no git program is running, then try again.';
    case 'git-hook':
      return 'A git hook of this repository refused the change. Read what the hook said in the details, fix what it describes, then try again.';
    case 'git-failed':
      return 'Git could not complete the operation. Open the details to read what git said, fix what it describes, then try again.';
    default:
      return assertNever(code);
  }
}

/**
 * A sentence naming the exact cause when git's output shows it — which operation is in progress,
 * which remote path is gone, what a remote hook said — or null to use the code's usual sentence.
 */
export function gitCauseMessage(code: GitErrorCode, output: string): string | null {
  if (code === 'git-in-progress') {
    const operation = /rebase/i.test(output)
      ? 'rebase'
      : /cherry-pick/i.test(output)
        ? 'cherry-pick'
        : /revert/i.test(output)
          ? 'revert'
          : /merge|MERGE_HEAD|unmerged/i.test(output)
            ? 'merge'
            : null;
    if (operation === null) return null;
    return `The repository is in the middle of a ${operation} started outside Masthead. Finish it or abort it in a terminal (for example "git ${operation} --abort"), then try again. Your edits are kept.`;
  }
  if (code === 'git-locked') {
    const lock = /Unable to create '([^'\n]*\.lock)'/.exec(output)?.[1];
    return `Another git program is using this repository: ${lock ? `“${lock}”` : 'its index.lock file'} exists. Wait for it to finish; if no git program is running, a crashed one left the lock behind — remove it (Masthead offers to), then try again.`;
  }
  if (code === 'git-hook') {
    const said = output
      .split(/\r?\n/)
      .filter(
        (line) =>
          /^remote:\s*\S/.test(line) &&
          !/^remote:\s*(error: )?(hook declined|Resolving deltas|Counting objects)/i.test(line),
      )
      .map((line) => line.replace(/^remote:\s*/, '').trim())
      .join(' ');
    if (said === '') return null;
    return `The remote's hook refused the push and said: ${said.length > 400 ? `${said.slice(0, 399)}…` : said} Your commit is kept on this computer; fix what it describes, then publish again.`;
  }
  if (code === 'git-failed') {
    const missing =
      /fatal: '([^'\n]+)' does not appear to be a git repository/.exec(output)?.[1] ??
      /fatal: repository '([^'\n]+)' (?:not found|does not exist)/.exec(output)?.[1] ??
      null;
    if (missing !== null) {
      return `The remote repository “${missing}” no longer exists there (it was moved, renamed or deleted). Point the remote at its new address (for example "git remote set-url origin <address>"), then publish again. Your commit is kept on this computer.`;
    }
  }
  return null;
}

/** Hides credentials embedded in URLs (`https://user:token@host`) so they never reach logs or the UI. */
export function redactCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@');
}

/** Shortest secret scrubbed on its own: shorter strings (a PIN-like "1234") would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

/**
 * Hides credentials in `text`: URL user-info (`https://user:token@`) and every occurrence of the
 * given secrets (tokens handed to git, also as they appear percent-encoded in a URL).
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = redactCredentials(text);
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('***');
  }
  return out;
}

/** Raw facts about a failed git run, kept for diagnosis. */
export interface GitFailureInfo {
  /** The arguments git was run with (after the binary, before simple-git's `-c` prefix). */
  args: readonly string[];
  /** Git's exit code; null when git did not run to completion (killed by the timeout, not spawned). */
  exitCode: number | null;
  stderr: string;
  stdout: string;
  /** Secrets git was given for this run (tokens): scrubbed from the detail and the stored output. */
  secrets?: readonly string[];
  /** A plainer sentence than the code's usual one, when the caller knows more (e.g. the writer cancelled signing in). */
  message?: string;
}

/** A failed git operation: an AppFailure with a git ErrorCode, git's output as detail. */
export class GitError extends AppFailure {
  declare readonly code: GitErrorCode;
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly stderr: string;

  constructor(code: GitErrorCode, info: GitFailureInfo) {
    const secrets = info.secrets ?? [];
    const output = [info.stderr.trim(), info.stdout.trim()].filter((part) => part !== '').join('\n');
    const detail = scrubSecrets(`git ${info.args.join(' ')}${output === '' ? '' : `\n${output}`}`, secrets);
    super({
      code,
      message: info.message ?? gitCauseMessage(code, scrubSecrets(output, secrets)) ?? gitErrorMessage(code),
      detail,
    });
    this.name = 'GitError';
    this.args = info.args.map((arg) => scrubSecrets(arg, secrets));
    this.exitCode = info.exitCode;
    this.stderr = scrubSecrets(info.stderr, secrets);
  }
}
