/** The commits that touched one file, following it across renames (`git log --follow`). */
import { runGit } from './core';

/** One commit in a file's history. */
export interface FileCommit {
  /** Full SHA. */
  commit: string;
  shortCommit: string;
  author: string;
  email: string;
  /** Author date, strict ISO 8601 with the author's offset. */
  date: string;
  /** The message's first line. */
  subject: string;
  /** The file's repo-relative path in this commit (it differs from today's before a rename). */
  path: string;
}

/** Most commits listed for one file: a history panel never needs a decade of typo fixes at once. */
export const MAX_FILE_COMMITS = 200;

// Fields are split by US (0x1f) and commits by RS (0x1e): neither appears in names, dates or
// one-line subjects, unlike the tabs and newlines a message may hold.
const FORMAT = '%x1e%H%x1f%h%x1f%an%x1f%ae%x1f%aI%x1f%s';

/**
 * The commits that changed `path` (repo-relative POSIX), newest first, across renames. A file
 * with no commits yet, or a repository with none, has an empty history. Commits that deleted the
 * file are left out: there is no text to show for them.
 */
export async function fileHistory(workTree: string, path: string, limit = MAX_FILE_COMMITS): Promise<FileCommit[]> {
  // --literal-pathspecs: "[draft] notes.md" names that file, not a glob. 128 covers a branch with
  // no commits yet ("does not have any commits yet"), which has no history to show.
  const { stdout, exitCode } = await runGit(
    workTree,
    [
      '--literal-pathspecs',
      'log',
      '--follow',
      '-z',
      '--name-status',
      `--max-count=${limit}`,
      `--format=${FORMAT}`,
      '--',
      path,
    ],
    { okExitCodes: [0, 128] },
  );
  return exitCode === 0 ? parseFileLog(stdout, path) : [];
}

/**
 * Parses `git log --follow -z --name-status --format=<FORMAT>`: per commit an RS, the fields, a
 * NUL, then the status and path(s), each NUL-terminated (a rename gives old and new path). A merge
 * prints no status; it keeps the path of the commit listed after it (newer).
 */
export function parseFileLog(output: string, currentPath: string): FileCommit[] {
  const commits: FileCommit[] = [];
  let path = currentPath;
  for (const record of output.split('\x1e')) {
    if (record.trim() === '') continue;
    const end = record.indexOf('\0');
    const header = end === -1 ? record : record.slice(0, end);
    const fields = header.split('\x1f');
    if (fields.length < 6) continue;
    const [commit = '', shortCommit = '', author = '', email = '', date = ''] = fields;
    // A subject is one line, but keep anything after a stray US rather than cut it.
    const subject = fields.slice(5).join('\x1f');
    const names =
      end === -1
        ? []
        : record
            .slice(end + 1)
            .replace(/^\n/, '')
            .split('\0')
            .filter((item) => item !== '');
    const status = names[0] ?? '';
    if (names.length > 1) path = names[names.length - 1]!;
    if (status.startsWith('D')) continue;
    commits.push({ commit, shortCommit, author, email, date, subject, path });
  }
  return commits;
}
