/**
 * The back-end side of the SEO previews: what a post is compared with (the site, other posts' titles
 * and canonical URLs, the repository's files), the per-collection field mapping kept in settings,
 * and the facts of a social image read from the repository.
 */
import type { JsonValue, SeoContext } from '../shared/api';
import { isJsonObject } from '../shared/content/json-values';
import { mediaCandidates } from '../shared/content/media-paths';
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

/** The settings key holding every repository's SEO mappings: repo path → collection → mapping. */
export const SEO_MAPPINGS_KEY = 'seoMappings';

/** The SEO context of the post at `path` in the repository at `root`. */
export async function seoContext(root: string, content: ContentService, settings: SettingsStore, path: string): Promise<SeoContext> {
  const index = await content.current();
  const entry = index.entries.find((item) => item.path === path);
  const mappings = readMappings(settings, root);
  const otherPosts = index.entries
    .filter((item) => item.path !== path)
    .map((item) => {
      const roles = resolveSeoRoles(item.frontMatter, { mapping: mappings[item.folder] ?? {} });
      return { path: item.path, title: roles.title?.value ?? null, canonicalUrl: roles.canonicalUrl?.value ?? null };
    });
  let existingPaths: string[];
  try {
    existingPaths = await listWorkTreeFiles(root);
  } catch {
    // Without git's list the link check falls back to the posts it knows.
    existingPaths = index.entries.map((item) => item.path);
  }
  return {
    siteUrl: index.model.siteUrl ?? null,
    displayUrl: index.model.displayUrl ?? null,
    otherPosts,
    existingPaths,
    mapping: entry ? (mappings[entry.folder] ?? {}) : {},
  };
}

/** Saves the mapping of one collection of the repository at `root` ({} restores the defaults). */
export async function setSeoMapping(settings: SettingsStore, root: string, collection: string, mapping: SeoFieldMapping): Promise<void> {
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
  for (const [collection, mapping] of Object.entries(forRepo)) if (isJsonObject(mapping)) result[collection] = cleanMapping(mapping);
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
  for (const candidate of mediaCandidates(postPath, src)) {
    if (imageContentType(candidate) === null || candidate.split('/').some((segment) => segment.toLowerCase() === '.git')) continue;
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
