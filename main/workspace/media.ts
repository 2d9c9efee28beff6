/**
 * Reads the image a post refers to from the repository, so the editor can show it offline. Only
 * image files are served, never anything else in the repository (config, keys, `.git`), and every
 * candidate goes through resolveInRepo so neither `..` nor a symbolic link can reach outside.
 */
import { extname } from 'node:path';
import { mediaCandidates } from '../../shared/content/media-paths';
import { AppFailure, fail } from '../../shared/errors';
import { ioFailure } from './io-errors';
import { resolveInRepo } from './paths';
import { readRegularFile } from './regular-file';

/** An image's bytes and the type to serve them as. */
export interface MediaFile {
  bytes: Uint8Array;
  contentType: string;
}

/** Reads one image for a post from the open repository (the back end's `readMedia`, bound to its root). */
export type MediaReader = (postPath: string, src: string) => Promise<MediaFile>;

/** Largest image served; a bigger file is a mistake to load into an editor, not a picture to show. */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

/** The image types served, by extension. SVG needs MEDIA_HEADERS' script-blocking policy. */
export const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

/**
 * Headers every media response carries: an SVG opened directly (not through <img>) would otherwise
 * run its scripts with the app's origin, and nosniff stops a browser from reinterpreting the bytes.
 */
export const MEDIA_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; sandbox",
  'X-Content-Type-Options': 'nosniff',
};

/** The image type for a file name, or null when Masthead does not serve that kind of file. */
export function imageContentType(fileName: string): string | null {
  return IMAGE_TYPES[extname(fileName).toLowerCase()] ?? null;
}

/**
 * The first candidate for `src` (relative to the post at `postPath`) that exists inside `root` and is
 * an image. Throws 'not-found' when there is none, 'bad-request' when `src` is not repository media
 * or the file is too large.
 */
export async function readMedia(root: string, postPath: string, src: string): Promise<MediaFile> {
  const candidates = mediaCandidates(postPath, src).filter((path) => imageContentType(path) !== null);
  for (const candidate of candidates) {
    // Paths into Git's own folder are never media, whatever their extension.
    if (candidate.split('/').some((segment) => segment.toLowerCase() === '.git')) continue;
    let absolute: string;
    try {
      absolute = await resolveInRepo(root, candidate);
    } catch (error) {
      // A candidate behind a link that leaves the repository is skipped like a missing one.
      if (error instanceof AppFailure && error.code === 'outside-repository') continue;
      throw error;
    }
    const bytes = await readIfFile(absolute, candidate);
    if (bytes !== null) return { bytes, contentType: imageContentType(candidate)! };
  }
  throw fail('not-found', `No image “${src.slice(0, 200)}” was found in the repository for ${postPath.slice(0, 200)}.`);
}

/** The file's bytes, or null when it does not exist or is not a regular file (a FIFO named `x.png` is never opened for reading). */
async function readIfFile(absolute: string, shownPath: string): Promise<Uint8Array | null> {
  try {
    const read = await readRegularFile(absolute, { maxBytes: MAX_MEDIA_BYTES, shownPath: `The image ${shownPath}` });
    return typeof read === 'string' ? null : read;
  } catch (error) {
    throw ioFailure(error, `read ${shownPath}`);
  }
}
