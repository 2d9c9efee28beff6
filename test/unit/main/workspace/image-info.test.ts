import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_HEAD_BYTES, readImageInfo } from '../../../../main/workspace/image-info';
import { makeTempDir, writeFiles } from './temp-dir';

// Tiny images built byte by byte: only the headers image-size reads, which is all the check needs.
function png(width: number, height: number, padding = 0): Uint8Array {
  const bytes = new Uint8Array(33 + padding);
  const view = new DataView(bytes.buffer);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  view.setUint32(8, 13);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12); // IHDR
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}

function gif(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(13);
  bytes.set(
    Array.from('GIF89a', (c) => c.charCodeAt(0)),
    0,
  );
  new DataView(bytes.buffer).setUint16(6, width, true);
  new DataView(bytes.buffer).setUint16(8, height, true);
  return bytes;
}

/** A JPEG whose size marker (SOF0) comes after an `appBytes`-long APP1 block, as EXIF data does. */
function jpeg(width: number, height: number, appBytes = 0): Uint8Array {
  const app =
    appBytes > 0
      ? [0xff, 0xe1, (appBytes + 2) >> 8, (appBytes + 2) & 0xff, ...new Array<number>(appBytes).fill(0)]
      : [];
  const sof = [
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ];
  return Uint8Array.from([0xff, 0xd8, ...app, ...sof, 0xff, 0xd9]);
}

function webp(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(30);
  const view = new DataView(bytes.buffer);
  const ascii = (text: string, at: number) =>
    bytes.set(
      Array.from(text, (c) => c.charCodeAt(0)),
      at,
    );
  ascii('RIFF', 0);
  view.setUint32(4, 22, true);
  ascii('WEBP', 8);
  ascii('VP8X', 12);
  view.setUint32(16, 10, true);
  // Canvas width-1 and height-1 as 24-bit little-endian numbers.
  bytes.set([(width - 1) & 0xff, ((width - 1) >> 8) & 0xff, ((width - 1) >> 16) & 0xff], 24);
  bytes.set([(height - 1) & 0xff, ((height - 1) >> 8) & 0xff, ((height - 1) >> 16) & 0xff], 27);
  return bytes;
}

let root: string;
beforeAll(() => {
  root = makeTempDir();
  writeFiles(root, {
    'a.png': png(1200, 630),
    'b.gif': gif(300, 157),
    'c.jpg': jpeg(1600, 900, 14), // every real JPEG opens with an APPn block (JFIF: 14 bytes)
    'exif.jpg': jpeg(640, 480, 60_000),
    'd.webp': webp(4096, 2048),
    'big.png': png(2000, 1000, 6_000_000),
    'text.png': 'not an image at all',
    'empty.png': new Uint8Array(0),
    'half.png': png(10, 10).subarray(0, 18),
  });
  mkdirSync(join(root, 'folder.png'));
});

describe('readImageInfo', () => {
  it('reads PNG, GIF, JPEG and WEBP dimensions, size and format', async () => {
    expect(await readImageInfo(join(root, 'a.png'))).toEqual({ width: 1200, height: 630, bytes: 33, format: 'png' });
    expect(await readImageInfo(join(root, 'b.gif'))).toEqual({ width: 300, height: 157, bytes: 13, format: 'gif' });
    expect(await readImageInfo(join(root, 'c.jpg'))).toMatchObject({ width: 1600, height: 900, format: 'jpg' });
    expect(await readImageInfo(join(root, 'd.webp'))).toEqual({ width: 4096, height: 2048, bytes: 30, format: 'webp' });
  });

  it('finds a JPEG size marker behind a large EXIF block', async () => {
    expect(await readImageInfo(join(root, 'exif.jpg'))).toMatchObject({ width: 640, height: 480 });
  });

  it('reports the whole file size while reading only its head', async () => {
    const info = await readImageInfo(join(root, 'big.png'));
    expect(info).toEqual({ width: 2000, height: 1000, bytes: 6_000_033, format: 'png' });
    expect(IMAGE_HEAD_BYTES).toBe(512 * 1024);
  });

  it('returns null for what is not a readable image', async () => {
    for (const name of ['text.png', 'empty.png', 'half.png', 'missing.png', 'folder.png']) {
      expect(await readImageInfo(join(root, name)), name).toBeNull();
    }
  });
});
