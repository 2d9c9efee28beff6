/**
 * Finds the folders of posts in a repository. Static-site generators disagree on where posts live
 * (Hugo `content/posts`, Jekyll `_posts`, Astro `src/content/blog`…), so we check the well-known
 * places, follow the site's own conventions (Hugo content sections, Jekyll collections, Docusaurus
 * docs and blog; see site-collections.ts), and also discover any other folder holding several
 * Markdown files that begin with front matter.
 */
import { lstat, realpath } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { mapLimit } from './concurrency';
import { readFolder, startsWithFrontMatter, walkPages } from './page-walk';
import { hasPostExtension, isInside } from './paths';
import { planSiteCollections, type PlannedCollection, type WalkRules } from './site-collections';
import { readSiteConventions } from './site-conventions';
import { isPlumbingFolder, isSnippetFolder, siteExclusion } from './site-ignore';
import { repoFolder, type RepoFolder } from '../../shared/content/collection-ids';

export { startsWithFrontMatter } from './page-walk';

/** Conventional post folders, in the order they are offered. */
export const KNOWN_FOLDERS = [
  'content/posts',
  'content/blog',
  'content/post',
  'src/content/blog',
  'src/pages/blog',
  'src/posts',
  '_posts',
  'posts',
  'blog',
];

/** Folders never walked: dependencies, VCS data and generated output. Dot-folders are skipped too. */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'bower_components',
  'vendor',
  'public',
  'dist',
  'out',
  'build',
  '_site',
  'coverage',
  'resources',
]);

/**
 * Repository documents (by lower-case stem) that are never entries, even inside a content folder.
 * Hugo's section pages, `_index.md`, are entries: their section's landing page.
 */
export const REPO_DOCUMENT_NAMES: ReadonlySet<string> = new Set([
  'readme',
  'changelog',
  'license',
  'licence',
  'contributing',
  'code_of_conduct',
  'security',
]);

/** How deep discovery looks; `src/content/blog` is 3, localized Hugo sites reach 4. */
const MAX_DEPTH = 6;
/** How many folders discovery reads at most, so a huge monorepo still opens quickly. */
const MAX_FOLDERS = 5000;
/** How deep below a collection folder posts are collected (page bundles, year folders). */
const MAX_POST_DEPTH = 4;
/** How deep below a discovered folder's group pages are collected (nested docs sections). */
const MAX_GROUP_DEPTH = 8;
/** A discovered folder needs this many front-matter files to count as a collection. */
const MIN_DISCOVERED = 2;
/** Files sniffed in parallel. */
const SNIFF_CONCURRENCY = 32;

/** A discovered folder of posts: its folder, a readable label and how many posts it holds. */
export interface FolderSummary {
  folder: RepoFolder;
  label: string;
  postCount: number;
}

/** A discovered folder with the repo-relative paths of its post files. */
export interface ScannedCollection extends FolderSummary {
  files: string[];
}

/** True for a file name that may be a post (Markdown, not a README). */
export function isPostFileName(name: string): boolean {
  if (name.startsWith('.') || !hasPostExtension(name)) return false;
  const stem = name.slice(0, name.lastIndexOf('.')).toLowerCase();
  return !REPO_DOCUMENT_NAMES.has(stem);
}

/** True when a folder name is never walked into. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

/** The post folders of the repository at `root`, with their post counts. */
export async function findCollections(root: string): Promise<FolderSummary[]> {
  return (await scanCollections(root)).map(({ folder, label, postCount }) => ({ folder, label, postCount }));
}

/** Like findCollections, but keeps each collection's post paths (used to list posts). */
export async function scanCollections(root: string): Promise<ScannedCollection[]> {
  const realRoot = await realpath(root);
  const site = await readSiteConventions(realRoot);
  const excluded = siteExclusion(site);
  // Jekyll processes no `_folder` but its collections, which the site plan has already taken.
  const jekyll = site.jekyll !== null;
  const rules: WalkRules = {
    accept: isPostFileName,
    skipFolder: (name) => isSkippedFolder(name) || isPlumbingFolder(name) || (jekyll && name.startsWith('_')),
    softSkip: isSnippetFolder,
    excluded,
  };
  const plan = await planSiteCollections(realRoot, site, rules);
  const owned = (folder: string): boolean =>
    plan.claimed.some((item) => folder === item || folder.startsWith(`${item}/`));
  const known = (
    await Promise.all(KNOWN_FOLDERS.map(async (folder) => ((await isFolderInside(realRoot, folder)) ? folder : null)))
  ).filter((folder): folder is string => folder !== null && !owned(folder) && !excluded(folder));
  const discovered = await discoverFolders(realRoot, [...plan.claimed, ...known], rules);
  // A discovered folder inside another collection belongs to that collection (page bundles, year
  // folders); the rest gather under their top-level folder, so 60 nested folders are one collection.
  const chosen = [...known];
  for (const folder of discovered) {
    const group = groupFolder(folder);
    if (chosen.some((other) => group === other || group.startsWith(`${other}/`) || other.startsWith(`${group}/`)))
      continue;
    chosen.push(group);
  }
  const stopAt = new Set([...plan.claimed, ...chosen]);
  const walked = await Promise.all(
    chosen.map(async (folder) => {
      const maxDepth = known.includes(folder) ? MAX_POST_DEPTH : MAX_GROUP_DEPTH;
      const others = new Set([...stopAt].filter((other) => other !== folder));
      return { folder, files: await walkPages(realRoot, folder, { ...rules, maxDepth, stopAt: others }) };
    }),
  );
  const all: PlannedCollection[] = [...plan.collections, ...walked].filter((item) => item.files.length > 0);
  all.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 0 ? KNOWN_FOLDERS.indexOf(a.folder) - KNOWN_FOLDERS.indexOf(b.folder) : 0) ||
      b.files.length - a.files.length ||
      a.folder.localeCompare(b.folder),
  );
  const labels = labelCollections(
    all.map((item) => item.folder),
    all.map((item) => (item.pages ? 'Pages' : null)),
  );
  return all.map((item, index) => ({
    folder: repoFolder(item.folder),
    label: labels[index] ?? item.folder,
    postCount: item.files.length,
    files: item.files,
  }));
}

/** Folders that only hold other folders of content (`src`, `site`, `packages/x`): discovery groups one level deeper. */
const CONTAINER_FOLDERS = new Set([
  'src',
  'content',
  'site',
  'website',
  'web',
  'www',
  'app',
  'apps',
  'packages',
  'examplesite',
]);

/** The folder a discovered folder is listed under: its top-level folder, below container folders. */
export function groupFolder(folder: string): string {
  const parts = folder.split('/');
  let depth = 0;
  while (depth < parts.length - 1 && CONTAINER_FOLDERS.has((parts[depth] ?? '').toLowerCase())) depth++;
  return parts.slice(0, depth + 1).join('/');
}

// Known post folders first (in KNOWN_FOLDERS order), then post-like folders, then sections by size, then standalone pages.
function rank(item: PlannedCollection): number {
  if (item.pages) return 3;
  if (KNOWN_FOLDERS.includes(item.folder)) return 0;
  return POST_LIKE.test(item.folder.split('/').pop() ?? '') ? 1 : 2;
}

const POST_LIKE = /^_?(posts?|blog|articles|news|writing|journal)$/i;

/**
 * Readable, unique labels: `content/posts` → `Posts`, or the given label (`Pages`); clashes get
 * their folder in brackets.
 */
export function labelCollections(folders: readonly string[], given: readonly (string | null)[] = []): string[] {
  const base = folders.map((folder, index) => given[index] ?? humanize(folder.split('/').pop() ?? folder));
  return base.map((label, index) =>
    base.indexOf(label) !== base.lastIndexOf(label) ? `${label} (${folders[index] || '/'})` : label,
  );
}

function humanize(name: string): string {
  const words = name
    .replace(/^_+/, '')
    .split(/[-_\s]+/)
    .filter(Boolean);
  if (words.length === 0) return name;
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/**
 * Breadth-first walk that returns folders (shallowest first) holding at least MIN_DISCOVERED
 * Markdown files that begin with front matter, counting page bundles (`<sub>/index.md`) as files.
 */
async function discoverFolders(root: string, known: readonly string[], rules: WalkRules): Promise<string[]> {
  // Files inside a known collection folder belong to it whatever they hold: sniffing them (one
  // open per file, thousands in a big blog) could only discover what is already known.
  const insideKnown = (folder: string): boolean =>
    known.some((item) => folder === item || folder.startsWith(`${item}/`));
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
        if (rules.excluded?.(child)) continue;
        // Folders a convention owns are listed by it: walking them could only rediscover them.
        if (
          entry.isDirectory() &&
          !rules.skipFolder(entry.name, child) &&
          !rules.softSkip?.(entry.name) &&
          !known.includes(child)
        )
          next.push(child);
        else if (entry.isFile() && isPostFileName(entry.name) && !insideKnown(rel))
          sniffs.push({ folder: rel, file: child, bundle: /^index\./i.test(entry.name) });
      }
    }
    const matches = await mapLimit(sniffs, SNIFF_CONCURRENCY, (item) => startsWithFrontMatter(join(root, item.file)));
    sniffs.forEach((item, index) => {
      if (!matches[index]) return;
      bump(counts, item.folder);
      // A page bundle's index stands for one post of the folder above it.
      if (item.bundle && item.folder !== '')
        bump(counts, posix.dirname(item.folder) === '.' ? '' : posix.dirname(item.folder));
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
