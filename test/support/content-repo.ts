/**
 * A sample blog repository (test/fixtures/blog) checked into a temp Git work tree with a bare
 * remote, plus read-only views of the remote that end-to-end tests assert on.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRepoWithRemote, type RepoWithRemote } from './git-fixtures';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** A content repository with a bare remote, and what the remote holds. */
export interface ContentRepo extends RepoWithRemote {
  /** Commit SHAs on the remote's current branch, newest first. */
  remoteLog(): string[];
  /** The files a remote commit changed (repo-relative paths). */
  remoteCommitFiles(commit: string): string[];
  /** The full message of a remote commit, without the trailing newline. */
  remoteCommitMessage(commit: string): string;
  /** A file's bytes (as UTF-8) at the tip of the remote's branch. */
  remoteFile(repoPath: string): string;
}

/** Reads every file under a fixture folder as repo-relative POSIX path → bytes (images stay binary). */
export function readFixtureFiles(name: string): Record<string, Uint8Array> {
  const root = path.join(FIXTURES, name);
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full);
    }
  };
  walk(root);
  return files;
}

/**
 * Creates a temp clone of a fixture repository whose `origin` is a bare repository: `blog` (the
 * default) or one of the sites under test/fixtures/sites (`sites/decap`, `sites/frontmatter-cms`,
 * `sites/plain`).
 */
export function createContentRepo(fixture = 'blog'): ContentRepo {
  const repo = createRepoWithRemote({ files: readFixtureFiles(fixture) });
  const lines = (text: string) => text.split('\n').filter((line) => line !== '');
  return {
    ...repo,
    remoteLog: () => lines(repo.remoteGit('log', '--format=%H', 'main')),
    remoteCommitFiles: (commit) => lines(repo.remoteGit('show', '--name-only', '--format=', commit)),
    remoteCommitMessage: (commit) => repo.remoteGit('log', '-1', '--format=%B', commit).replace(/\n+$/, ''),
    remoteFile: (repoPath) => repo.remoteGit('show', `main:${repoPath}`),
  };
}
