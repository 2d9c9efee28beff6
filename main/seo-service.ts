/**
 * The back-end side of the SEO previews: what a post is compared with (the site, other posts' titles
 * and canonical URLs, the repository's files), the per-collection field mapping kept in settings,
 * and the facts of a social image read from the repository.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { FrontMatterData, JsonValue, SeoContext, SeoContextReply } from '../shared/api';
import { isJsonObject } from '../shared/content/json-values';
import { isSectionPage, seoConventions, type SeoConventions } from '../shared/seo/conventions';
import { imageCandidates } from '../shared/seo/repo-paths';
import { SITE_CONFIG_FILES, siteImageOf } from '../shared/seo/site-image';
import { resolveSeoRoles } from '../shared/seo/roles';
import type { ImageInfo, SeoFieldMapping } from '../shared/seo/types';
import { SEO_ROLES } from '../shared/seo/types';
import { AppFailure } from '../shared/errors';
import type { ContentService } from './content-service';
import { listWorkTreeFiles } from './git/index';
import type { SettingsStore } from './settings';
import { readImageInfo } from './workspace/image-info';
import { imageContentType } from './workspace/media';
import { resolveInRepo } from './workspace/paths';
import type { CollectionId } from '../shared/content/collection-ids';

/** The settings key holding every repository's SEO mappings: repo path → collection → mapping. */
export const SEO_MAPPINGS_KEY = 'seoMappings';

/**
 * The SEO context of the post at `path` in the repository at `root`: its own part, and the site's
 * catalog (see SeoCatalog) unless `known` is the catalog's current version.
 */
export async function seoContext(
  root: string,
  content: ContentService,
  settings: SettingsStore,
  path: string,
  known: string | null = null,
): Promise<SeoContextReply> {
  const index = await content.current();
  const entry = index.entries.find((item) => item.path === path);
  const mappings = readMappings(settings, root);
  const posts = everyPostAsCompared(index.entries, mappings);
  const mapping = entry ? (mappings[entry.collection] ?? {}) : {};
  const [existingPaths, siteImage] = await Promise.all([listSiteFiles(root), readSiteImage(root)]);
  const version = catalogVersion(posts, existingPaths);
  return {
    siteUrl: index.model.siteUrl ?? null,
    displayUrl: index.model.displayUrl ?? null,
    mapping,
    ...(entry
      ? {
          conventions: {
            ...collectionConventions(index.entries, entry, mapping),
            ...(siteImage === null ? {} : { siteImage }),
          },
        }
      : {}),
    catalog: known === version ? { version } : { version, posts, existingPaths },
  };
}

/** Tells this back end's catalogs from another run's: a page that outlived a restart holds an older one. */
const RUN = randomBytes(4).toString('hex');
const catalogNumbers = new WeakMap<readonly ComparedPost[], number>();
let catalogsMade = 0;

/**
 * The catalog's version: which list of compared posts it holds (a new list whenever a post or a
 * mapping changes, see everyPostAsCompared) and a digest of the file list (an image added or a
 * post renamed changes it; git lists them afresh each time).
 */
function catalogVersion(posts: readonly ComparedPost[], existingPaths: readonly string[]): string {
  let number = catalogNumbers.get(posts);
  if (number === undefined) {
    number = ++catalogsMade;
    catalogNumbers.set(posts, number);
  }
  const files = createHash('sha1').update(existingPaths.join('\0')).digest('hex').slice(0, 16);
  return `${RUN}.${number}.${files}`;
}

type ComparedPost = SeoContext['otherPosts'][number];

const comparedCache = new WeakMap<readonly EntryLike[], { mappingsKey: string; posts: ComparedPost[] }>();

/**
 * Every post's title, canonical URL and permalink as the SEO checks compare them, worked out once per
 * list of entries and mappings: a post of a 10k-post site opened in ~115 ms of this alone, each time.
 */
function everyPostAsCompared(
  entries: readonly EntryLike[],
  mappings: Partial<Record<CollectionId, SeoFieldMapping>>,
): ComparedPost[] {
  const mappingsKey = JSON.stringify(mappings);
  const known = comparedCache.get(entries);
  if (known?.mappingsKey === mappingsKey) return known.posts;
  const posts = entries.map((item) => {
    const roles = resolveSeoRoles(item.frontMatter, { mapping: mappings[item.collection] ?? {} });
    return {
      path: item.path,
      title: roles.title?.value ?? null,
      canonicalUrl: roles.canonicalUrl?.value ?? null,
      permalink: permalinkOf(item.frontMatter),
    };
  });
  comparedCache.set(entries, { mappingsKey, posts });
  return posts;
}

/** An entry as the conventions count it. */
interface EntryLike {
  path: string;
  collection: CollectionId;
  frontMatter: FrontMatterData;
}

const conventionsCache = new WeakMap<readonly EntryLike[], Map<string, SeoConventions>>();

/**
 * What the posts of `entry`'s collection usually set (description, canonical URL, image…): its
 * posts', or for a section's list page the other list pages'. Counted once per list of entries:
 * `masthead check` asks for every post of a 10k-post site.
 */
export function collectionConventions(
  entries: readonly EntryLike[],
  entry: Pick<EntryLike, 'path' | 'collection'>,
  mapping: SeoFieldMapping = {},
): SeoConventions {
  const { collection } = entry;
  const section = isSectionPage(entry.path);
  let byCollection = conventionsCache.get(entries);
  if (!byCollection) {
    byCollection = new Map();
    conventionsCache.set(entries, byCollection);
  }
  const key = `${collection}\0${section}\0${JSON.stringify(mapping)}`;
  let found = byCollection.get(key);
  if (!found) {
    found = seoConventions(
      entries
        .filter((other) => other.collection === collection && isSectionPage(other.path) === section)
        .map((other) => other.frontMatter),
      mapping,
    );
    byCollection.set(key, found);
  }
  return found;
}

/** The site-relative address a post sets itself (Hugo `url`, Jekyll and Hugo `permalink`), if any. */
export function permalinkOf(frontMatter: FrontMatterData): string | null {
  for (const key of ['permalink', 'url']) {
    const value = frontMatter[key];
    if (typeof value === 'string' && value.trim().startsWith('/')) return value.trim();
  }
  return null;
}

/** The card image the site's config gives every page that sets none (Hugo `params.images`, Jekyll `defaults`), if any. */
export async function readSiteImage(root: string): Promise<string | null> {
  for (const name of SITE_CONFIG_FILES) {
    const text = await readFile(join(root, name), 'utf8').catch(() => null);
    if (text === null) continue;
    const image = siteImageOf(name, text);
    if (image !== null) return image;
  }
  return null;
}

// Beyond this many files a walk stops (as git's list is capped).
const MAX_WALKED_FILES = 200_000;
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.cache', '_site']);

/**
 * The repository's files (repo-relative), for link and image checks: git's list (tracked and
 * untracked, less what .gitignore ignores), or a walk of the folder when it is no git checkout
 * (a site's CI may run on an export). Never just the posts: a list without the images would call
 * every image missing.
 */
export async function listSiteFiles(root: string): Promise<string[]> {
  try {
    return await listWorkTreeFiles(root);
  } catch {
    const out: string[] = [];
    const walk = async (folder: string): Promise<void> => {
      const items = await readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
      for (const item of items) {
        if (out.length >= MAX_WALKED_FILES) return;
        const path = folder === '' ? item.name : `${folder}/${item.name}`;
        if (item.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(item.name)) await walk(path);
        } else if (item.isFile()) out.push(path);
      }
    };
    await walk('');
    return out;
  }
}

/** Saves the mapping of one collection of the repository at `root` ({} restores the defaults). */
export async function setSeoMapping(
  settings: SettingsStore,
  root: string,
  collection: CollectionId,
  mapping: SeoFieldMapping,
): Promise<void> {
  const all = settings.get(SEO_MAPPINGS_KEY);
  const byRepo: { [key: string]: JsonValue } = isJsonObject(all) ? { ...all } : {};
  const current = byRepo[root];
  const forRepo: { [key: string]: JsonValue } = isJsonObject(current) ? { ...current } : {};
  const clean = cleanMapping(mapping);
  if (Object.keys(clean).length === 0) delete forRepo[collection];
  else forRepo[collection] = clean;
  byRepo[root] = forRepo;
  await settings.set(SEO_MAPPINGS_KEY, byRepo);
}

function readMappings(settings: SettingsStore, root: string): Record<string, SeoFieldMapping> {
  const all = settings.get(SEO_MAPPINGS_KEY);
  const forRepo = isJsonObject(all) ? all[root] : undefined;
  if (!isJsonObject(forRepo)) return {};
  const result: Record<string, SeoFieldMapping> = {};
  for (const [collection, mapping] of Object.entries(forRepo))
    if (isJsonObject(mapping)) result[collection] = cleanMapping(mapping);
  return result;
}

/** Only known roles with non-empty key paths survive (the settings file is user-editable). */
function cleanMapping(mapping: { [key: string]: JsonValue } | SeoFieldMapping): SeoFieldMapping {
  const clean: SeoFieldMapping = {};
  for (const role of SEO_ROLES) {
    const key = (mapping as Record<string, unknown>)[role];
    if (typeof key === 'string' && key.trim() !== '' && key.length <= 200) clean[role] = key.trim();
  }
  return clean;
}

/** The facts of the image `src` written in the post at `postPath`, or null when it is not repository media or unreadable. */
export async function mediaInfo(root: string, postPath: string, src: string): Promise<ImageInfo | null> {
  // Post-relative, then site-rooted: Jekyll reads `image: assets/a.jpg` from the site's root.
  for (const candidate of imageCandidates(postPath, src)) {
    if (
      imageContentType(candidate) === null ||
      candidate.split('/').some((segment) => segment.toLowerCase() === '.git')
    )
      continue;
    let absolute: string;
    try {
      absolute = await resolveInRepo(root, candidate);
    } catch (error) {
      if (error instanceof AppFailure && error.code === 'outside-repository') continue;
      throw error;
    }
    const info = await readImageInfo(absolute);
    if (info) return info;
  }
  return null;
}
