/**
 * THE choke point: every git process Masthead starts goes through `runGit`. It fixes the things
 * that must hold for every call — git never prompts, never hangs, prints paths unquoted and in
 * English — and turns every failure into a GitError with a code derived from git's output.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { simpleGit, GitPluginError } from 'simple-git';
import type { SimpleGitOptions } from 'simple-git';
import { createKeyedQueue } from '../workspace/concurrency';
import { remoteAnswered, startWatchdog, traceFolder } from './watchdog';
import { classifyGitError, GitError, scrubSecrets } from './errors';

/** How long git may go without printing anything before it is stopped (it is waiting on something). */
export const DEFAULT_GIT_TIMEOUT_MS = 60_000;

/**
 * How long a run that talks to a remote may wait for the remote's first answer. A remote that
 * accepts the connection and then says nothing (a hung server, a captive portal, a firewall that
 * swallows packets) fails within this instead of blocking a publish for the whole inactivity
 * timeout; the commit stays queued. A silent pre-push hook runs after the remote answered, so it
 * still gets the full timeout.
 */
export const REMOTE_ANSWER_TIMEOUT_MS = 8_000;

/**
 * Settings for remote runs: HTTP(S) transfers slower than 1 kB/s for 8 s are abandoned (curl's
 * low-speed limit, which also covers a server that never sends its first byte).
 */
export const REMOTE_CONFIG = ['http.lowSpeedLimit=1000', 'http.lowSpeedTime=8'];

/** ssh options for remote runs: give up connecting (and the handshake) after 8 s, and notice a server gone silent. */
export const SSH_TIMEOUT_OPTIONS = '-o ConnectTimeout=8 -o ServerAliveInterval=4 -o ServerAliveCountMax=2';

/** Options for one git run. */
export interface RunGitOptions {
  /** Overrides REMOTE_ANSWER_TIMEOUT_MS for this run (tests). */
  answerTimeoutMs?: number;
  /** Exit codes that mean success for this command (default `[0]`), e.g. `[0, 1]` for `diff --quiet`. */
  okExitCodes?: readonly number[];
  /** Extra `key=value` settings passed as `-c` for this run only. */
  config?: readonly string[];
  /** Receives each line git writes to stderr as it arrives (progress output splits on `\r` too). */
  onStderrLine?: (line: string) => void;
  /** Overrides DEFAULT_GIT_TIMEOUT_MS; the clock restarts whenever git prints something. */
  timeoutMs?: number;
  /**
   * Extra environment for this run only, e.g. GIT_INDEX_FILE for a scratch index or GIT_AUTHOR_*
   * to keep a replayed commit's author. Only Masthead's own code sets these.
   */
  env?: Readonly<Record<string, string>>;
  /** Text written to git's standard input (`hash-object --stdin`). */
  input?: string;
}

/** What a successful git run printed. */
export interface GitOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Lends credentials to git runs that talk to a remote (fetch, push, ls-remote…): the back end's
 * credential broker (main/credentials/) sets one, so git asks the app through an askpass helper
 * instead of a terminal. Without one, git only has the user's own credential helpers and ssh agent.
 */
export interface RemoteAuth {
  /** Called before each remote run; what it returns serves that run only. */
  begin(): Promise<RemoteAuthRun>;
}

/** The credentials side of one remote git run. */
export interface RemoteAuthRun {
  /** Variables for git: GIT_ASKPASS and the helper's channel. */
  env: Record<string, string>;
  /** True while the writer is being asked: the inactivity clock stands still meanwhile. */
  waitingForWriter(): boolean;
  /** Secrets handed to git in this run: scrubbed from its output before it becomes an error. */
  secrets(): readonly string[];
  /** A plainer sentence than the generic one for a `git-auth` failure (cancelled, wrong token…), or null. */
  authMessage(): string | null;
  /** Called once when git is done: 'auth-failed' when it ended in `git-auth`. */
  end(outcome: 'ok' | 'auth-failed' | 'failed'): Promise<void>;
}

let remoteAuth: RemoteAuth | null = null;

/** Sets (or with null removes) who lends credentials to remote git runs; returns the one it replaced. */
export function setRemoteAuth(auth: RemoteAuth | null): RemoteAuth | null {
  const previous = remoteAuth;
  remoteAuth = auth;
  return previous;
}

/** True for git commands that may talk to a remote, and so may need credentials or stall on the network. */
export function talksToRemote(args: readonly string[]): boolean {
  const [verb, sub] = args;
  if (verb === 'fetch' || verb === 'pull' || verb === 'push' || verb === 'ls-remote' || verb === 'clone') return true;
  if (verb === 'remote') return sub === 'update' || sub === 'prune' || sub === 'show';
  return verb === 'submodule' && sub === 'update';
}

// Settings for every run. quotepath=false prints non-ASCII paths as UTF-8 instead of "\303\251"
// escapes, so parsers see the file names the writer typed.
const BASE_CONFIG = ['core.quotepath=false'];

// Ambient GIT_* variables the user set for their network (custom CA bundles, ssh wrappers). simple-git
// strips every ambient GIT_* variable; these are handed through on purpose because without them
// pushes fail behind corporate proxies or with per-repo ssh keys.
const PASSED_THROUGH = ['GIT_SSL_CAINFO', 'GIT_SSL_CAPATH', 'GIT_SSH_COMMAND', 'GIT_SSH', 'GIT_SSH_VARIANT'];

// Variables we set ourselves; simple-git rejects guarded variables that are not listed.
const OWN_VARIABLES = ['GIT_TERMINAL_PROMPT', 'GIT_ASKPASS'];

// Non-GIT_* variables simple-git also guards (it throws when they are passed explicitly). We drop
// them rather than forward them: Masthead never opens an editor or a pager.
const GUARDED_NON_GIT = new Set(['editor', 'visual', 'pager', 'prefix', 'ssh_askpass']);

/** The environment every git process gets: the user's, minus variables git must not inherit, plus ours. */
export function gitEnvironment(base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const passed = new Set(PASSED_THROUGH.map((name) => name.toLowerCase()));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    // GIT_DIR, GIT_INDEX_FILE, GIT_WORK_TREE… leak in when Masthead is started from a git hook and
    // would silently point every command at another repository.
    if (key.startsWith('git_') && !passed.has(key)) continue;
    if (GUARDED_NON_GIT.has(key)) continue;
    env[name] = value;
  }
  // Never prompt. An empty GIT_ASKPASS also overrides core.askPass and SSH_ASKPASS (git only runs a
  // non-empty one), and GIT_TERMINAL_PROMPT=0 makes git fail with "terminal prompts disabled"
  // instead of waiting on a terminal nobody is watching. Credential helpers still run first.
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_ASKPASS = '';
  // Git Credential Manager would otherwise open its own sign-in window (or wait on the terminal).
  // With stored credentials it still answers; without, git falls through to the app's askpass.
  env.GCM_INTERACTIVE = 'never';
  // Errors are classified by their English wording: LC_MESSAGES covers the usual case, LANGUAGE the
  // case where LC_ALL is set to a translated locale. Character handling (LC_CTYPE) is left alone so
  // hooks still read UTF-8.
  env.LC_MESSAGES = 'C';
  env.LANGUAGE = 'en';
  return env;
}

/**
 * Runs `git <args>` in `workTree` and resolves with its output, or rejects with a GitError whose
 * code comes from git's output. Arguments are passed to git as given: callers put paths after `--`.
 */
export async function runGit(
  workTree: string,
  args: readonly string[],
  options: RunGitOptions = {},
): Promise<GitOutput> {
  if (!process.env.MASTHEAD_GIT_TRACE) return runGitNow(workTree, args, options);
  // MASTHEAD_GIT_TRACE=1: one stderr line per git run with its duration, to see where a publish's time goes.
  const start = performance.now();
  try {
    return await runGitNow(workTree, args, options);
  } finally {
    process.stderr.write(
      `git ${args.slice(0, 3).join(' ')}: ${(performance.now() - start).toFixed(1)} ms (started at ${start.toFixed(0)})\n`,
    );
  }
}

async function runGitNow(workTree: string, args: readonly string[], options: RunGitOptions): Promise<GitOutput> {
  const okExitCodes = options.okExitCodes ?? [0];
  const timeoutMs = options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
  const remote = talksToRemote(args);
  const config = [
    ...BASE_CONFIG,
    ...(remote ? REMOTE_CONFIG : []),
    ...(options.config ?? []),
    ...(remote && !settlesSsh(options.config) ? await sshSettings(workTree) : []),
  ];
  const auth = remote && remoteAuth !== null ? await remoteAuth.begin() : null;
  // git's packet trace tells when the remote first answered: until then a remote run has only
  // REMOTE_ANSWER_TIMEOUT_MS (git has no connect timeout of its own for git:// or a silent server).
  const packets = remote ? path.join(await traceFolder(), `packets-${randomBytes(6).toString('hex')}.log`) : null;
  const answerMs = options.answerTimeoutMs ?? REMOTE_ANSWER_TIMEOUT_MS;
  // A remote run keeps its own inactivity clock, which stands still while the writer is asked to
  // sign in: simple-git's would stop git mid-question and report it as a network time-out.
  const watchdog = remote
    ? startWatchdog(
        timeoutMs,
        () => auth?.waitingForWriter() === true,
        packets === null ? null : { ms: answerMs, answered: remoteAnswered(packets) },
      )
    : null;
  let finished: GitOutput | undefined;
  let failure: GitError | undefined;

  const settings: Partial<SimpleGitOptions> = {
    baseDir: workTree,
    config,
    ...(watchdog ? { abort: watchdog.signal } : { timeout: { block: timeoutMs } }),
    allowEnvironment: [
      ...OWN_VARIABLES,
      ...PASSED_THROUGH,
      ...(packets ? ['GIT_TRACE_PACKET'] : []),
      ...Object.keys(options.env ?? {}),
    ],
    ...(options.input === undefined ? {} : { input: () => options.input }),
    // Both only unlock what this module sets itself (GIT_ASKPASS, core.sshCommand, GIT_SSH_COMMAND
    // from the user's own environment). Flags are written by Masthead's code; values that come from
    // a repository or the writer (paths, remote names, messages) are only ever option values or
    // follow `--`, which simple-git's checks still see.
    unsafe: { allowUnsafeAskPass: true, allowUnsafeSshCommand: true },
    // Called for every run, success or not: the one place that sees git's exit code and both streams.
    errors(error, result) {
      const stdout = Buffer.concat(result.stdOut).toString('utf8');
      let stderr = Buffer.concat(result.stdErr).toString('utf8');
      const timedOut =
        error instanceof GitPluginError &&
        (error.plugin === 'timeout' || (error.plugin === 'abort' && (watchdog?.fired() ?? false) !== false));
      if (!timedOut && okExitCodes.includes(result.exitCode)) {
        finished = { stdout, stderr, exitCode: result.exitCode };
        return undefined;
      }
      if (timedOut) {
        stderr +=
          watchdog?.fired() === 'no-answer'
            ? `\nMasthead stopped git: the remote accepted the connection but did not answer within ${Math.round(answerMs / 1000)} s (timed out).`
            : `\nMasthead stopped git: no output for ${Math.round(timeoutMs / 1000)} s (timed out).`;
      }
      const exitCode = timedOut || !Number.isInteger(result.exitCode) ? null : result.exitCode;
      const code = classifyGitError(`${stderr}\n${stdout}`);
      const message = code === 'git-auth' ? auth?.authMessage() : null;
      failure = new GitError(code, {
        args,
        exitCode,
        stderr,
        stdout,
        secrets: auth?.secrets() ?? [],
        ...(message ? { message } : {}),
      });
      return failure;
    },
  };

  try {
    const git = simpleGit(settings).env({
      ...gitEnvironment(),
      ...auth?.env,
      ...(packets ? { GIT_TRACE_PACKET: packets } : {}),
      ...options.env,
    });
    const onLine = options.onStderrLine;
    if (onLine || watchdog) {
      git.outputHandler((_command, stdout, stderr) => {
        if (watchdog) [stdout, stderr].forEach((stream) => stream.on('data', watchdog.touch));
        if (onLine) forwardLines(stderr, auth ? (line) => onLine(scrubSecrets(line, auth.secrets())) : onLine);
      });
    }
    await git.raw([...args]);
  } catch (error) {
    if (failure) throw failure;
    // simple-git refused before git ran (missing folder, a blocked argument): still a GitError.
    const text = error instanceof Error ? error.message : String(error);
    throw new GitError('git-failed', { args, exitCode: null, stderr: text, stdout: '' });
  } finally {
    watchdog?.stop();
    if (packets) await rm(packets, { force: true });
    await auth?.end(failure === undefined ? 'ok' : failure.code === 'git-auth' ? 'auth-failed' : 'failed');
  }
  if (!finished)
    throw new GitError('git-failed', { args, exitCode: null, stderr: 'git finished without a result', stdout: '' });
  return finished;
}

/**
 * The ssh setting for remote runs: `-c core.sshCommand=ssh -o BatchMode=yes …` when the user has no
 * ssh command of their own. ssh ignores GIT_TERMINAL_PROMPT and would ask for passphrases and host
 * keys on a terminal nobody watches; in batch mode it fails at once ("Permission denied
 * (publickey)" → git-auth), and the timeouts stop a silent server. The ssh agent still answers.
 * GIT_SSH_COMMAND / GIT_SSH from the environment and a configured core.sshCommand win: theirs
 * (keys, ports, proxies) is never replaced, and a configured one is handed back as it is, so a
 * caller that keeps the result (a push plan) spares every later run the look-up.
 */
export async function sshSettings(workTree: string): Promise<string[]> {
  if (process.env.GIT_SSH_COMMAND || process.env.GIT_SSH) return [];
  // --default '': prints an empty line when unset instead of exiting 1 in silence, which spares
  // simple-git's extra wait for output that never comes.
  const { stdout } = await runGit(workTree, ['config', '--default', '', '--get', 'core.sshCommand']);
  const own = stdout.replace(/\r?\n$/, '');
  return [`core.sshCommand=${own === '' ? `ssh -o BatchMode=yes ${SSH_TIMEOUT_OPTIONS}` : own}`];
}

/** True when `config` already says which ssh command to run. */
function settlesSsh(config: readonly string[] | undefined): boolean {
  return config?.some((setting) => setting.toLowerCase().startsWith('core.sshcommand=')) ?? false;
}

/** Splits a stream into lines on `\n` and `\r` (git redraws progress with `\r`) and forwards each. */
function forwardLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  // A decoder, not chunk.toString(): a chunk can end in the middle of a multi-byte character.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const emit = (line: string): void => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    try {
      onLine(trimmed);
    } catch {
      // Progress is advisory. A throwing listener runs inside a stream event, where the exception
      // would crash the whole back end mid-push; the push itself still reports its own outcome.
    }
  };
  stream.on('data', (chunk: Buffer | string) => {
    const parts = (pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk))).split(/[\r\n]/);
    pending = parts.pop() ?? '';
    parts.forEach(emit);
  });
  stream.on('end', () => emit(pending + decoder.end()));
}

const perWorkTree = createKeyedQueue();

/**
 * Runs `task` after every earlier task for the same work tree has settled. Commands that write the
 * index take `.git/index.lock`; two at once would make one fail with "index.lock exists".
 */
export function exclusive<T>(workTree: string, task: () => Promise<T>): Promise<T> {
  return perWorkTree(path.resolve(workTree), task);
}
