/**
 * Plain temp folders for workspace tests that need files but no Git (Git-backed fixtures come from
 * test/support/git-fixtures.ts).
 */
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes `files` (repo-relative path → content) under `root`, creating folders. */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, ...path.split('/'));
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
}

/** A fresh temp folder (real path, so a symlinked temp dir does not confuse path comparisons). */
export function makeTempDir(prefix = 'masthead-test-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}
