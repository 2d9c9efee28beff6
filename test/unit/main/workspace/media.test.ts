import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MEDIA_BYTES, readMedia } from '../../../../main/workspace/media';
import { makeTempDir, writeFiles } from './temp-dir';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const POST = 'content/posts/harbour/index.md';

let base: string;
let root: string;

beforeAll(() => {
  base = makeTempDir();
  root = join(base, 'repo');
  writeFiles(root, {
    [POST]: '# Harbour\n',
    'content/posts/harbour/cover.png': PNG,
    'static/img/harbour.jpg': 'jpeg bytes',
    'public/img/harbour.jpg': 'astro copy',
    'public/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'static/img/notes.txt': 'not an image',
    'static/img/folder.png/inside': 'a folder named like an image',
    '.git/evil.png': PNG,
  });
  writeFileSync(join(base, 'outside.png'), PNG);
  symlinkSync(join(base, 'outside.png'), join(root, 'static', 'img', 'leak.png'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('readMedia', () => {
  it('reads an image next to the post with its type', async () => {
    const media = await readMedia(root, POST, './cover.png');
    expect(media.contentType).toBe('image/png');
    expect([...media.bytes]).toEqual([...PNG]);
  });

  it('serves a site-rooted path from the first site root that has it', async () => {
    const media = await readMedia(root, POST, '/img/harbour.jpg');
    expect(media.contentType).toBe('image/jpeg');
    expect(Buffer.from(media.bytes).toString()).toBe('jpeg bytes');
    expect((await readMedia(root, POST, '/logo.svg')).contentType).toBe('image/svg+xml');
  });

  it.each([
    ['/img/missing.png', 'missing'],
    ['/img/notes.txt', 'not an image'],
    ['/img/folder.png', 'a folder'],
    ['/img/leak.png', 'a link out of the repository'],
    ['/.git/evil.png', 'inside .git'],
    ['../../../../outside.png', 'an escape'],
    ['https://example.com/a.png', 'a web URL'],
  ])('refuses %j (%s) as not-found', async (src) => {
    await expect(readMedia(root, POST, src)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses an image over the size limit', async () => {
    writeFiles(root, { 'static/huge.png': new Uint8Array(MAX_MEDIA_BYTES + 1) });
    await expect(readMedia(root, POST, '/huge.png')).rejects.toMatchObject({
      code: 'bad-request',
      message: expect.stringMatching(/larger than 20 MB/),
    });
  });
});
