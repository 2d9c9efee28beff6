import { deflateSync } from 'node:zlib';
import { test, expect } from './app-fixture';

const TITLE = 'Lighthouse Sketches';
const ALT = 'A red lighthouse';

/** CRC-32 (PNG's chunk checksum), bitwise: a few bytes of test data need no table. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A real `width`×`height` solid red RGB PNG, so the browser has something genuine to decode. */
function redPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0xc0, 0x20, 0x20]))]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test.use({
  repoFiles: {
    'static/img/lighthouse.png': redPng(12, 8),
    'content/posts/2026-04-01-lighthouse-sketches.md': `---\ntitle: ${TITLE}\ndate: 2026-04-01T09:00:00.000Z\ndraft: false\n---\n\nDrawn on the pier.\n\n![${ALT}](/img/lighthouse.png)\n\n![A missing sketch](/img/missing.png)\n`,
  },
});

test('an image stored in the repository shows in the editor, offline', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: new RegExp(TITLE) }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });

  const image = body.getByRole('img', { name: ALT });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(12);
  expect(await image.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/media\?/);

  // A path with no file behind it falls back to the placeholder naming it.
  const missing = body.getByRole('img', { name: 'Image: A missing sketch' });
  await expect(missing).toBeVisible();
  await expect(missing).toContainText('/img/missing.png');
});
