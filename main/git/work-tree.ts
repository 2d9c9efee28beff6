/** The tracked files with changes not committed: staged (index ≠ HEAD), unstaged (work tree ≠ index), or both. */
import { runGit } from './core';

/** One tracked file with uncommitted changes. */
export interface WorkTreeChange {
  path: string;
  /** The index differs from HEAD (the writer ran `git add`). */
  staged: boolean;
  /** The work tree differs from the index. */
  unstaged: boolean;
  /** A merge left the file unmerged. */
  unmerged: boolean;
  /** The object the index holds for the file (null when unmerged: it holds several). */
  indexBlob: string | null;
}

/** Tracked files with uncommitted changes (untracked files are not listed: no sync step touches them). */
export async function workTreeChanges(workTree: string): Promise<WorkTreeChange[]> {
  const { stdout } = await runGit(workTree, [
    '--no-optional-locks',
    'status',
    '--porcelain=v2',
    '-z',
    '--untracked-files=no',
    '--no-renames',
  ]);
  return parsePorcelainChanges(stdout);
}

/**
 * Parses `git status --porcelain=v2 -z` entries: `1 XY sub mH mI mW hH hI <path>` (changed),
 * `2 XY … hI score <path>\0<orig>` (renamed), `u XY … <path>` (unmerged). X is the index side, Y
 * the work tree side; `.` is unchanged. Other records (`# branch.*` headers) are skipped.
 */
export function parsePorcelainChanges(output: string): WorkTreeChange[] {
  const records = output.split('\0');
  const changes: WorkTreeChange[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const kind = record[0];
    // Field counts before the path: 1 → 8, 2 → 9 (then the original path as the next record), u → 10.
    const fieldsBefore = kind === '1' ? 8 : kind === '2' ? 9 : kind === 'u' ? 10 : -1;
    if (fieldsBefore === -1) continue;
    const parts = record.split(' ');
    const xy = parts[1] ?? '..';
    const path = parts.slice(fieldsBefore).join(' ');
    if (kind === '2') i++;
    changes.push({
      path,
      staged: kind === 'u' || xy[0] !== '.',
      unstaged: kind === 'u' || xy[1] !== '.',
      unmerged: kind === 'u',
      indexBlob: kind === 'u' ? null : (parts[7] ?? null),
    });
  }
  return changes;
}
