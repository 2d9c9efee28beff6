import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile } from '../../../../main/workspace/regular-file';
import { tempSites } from './temp-dir';

const site = tempSites('masthead-regular-');

describe('readRegularFile', () => {
  it('reads a regular file, and names what anything else is without opening it for reading', async () => {
    const root = site({ 'post.md': '# Tide\n' });
    mkdirSync(join(root, 'folder.md'));
    execFileSync('mkfifo', [join(root, 'pipe.png')]);
    expect(new TextDecoder().decode((await readRegularFile(join(root, 'post.md'))) as Uint8Array)).toBe('# Tide\n');
    expect(await readRegularFile(join(root, 'missing.md'))).toBe('missing');
    expect(await readRegularFile(join(root, 'folder.md'))).toBe('folder');
    const started = Date.now();
    // Opening a FIFO for reading would wait for a writer forever.
    expect(await readRegularFile(join(root, 'pipe.png'))).toBe('special');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a file over the size limit, and gives up on a read past its deadline', async () => {
    const root = site({});
    writeFileSync(join(root, 'big.png'), Buffer.alloc(64 * 1024 * 1024, 7));
    await expect(
      readRegularFile(join(root, 'big.png'), { maxBytes: 1024 * 1024, shownPath: 'The image big.png' }),
    ).rejects.toMatchObject({
      code: 'bad-request',
      message: 'The image big.png is larger than 1 MB, too large to open in Masthead.',
    });
    await expect(readRegularFile(join(root, 'big.png'), { timeoutMs: 1 })).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/took longer than/),
    });
  });
});
