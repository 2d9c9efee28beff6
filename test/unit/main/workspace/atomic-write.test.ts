import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GIT_TEMP_FOLDER, writeFileAtomic } from '../../../../main/workspace/atomic-write';
import { makeTempDir } from './temp-dir';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the content and leaves no temp file behind', async () => {
    const file = join(dir, 'post.md');
    writeFileSync(file, 'old text\n');
    await writeFileAtomic(file, 'new text\n');
    expect(readFileSync(file, 'utf8')).toBe('new text\n');
    expect(readdirSync(dir)).toEqual(['post.md']);
  });

  it('creates a file that did not exist, byte for byte', async () => {
    const file = join(dir, 'fresh.md');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69, 0x0d, 0x0a]);
    await writeFileAtomic(file, bytes);
    expect(new Uint8Array(readFileSync(file))).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(['fresh.md']);
  });

  it("keeps the original file's permission bits", async () => {
    const file = join(dir, 'script.md');
    writeFileSync(file, 'a');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'b');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    chmodSync(file, 0o755);
    await writeFileAtomic(file, 'c');
    expect(statSync(file).mode & 0o777).toBe(0o755);
  });

  it('keeps group- and world-writable bits that the umask would clear on a new file', async () => {
    // open() narrows the temp file's mode by the umask: 0o664 and 0o666 come out 0o644 under 022
    // unless the save puts the original mode back.
    const previous = process.umask(0o022);
    try {
      for (const mode of [0o664, 0o666]) {
        const file = join(dir, `shared-${mode.toString(8)}.md`);
        writeFileSync(file, 'a');
        chmodSync(file, mode);
        await writeFileAtomic(file, 'b');
        expect(statSync(file).mode & 0o777, mode.toString(8)).toBe(mode);
        expect(readFileSync(file, 'utf8')).toBe('b');
      }
    } finally {
      process.umask(previous);
    }
  });

  it('writes through a symlink, keeping the link', async () => {
    const real = join(dir, 'real.md');
    const link = join(dir, 'link.md');
    writeFileSync(real, 'before');
    symlinkSync('real.md', link);
    await writeFileAtomic(link, 'after');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.md');
    expect(readFileSync(real, 'utf8')).toBe('after');
    expect(readdirSync(dir).sort()).toEqual(['link.md', 'real.md']);
  });

  it('fails without side effects when the target is a folder', async () => {
    const target = join(dir, 'folder.md');
    mkdirSync(target);
    writeFileSync(join(target, 'inside.txt'), 'keep me');
    await expect(writeFileAtomic(target, 'oops')).rejects.toThrow();
    expect(statSync(target).isDirectory()).toBe(true);
    expect(readFileSync(join(target, 'inside.txt'), 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['folder.md']);
  });

  it("still saves when the git folder's temp folder was removed after an earlier save", async () => {
    // The temp folder is remembered per folder after the first save; losing it must not fail the next.
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const file = join(dir, 'post.md');
    await writeFileAtomic(file, 'first\n');
    const temps = join(dir, '.git', GIT_TEMP_FOLDER);
    expect(readdirSync(temps)).toEqual([]);
    rmSync(temps, { recursive: true });
    await writeFileAtomic(file, 'second\n');
    expect(readFileSync(file, 'utf8')).toBe('second\n');
    expect(readdirSync(temps)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'post.md']);
  });

  it('fails without side effects when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'post.md'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
