/**
 * Lists the page files under a folder: its Markdown files and those of its subfolders, skipping
 * dot-folders, build output and generator plumbing, and stopping at folders that belong to another
 * collection. Used by collection discovery and by the site-convention planners beside it.
 */
import type { Dirent } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';

/** How a folder's pages are listed. */
export interface WalkOptions {
  /** How many folder levels below the starting folder are walked. */
  maxDepth: number;
  /** Which file names are pages. */
  accept: (name: string) => boolean;
  /** Whether a subfolder (by name and repo-relative path) is left out, with everything in it. */
  skipFolder: (name: string, path: string) => boolean;
  /**
   * Folders left out unless they are a page bundle or a section (hold `index.md` or `_index.md`):
   * a `snippets` folder is plumbing, but a docs page about shortcodes may well live in `shortcodes/`.
   */
  softSkip?: (name: string) => boolean;
  /** Repo-relative paths the site's config excludes (files and folders). */
  excluded?: (path: string) => boolean;
  /** Folders that are collections of their own: not walked into. */
  stopAt?: ReadonlySet<string>;
  /**
   * Hugo's leaf bundles: a folder holding an `index.md` is one page, and its other Markdown files
   * are that page's resources, not pages. Off, every Markdown file is listed.
   */
  leafBundles?: boolean;
}

/** Repo-relative paths of the pages under `folder`, sorted. */
export async function walkPages(root: string, folder: string, options: WalkOptions): Promise<string[]> {
  const files: string[] = [];
  const walk = async (rel: string, depth: number): Promise<void> => {
    const entries = await readFolder(join(root, rel));
    if (options.leafBundles && rel !== folder) {
      const index = entries.find((entry) => entry.isFile() && /^index\.(md|markdown)$/i.test(entry.name));
      if (index) {
        const path = posix.join(rel, index.name);
        if (!options.excluded?.(path)) files.push(path);
        return;
      }
    }
    const subfolders: string[] = [];
    for (const entry of entries) {
      const child = posix.join(rel, entry.name);
      if (options.excluded?.(child)) continue;
      if (entry.isFile() && options.accept(entry.name)) files.push(child);
      else if (
        entry.isDirectory() &&
        depth < options.maxDepth &&
        !options.stopAt?.has(child) &&
        !options.skipFolder(entry.name, child)
      ) {
        if (!options.softSkip?.(entry.name) || (await isPageFolder(join(root, child)))) subfolders.push(child);
      }
    }
    await Promise.all(subfolders.map((sub) => walk(sub, depth + 1)));
  };
  await walk(folder, 0);
  return files.sort();
}

async function isPageFolder(path: string): Promise<boolean> {
  return (await readFolder(path)).some((entry) => entry.isFile() && /^_?index\.(md|markdown)$/i.test(entry.name));
}

/** The entries of a folder; a folder that cannot be read (permissions, removed mid-scan) is empty. */
export async function readFolder(path: string): Promise<Dirent[]> {
  try {
    return await readdir(path, { withFileTypes: true });
  } catch {
    return [];
  }
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
