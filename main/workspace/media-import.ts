/**
 * Copies an image the writer inserted (picked, dropped, pasted) into the folder the site expects
 * (see media-target.ts) under a safe, unique name, and says what the post should write to show it.
 * Every path goes through resolveInRepo before anything is written, files are created with
 * O_EXCL (never overwriting, never following a link planted at the name), and a file of the same
 * bytes already in that folder is reused instead of copied again.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, realpath, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportedMedia } from '../../shared/api';
import type { ContentModel } from '../../shared/content/schema/types';
import { AppFailure, fail } from '../../shared/errors';
import { isCode } from './atomic-write';
import { infoFrom } from './image-info';
import { ioFailure } from './io-errors';
import { MAX_MEDIA_BYTES } from './media';
import { defaultFolders, mediaTarget, type FieldFolders, type MediaTarget, type SiteGenerator } from './media-target';
import { normalizeRepoPath, resolveInRepo } from './paths';
import type { SiteConventions } from './site-conventions';

/** What to import: the post it is for, the name the file had, and its bytes. */
export interface MediaImport {
  post: string;
  name: string;
  bytes: Uint8Array;
  field?: FieldFolders;
}

/** The extension written for each format image-size recognises (others are refused). */
const EXTENSIONS: Record<string, string> = {
  png: 'png',
  jpg: 'jpg',
  gif: 'gif',
  webp: 'webp',
  avif: 'avif',
  svg: 'svg',
};

/** How many `-2`, `-3`… names are tried before giving up (a folder of 1000 `photo-n.png` is a mistake). */
const MAX_SUFFIX = 1000;

/** Imports one image into the repository at `root`. */
export async function importMedia(
  root: string,
  model: ContentModel,
  generator: SiteGenerator,
  request: MediaImport,
): Promise<ImportedMedia> {
  const post = normalizeRepoPath(request.post);
  if (request.bytes.length === 0) throw fail('bad-request', 'The image is empty.');
  if (request.bytes.length > MAX_MEDIA_BYTES) {
    throw fail(
      'bad-request',
      `The image is larger than ${MAX_MEDIA_BYTES / (1024 * 1024)} MB; export a smaller one first.`,
    );
  }
  const info = infoFrom(request.bytes.subarray(0, 512 * 1024), request.bytes.length);
  const extension = info ? EXTENSIONS[info.format] : undefined;
  if (!info || extension === undefined) {
    throw fail(
      'bad-request',
      `“${request.name.slice(0, 200)}” is not an image Masthead can add (PNG, JPEG, GIF, WebP, AVIF or SVG).`,
    );
  }
  const siteFolders = new Set<string>();
  for (const folder of defaultFolders(generator))
    if ((await stat(join(root, folder)).catch(() => null))?.isDirectory()) siteFolders.add(folder);
  const target = mediaTarget(model, generator, post, request.field, siteFolders);
  if (target.folder.split('/').some((segment) => segment.toLowerCase() === '.git')) {
    throw fail(
      'outside-repository',
      'The media folder is inside Git’s own .git folder; Masthead will not write there.',
    );
  }
  const folderAbs = target.folder === '' ? await realpath(root) : await resolveInRepo(root, target.folder);
  const base = slugBase(request.name);

  const existing = await sameBytes(folderAbs, request.bytes, `${base}.${extension}`);
  if (existing !== null) return result(target, existing, true, info);

  try {
    await mkdir(folderAbs, { recursive: true });
  } catch (error) {
    throw ioFailure(error, `create the folder ${target.folder || 'at the repository root'}`);
  }
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const fileName = n === 1 ? `${base}.${extension}` : `${base}-${n}.${extension}`;
    const repoPath = target.folder === '' ? fileName : `${target.folder}/${fileName}`;
    // Resolved again per name: the folder may have been swapped for a link since it was made.
    const absolute = await resolveName(root, repoPath, join(folderAbs, fileName));
    if (absolute !== null && (await writeNew(absolute, request.bytes, repoPath)))
      return result(target, fileName, false, info);
  }
  throw fail('io', `The folder ${target.folder} already has too many images named “${base}”.`);
}

/** The generator a repository is built with, from its config files. */
export async function siteGenerator(
  root: string,
  conventions: SiteConventions,
  model: ContentModel,
): Promise<SiteGenerator> {
  if (conventions.hugo) return 'hugo';
  if (conventions.docusaurus) return 'docusaurus';
  if (
    model.source === 'astro' ||
    (await hasFile(root, ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.cjs']))
  )
    return 'astro';
  if (conventions.jekyll) return 'jekyll';
  if (await hasFile(root, ['gatsby-config.js', 'gatsby-config.ts', 'gatsby-config.mjs'])) return 'gatsby';
  if (
    conventions.eleventyInput !== null ||
    (await hasFile(root, ['eleventy.config.js', '.eleventy.js', 'eleventy.config.mjs']))
  )
    return 'eleventy';
  return 'unknown';
}

/**
 * A file name made safe for every generator and web server: lower case, accents dropped, anything
 * but letters and digits turned into single hyphens, at most 60 characters; `image` when nothing is left.
 */
export function slugBase(name: string): string {
  const withoutExt = name.replace(/\.[a-z0-9]{1,5}$/i, '');
  const slug = withoutExt
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'image' : slug;
}

function result(target: MediaTarget, fileName: string, reused: boolean, info: ImportedMedia['info']): ImportedMedia {
  const path = target.folder === '' ? fileName : `${target.folder}/${fileName}`;
  return { src: `${target.srcPrefix}${fileName}`, path, reused, info, reason: target.reason };
}

/**
 * The name of a regular file in `folderAbs` with exactly these bytes, or null. The preferred name
 * is checked first; other files only when their size matches, so a large folder costs a listing.
 */
async function sameBytes(folderAbs: string, bytes: Uint8Array, preferred: string): Promise<string | null> {
  let names: string[];
  try {
    names = await readdir(folderAbs);
  } catch (error) {
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return null;
    throw ioFailure(error, 'list the media folder');
  }
  const digest = hash(bytes);
  const ordered = names.includes(preferred) ? [preferred, ...names.filter((name) => name !== preferred)] : names;
  for (const name of ordered) {
    const absolute = join(folderAbs, name);
    // lstat: a link in the media folder is never taken for an existing copy.
    const info = await lstat(absolute).catch(() => null);
    if (!info?.isFile() || info.size !== bytes.length) continue;
    const other = await readFile(absolute).catch(() => null);
    if (other !== null && hash(other) === digest) return name;
  }
  return null;
}

/**
 * The resolved path for a new file, or null when a symbolic link already sits at that name (it is
 * never written through, the next name is tried). Any other way out of the repository is refused.
 */
async function resolveName(root: string, repoPath: string, unresolved: string): Promise<string | null> {
  try {
    return await resolveInRepo(root, repoPath);
  } catch (error) {
    if (
      error instanceof AppFailure &&
      error.code === 'outside-repository' &&
      (await lstat(unresolved).catch(() => null))?.isSymbolicLink()
    )
      return null;
    throw error;
  }
}

/** Creates the file with these bytes; false when the name is taken (by a file, folder or link). */
async function writeNew(absolute: string, bytes: Uint8Array, shownPath: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(absolute, 'wx');
  } catch (error) {
    if (isCode(error, 'EEXIST') || isCode(error, 'EISDIR')) return false;
    throw ioFailure(error, `write ${shownPath}`);
  }
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    // A half-written picture must not stay behind to be reused or published later.
    await unlink(absolute).catch(() => undefined);
    throw ioFailure(error, `write ${shownPath}`);
  }
  await handle.close();
  return true;
}

function hash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function hasFile(root: string, names: string[]): Promise<boolean> {
  for (const name of names) {
    if ((await stat(join(root, name)).catch(() => null))?.isFile()) return true;
  }
  return false;
}
