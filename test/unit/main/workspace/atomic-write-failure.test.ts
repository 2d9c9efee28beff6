// Failures the file system will not produce on demand (we run as root in CI, so a read-only folder
// is still writable): the rename and the flush are made to fail, and the disk is checked after.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from './temp-dir';

const failures = vi.hoisted(() => ({ rename: null as Error | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failures.rename) throw failures.rename;
      return actual.rename(from, to);
    },
  };
});

const { writeFileAtomic } = await import('../../../../main/workspace/atomic-write');

describe('writeFileAtomic when the rename fails', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => {
    failures.rename = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the original untouched and removes the temp file', async () => {
    const file = join(dir, 'post.md');
    writeFileSync(file, 'the original words\n');
    failures.rename = Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' });
    await expect(writeFileAtomic(file, 'replacement')).rejects.toMatchObject({ code: 'EACCES' });
    expect(readFileSync(file, 'utf8')).toBe('the original words\n');
    expect(readdirSync(dir)).toEqual(['post.md']);
  });

  it('works again once the problem is gone', async () => {
    const file = join(dir, 'post.md');
    writeFileSync(file, 'v1');
    failures.rename = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    await expect(writeFileAtomic(file, 'v2')).rejects.toMatchObject({ code: 'ENOSPC' });
    failures.rename = null;
    await writeFileAtomic(file, 'v2');
    expect(readFileSync(file, 'utf8')).toBe('v2');
    expect(readdirSync(dir)).toEqual(['post.md']);
  });
});
