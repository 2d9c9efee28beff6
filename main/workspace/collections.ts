/**
 * Finds the folders of posts in a repository. Static-site generators disagree on where posts live
 * (Hugo `content/posts`, Jekyll `_posts`, Astro `src/content/blog`…), so we check the well-known
 * places and also discover any folder holding several Markdown files that begin with front matter.
 */
import type { Dirent } from 'node:fs';
import { lstat, open, readdir, realpath } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { CollectionSummary } from '../../shared/api';
import { mapLimit } from './concurrency';
import { hasPostExtension, isInside } from './paths';

/** Conventional post folders, in the order they are offered. */
export const KNOWN_FOLDERS = ['content/posts', 'content/blog', 'content/post', 'src/content/blog', 'src/pages/blog', '_posts', 'posts', 'blog'];

/** Folders never walked: dependencies, VCS data and generated output. Dot-folders are skipped too. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'bower_components', 'vendor', 'public', 'dist', 'out', 'build', '_site', 'coverage', 'resources']);

/** Markdown files that are never posts: repository docs and Hugo section pages. */
const NON_POST_NAMES = new Set(['readme', 'changelog', 'license', 'licence', 'contributing', 'code_of_conduct', 'security', '_index']);

/** How deep discovery looks; `src/content/blog` is 3, localized Hugo sites reach 4. */
const MAX_DEPTH = 6;
/** How many folders discovery reads at most, so a huge monorepo still opens quickly. */
const MAX_FOLDERS = 5000;
/** How deep below a collection folder posts are collected (page bundles, year folders). */
const MAX_POST_DEPTH = 4;
/** A discovered folder needs this many front-matter files to count as a collection. */
const MIN_DISCOVERED = 2;
/** Files sniffed in parallel. */
const SNIFF_CONCURRENCY = 32;

/** A collection with the repo-relative paths of its post files. */
export interface ScannedCollection extends CollectionSummary {
  files: string[];
}

/** True for a file name that may be a post (Markdown, not a README or a section index). */
export function isPostFileName(name: string): boolean {
  if (name.startsWith('.') || !hasPostExtension(name)) return false;
  const stem = name.slice(0, name.lastIndexOf('.')).toLowerCase();
  return !NON_POST_NAMES.has(stem);
}

/** True when a folder name is never walked into. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

/** The post folders of the repository at `root`, with their post counts. */
export async function findCollections(root: string): Promise<CollectionSummary[]> {
  return (await scanCollections(root)).map(({ folder, label, postCount }) => ({ folder, label, postCount }));
}

/** Like findCollections, but keeps each collection's post paths (used to list posts). */
export async function scanCollections(root: string): Promise<ScannedCollection[]> {
  const realRoot = await realpath(root);
  const known = (await Promise.all(KNOWN_FOLDERS.map(async (folder) => ((await isFolderInside(realRoot, folder)) ? folder : null)))).filter(
    (folder): folder is string => folder !== null,
  );
  const discovered = await discoverFolders(realRoot, known);
  const knownSet = new Set(known);
  // A discovered folder inside another collection belongs to that collection (page bundles, year
  // folders); known folders always stand on their own.
  const chosen = [...known];
  for (const folder of discovered) {
    if (knownSet.has(folder)) continue;
    if (chosen.some((other) => folder.startsWith(`${other}/`))) continue;
    chosen.push(folder);
  }
  const scanned = await Promise.all(
    chosen.map(async (folder) => ({ folder, files: await listPostFiles(realRoot, folder, chosen), known: knownSet.has(folder) })),
  );
  const kept = scanned.filter((item) => item.files.length > 0);
  kept.sort((a, b) => {
    if (a.known !== b.known) return a.known ? -1 : 1;
    if (a.known) return KNOWN_FOLDERS.indexOf(a.folder) - KNOWN_FOLDERS.indexOf(b.folder);
    return b.files.length - a.files.length || a.folder.localeCompare(b.folder);
  });
  const labels = labelCollections(kept.map((item) => item.folder));
  return kept.map((item, index) => ({ folder: item.folder, label: labels[index] ?? item.folder, postCount: item.files.length, files: item.files }));
}

/**
 * Repo-relative paths of the posts under `folder`: its Markdown files and those in subfolders (page
 * bundles like `hello/index.md`, year folders), stopping at folders that are collections themselves.
 */
export async function listPostFiles(
  root: string,
  folder: string,
  collections: readonly string[],
  accept: (name: string) => boolean = isPostFileName,
): Promise<string[]> {
  const others = new Set(collections.filter((other) => other !== folder));
  const files: string[] = [];
  const walk = async (rel: string, depth: number): Promise<void> => {
    const entries = await readFolder(join(root, rel));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const child = posix.join(rel, entry.name);
      if (entry.isFile() && accept(entry.name)) files.push(child);
      else if (entry.isDirectory() && !isSkippedFolder(entry.name) && !others.has(child) && depth < MAX_POST_DEPTH) subfolders.push(child);
    }
    await Promise.all(subfolders.map((sub) => walk(sub, depth + 1)));
  };
  await walk(folder, 0);
  return files.sort();
}

/** Readable, unique labels: `content/posts` → `Posts`; clashes get their folder in brackets. */
export function labelCollections(folders: readonly string[]): string[] {
  const base = folders.map((folder) => humanize(folder.split('/').pop() ?? folder));
  return base.map((label, index) => (base.indexOf(label) !== base.lastIndexOf(label) ? `${label} (${folders[index]})` : label));
}

function humanize(name: string): string {
  const words = name.replace(/^_+/, '').split(/[-_\s]+/).filter(Boolean);
  if (words.length === 0) return name;
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/**
 * Breadth-first walk that returns folders (shallowest first) holding at least MIN_DISCOVERED
 * Markdown files that begin with front matter, counting page bundles (`<sub>/index.md`) as files.
 */
async function discoverFolders(root: string, known: readonly string[] = []): Promise<string[]> {
  // Files inside a known collection folder belong to it whatever they hold: sniffing them (one
  // open per file, thousands in a big blog) could only discover what is already known.
  const insideKnown = (folder: string): boolean => known.some((item) => folder === item || folder.startsWith(`${item}/`));
  const counts = new Map<string, number>();
  let level: string[] = [''];
  let visited = 0;
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0 && visited < MAX_FOLDERS; depth++) {
    level = level.slice(0, MAX_FOLDERS - visited);
    visited += level.length;
    const results = await Promise.all(level.map(async (rel) => ({ rel, entries: await readFolder(join(root, rel)) })));
    const next: string[] = [];
    const sniffs: { folder: string; file: string; bundle: boolean }[] = [];
    for (const { rel, entries } of results) {
      for (const entry of entries) {
        const child = posix.join(rel, entry.name);
        if (entry.isDirectory() && !isSkippedFolder(entry.name)) next.push(child);
        else if (entry.isFile() && isPostFileName(entry.name) && !insideKnown(rel)) sniffs.push({ folder: rel, file: child, bundle: /^index\./i.test(entry.name) });
      }
    }
    const matches = await mapLimit(sniffs, SNIFF_CONCURRENCY, (item) => startsWithFrontMatter(join(root, item.file)));
    sniffs.forEach((item, index) => {
      if (!matches[index]) return;
      bump(counts, item.folder);
      // A page bundle's index stands for one post of the folder above it.
      if (item.bundle && item.folder !== '') bump(counts, posix.dirname(item.folder) === '.' ? '' : posix.dirname(item.folder));
    });
    level = next.sort();
  }
  return [...counts]
    .filter(([folder, count]) => folder !== '' && count >= MIN_DISCOVERED)
    .map(([folder]) => folder)
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** True when the file's first bytes (after a UTF-8 BOM) open a YAML, TOML or JSON front-matter block. */
export async function startsWithFrontMatter(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    let head = buffer.subarray(0, bytesRead).toString('utf8');
    if (head.startsWith('\uFEFF')) head = head.slice(1);
    return /^(---|\+\+\+)([ \t]*(\r|\n|$))/.test(head) || head.startsWith('{');
  } catch {
    // Unreadable files are simply not evidence of a collection.
    return false;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function readFolder(path: string): Promise<Dirent[]> {
  try {
    return await readdir(path, { withFileTypes: true });
  } catch {
    // A folder we cannot read (permissions, removed mid-scan) contributes nothing rather than
    // failing the whole repository.
    return [];
  }
}

/** A real folder (not a symlink) whose real location is inside the repository. */
async function isFolderInside(realRoot: string, folder: string): Promise<boolean> {
  const path = join(realRoot, folder);
  try {
    // lstat: a symlinked `posts` could lead anywhere on the disk; the walk never follows links either.
    if (!(await lstat(path)).isDirectory()) return false;
    return isInside(realRoot, await realpath(path));
  } catch {
    return false;
  }
}
