/**
 * Plain temp folders for workspace tests that need files but no Git (Git-backed fixtures come from
 * test/support/git-fixtures.ts).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

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

/**
 * A maker of temp sites for one test file: each call writes `files` into a fresh folder, and every
 * folder made is deleted after each test.
 */
export function tempSites(prefix: string): (files: Record<string, string>) => string {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });
  return (files) => {
    const root = makeTempDir(prefix);
    roots.push(root);
    writeFiles(root, files);
    return root;
  };
}
