/**
 * Size, byte count and format of an image file, for the social-image checks. Reads only the head
 * of the file: every format image-size knows keeps its dimensions near the start, and a 20 MB
 * photo shouldn't be read whole on every keystroke's check.
 */
import { open } from 'node:fs/promises';
import { imageSize } from 'image-size';
import type { ImageInfo } from '../../shared/seo/types';

/**
 * How much of the file to read. JPEG is the outlier: its size marker follows the EXIF/ICC blocks,
 * which can run to tens of KB (a phone photo's thumbnail lives there), so leave generous room.
 */
export const IMAGE_HEAD_BYTES = 512 * 1024;

/** The image's facts, or null when the file is missing, unreadable or not an image. */
export async function readImageInfo(absPath: string): Promise<ImageInfo | null> {
  let handle;
  try {
    handle = await open(absPath, 'r');
  } catch {
    return null;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return null;
    const length = Math.min(stats.size, IMAGE_HEAD_BYTES);
    const buffer = new Uint8Array(length);
    let filled = 0;
    // read() may return fewer bytes than asked for; loop until the head is in or the file ends.
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return infoFrom(buffer.subarray(0, filled), stats.size);
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** Facts from the head of an image already in memory; null when image-size doesn't recognise it. */
export function infoFrom(head: Uint8Array, bytes: number): ImageInfo | null {
  try {
    const size = imageSize(head);
    // An EXIF orientation of 5–8 means the picture is shown rotated a quarter turn.
    const rotated = size.orientation !== undefined && size.orientation >= 5 && size.orientation <= 8;
    const width = rotated ? size.height : size.width;
    const height = rotated ? size.width : size.height;
    if (!Number.isFinite(width) || !Number.isFinite(height)) return null;
    return { width, height, bytes, format: (size.type ?? 'unknown').toLowerCase() };
  } catch {
    // image-size throws on unknown formats and on truncated headers alike.
    return null;
  }
}
