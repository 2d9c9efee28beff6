/** Real, decodable PNG files made in memory, for tests that need a genuine picture of a known size. */
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

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

/** A `width`×`height` PNG of random pixels: it barely compresses, so its file is about width × height × 3 bytes. */
export function noisyPng(width: number, height: number): Buffer {
  const rows = Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)]));
  return pngOf(width, height, Buffer.concat(rows));
}

/** A `width`×`height` solid RGB PNG (red unless another colour is given), so a browser has something genuine to decode. */
export function redPng(
  width: number,
  height: number,
  rgb: readonly [number, number, number] = [0xc0, 0x20, 0x20],
): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from(rgb))]);
  return pngOf(width, height, Buffer.concat(Array.from({ length: height }, () => row)));
}

/** A PNG file of filtered RGB scanlines (each starting with filter byte 0). */
function pngOf(width: number, height: number, pixels: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
