/**
 * Safe resolution of repo-relative paths. Every path the UI sends is untrusted: it must stay inside
 * the open repository, lexically and after following symlinks, before any file is read or written.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { fail } from '../../shared/errors';
import { isCode } from './atomic-write';

/**
 * The extensions Masthead treats as posts: Markdown's common ones and MDX (Markdown with JSX,
 * which the editor reads with its own syntax: see `isMdxPath` in shared/document).
 */
export const POST_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mdx'] as const;

/** True when a file name has a post extension (case-insensitive: `Hello.MD` counts). */
export function hasPostExtension(name: string): boolean {
  return hasExtension(name, POST_EXTENSIONS);
}

/** True when an extension (`mdx` or `.mdx`, any case) is a post's: such files have a body and READMEs to skip. */
export function isPostExtension(extension: string): boolean {
  const lower = extension.toLowerCase();
  return (POST_EXTENSIONS as readonly string[]).includes(lower.startsWith('.') ? lower : `.${lower}`);
}

/**
 * The extensions (lower-case, with the dot) a folder collection's files may have: every one the
 * config allows (Front Matter CMS `supportedFileTypes`), or its single `extension` (Decap).
 */
export function collectionExtensions(collection: { extension: string; extensions?: readonly string[] }): string[] {
  const listed =
    collection.extensions && collection.extensions.length > 0 ? collection.extensions : [collection.extension];
  return [...new Set(listed.map((ext) => `.${ext.toLowerCase().replace(/^\./, '')}`))];
}

/** True when a file name has one of a folder collection's extensions (see {@link collectionExtensions}). */
export function hasCollectionExtension(
  name: string,
  collection: { extension: string; extensions?: readonly string[] },
): boolean {
  return hasExtension(name, collectionExtensions(collection));
}

function hasExtension(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/**
 * Checks and normalizes a repo-relative POSIX path without touching the disk: rejects empty, NUL,
 * backslashes, absolute paths, drive letters and `..` escapes. Throws 'outside-repository'.
 */
export function normalizeRepoPath(path: string): string {
  const reject = (why: string) =>
    fail('outside-repository', `The path “${printable(path)}” ${why}, so Masthead will not use it.`);
  if (typeof path !== 'string' || path.trim() === '') throw reject('is empty');
  if (path.includes('\0')) throw reject('contains a NUL character');
  // Backslashes mean a Windows path here; treating them as literal characters on POSIX would make
  // the same request name different files on different machines.
  if (path.includes('\\')) throw reject('uses backslashes instead of forward slashes');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) throw reject('is absolute, not relative to the repository');
  const normal = posix.normalize(path).replace(/\/+$/, '');
  if (normal === '.' || normal === '' || normal === '..' || normal.startsWith('../'))
    throw reject('points outside the repository');
  return normal;
}

/** True when `child` is `parent` or lies inside it (both absolute, already normalized). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Resolves a repo-relative path to an absolute one inside `root`, following symlinks: a link that
 * leads out of the repository is rejected just like `../`. The file itself need not exist yet.
 */
export async function resolveInRepo(root: string, path: string): Promise<string> {
  const normal = normalizeRepoPath(path);
  const realRoot = await realpath(root);
  const absolute = join(realRoot, ...normal.split('/'));
  const real = await realpathOfExistingPart(absolute);
  if (!isInside(realRoot, real)) {
    throw fail(
      'outside-repository',
      `The path “${printable(path)}” leads outside the repository (through a symbolic link), so Masthead will not use it.`,
    );
  }
  return absolute;
}

/**
 * The one resolver for every write into the repository (create, save, rename, media upload,
 * journal): the repo-relative `path` as an absolute path, checked *before* anything is written or
 * any folder is made. Refuses `..`, paths into `.git`, and any path whose existing part — the file,
 * a collection folder, a `{{year}}` sub-folder — is a symbolic link leading out of the repository.
 * Throws 'outside-repository'.
 */
export async function resolveWritePath(root: string, path: string): Promise<string> {
  return resolveInRepo(root, outsideGit(path));
}

/**
 * Resolves a path to an existing Markdown post inside the repository. Paths into `.git` are refused
 * outright: writing there could plant a hook that the next publish would run.
 */
export async function resolvePostPath(root: string, path: string): Promise<string> {
  const normal = outsideGit(path);
  if (!hasPostExtension(normal)) {
    throw fail(
      'bad-request',
      `“${printable(path)}” is not a Markdown post (.md, .markdown, .mdown or .mdx); Masthead only edits posts.`,
    );
  }
  return resolveInRepo(root, normal);
}

/** The extensions a data entry may have: the YAML, TOML and JSON files of data collections. */
export const DATA_EXTENSIONS = ['.yml', '.yaml', '.toml', '.json'] as const;

/**
 * Resolves a path to an entry: a Markdown post, or — only when the content model says the path is
 * a data entry (`data`) — a YAML, TOML or JSON file. Same checks as resolvePostPath otherwise.
 */
export async function resolveEntryPath(root: string, path: string, data: boolean): Promise<string> {
  if (!data) return resolvePostPath(root, path);
  const normal = outsideGit(path);
  const lower = normal.toLowerCase();
  if (!DATA_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length)) {
    throw fail(
      'bad-request',
      `“${printable(path)}” is not a data file (.yml, .yaml, .toml or .json); Masthead only edits posts and data entries.`,
    );
  }
  return resolveInRepo(root, normal);
}

/** The normalized path, refused when it leads into Git's own `.git` folder. */
function outsideGit(path: string): string {
  const normal = normalizeRepoPath(path);
  if (normal.split('/').some((segment) => segment.toLowerCase() === '.git')) {
    throw fail(
      'outside-repository',
      `“${printable(path)}” is inside Git's own .git folder; Masthead only edits posts.`,
    );
  }
  return normal;
}

/** The repo-relative POSIX form of an absolute path under `root`. */
export function toRepoPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/** realpath of the deepest existing ancestor, with the missing tail appended unchanged. */
async function realpathOfExistingPart(absolute: string): Promise<string> {
  const tail: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return join(await realpath(current), ...tail.reverse());
    } catch (error) {
      if (!isCode(error, 'ENOENT') && !isCode(error, 'ENOTDIR')) throw error;
      const parent = join(current, '..');
      if (parent === current) throw error;
      tail.push(current.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
      current = parent;
    }
  }
}

/** The path as it can be shown in a message: control characters made visible, length capped. */
function printable(path: unknown): string {
  const text = typeof path === 'string' ? path : String(path);
  // eslint-disable-next-line no-control-regex
  const shown = text.replace(/[\u0000-\u001f\u007f]/g, '�');
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}
