/**
 * Real Git repositories for tests and benchmarks: a work tree with a bare repository as its
 * `origin`, an initial commit pushed and tracked. Fixtures drive the system `git` directly (not
 * Masthead's git layer) so that what they set up does not depend on the code under test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A work tree cloned from a bare remote. */
export interface RepoWithRemote {
  /** Absolute path of the work tree (its realpath, as `git rev-parse --show-toplevel` prints it). */
  workTree: string;
  /** Absolute path of the bare repository that is the work tree's `origin`. */
  bareRemote: string;
  /** The folder holding both; `cleanup` deletes it. */
  root: string;
  /** Runs git in the work tree and returns stdout. */
  git(...args: string[]): string;
  /** Runs git against the bare remote (`git --git-dir=<bare>`) and returns stdout. */
  remoteGit(...args: string[]): string;
  /** Writes files (repo-relative POSIX paths → content) into the work tree, creating folders. */
  write(files: Record<string, string | Uint8Array>): void;
  /** Makes a second clone of the remote (own identity), e.g. to advance the remote behind our back. */
  cloneElsewhere(name?: string): { workTree: string; git(...args: string[]): string };
  /** Deletes every folder this fixture created. */
  cleanup(): void;
}

/** Options for createRepoWithRemote. */
export interface RepoOptions {
  /** Files of the initial commit (repo-relative POSIX paths → content). Defaults to a README. */
  files?: Record<string, string | Uint8Array>;
  /** Branch name; default `main`. */
  branch?: string;
  /** Identity written to the repository's own config; default `Test Writer <writer@example.test>`. */
  user?: { name: string; email: string };
}

// Fixtures must not depend on the machine: global/system config (gpg signing, init.defaultBranch,
// hooks paths) is ignored and GIT_* variables from the parent process are dropped.
function fixtureEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.toUpperCase().startsWith('GIT_')) env[name] = value;
  }
  env.GIT_CONFIG_NOSYSTEM = '1';
  env.GIT_CONFIG_GLOBAL = path.join(tmpdir(), 'masthead-fixture-no-global-gitconfig');
  env.GIT_TERMINAL_PROMPT = '0';
  return env;
}

/** Runs the system git synchronously in `cwd` and returns stdout; throws with stderr on failure. */
export function runGitSync(cwd: string, args: readonly string[]): string {
  return execFileSync('git', [...args], {
    cwd,
    env: fixtureEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function writeFiles(workTree: string, files: Record<string, string | Uint8Array>): void {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(workTree, ...relative.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

function configureClone(workTree: string, user: { name: string; email: string }): void {
  runGitSync(workTree, ['config', 'user.name', user.name]);
  runGitSync(workTree, ['config', 'user.email', user.email]);
  runGitSync(workTree, ['config', 'commit.gpgsign', 'false']);
}

/** Creates a temp work tree whose `origin` is a bare repository, with the initial commit pushed and tracked. */
export function createRepoWithRemote(options: RepoOptions = {}): RepoWithRemote {
  const branch = options.branch ?? 'main';
  const user = options.user ?? { name: 'Test Writer', email: 'writer@example.test' };
  const files = options.files ?? { 'README.md': '# Test blog\n' };
  // realpath: on macOS the temp dir is a symlink, and git reports resolved paths.
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'masthead-git-')));
  const bareRemote = path.join(root, 'remote.git');
  const workTree = path.join(root, 'work');

  runGitSync(root, ['init', '--quiet', '--bare', `--initial-branch=${branch}`, bareRemote]);
  runGitSync(root, ['init', '--quiet', `--initial-branch=${branch}`, workTree]);
  configureClone(workTree, user);
  runGitSync(workTree, ['remote', 'add', 'origin', bareRemote]);
  writeFiles(workTree, files);
  runGitSync(workTree, ['add', '--all']);
  runGitSync(workTree, ['commit', '--quiet', '-m', 'Initial commit']);
  runGitSync(workTree, ['push', '--quiet', '--set-upstream', 'origin', branch]);

  let clones = 0;
  return {
    workTree,
    bareRemote,
    root,
    git: (...args) => runGitSync(workTree, args),
    remoteGit: (...args) => runGitSync(root, [`--git-dir=${bareRemote}`, ...args]),
    write: (more) => writeFiles(workTree, more),
    cloneElsewhere(name = `clone-${++clones}`) {
      const other = path.join(root, name);
      runGitSync(root, ['clone', '--quiet', bareRemote, other]);
      configureClone(other, { name: 'Other Writer', email: 'other@example.test' });
      return { workTree: other, git: (...args: string[]) => runGitSync(other, args) };
    },
    // Retried: a git run the code under test started in the background may still be writing in .git.
    cleanup: () => rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }),
  };
}

/**
 * Points HOME (and XDG_CONFIG_HOME, USERPROFILE) of this process at an empty temp folder, so git
 * run by the code under test sees no global config: no identity, no credential helper, no signing.
 * Call the returned function to restore. (Masthead's git layer drops GIT_CONFIG_GLOBAL like every
 * GIT_* variable, so HOME is the lever that works.)
 */
export function isolateGitHome(): () => void {
  const home = realpathSync(mkdtempSync(path.join(tmpdir(), 'masthead-home-')));
  const names = ['HOME', 'XDG_CONFIG_HOME', 'USERPROFILE'] as const;
  const saved = names.map((name) => [name, process.env[name]] as const);
  process.env.HOME = home;
  process.env.USERPROFILE = home;
  process.env.XDG_CONFIG_HOME = path.join(home, '.config');
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(home, { recursive: true, force: true });
  };
}

/** Creates a temp folder that is not inside any Git work tree. */
export function createPlainFolder(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-plain-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A TCP port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}
