/**
 * Builds the SEO rules' input for a post from its front matter and body, the SEO context (site,
 * other posts, files) and the social image's facts. The SEO tab, the publish check and
 * `masthead check` all use it, so the checks that block a publish are the ones the tab shows and
 * the ones a site's CI sees.
 */
import type { FrontMatterData, SeoContext } from '../api';
import type { BodyFacts } from './body';
import { analyzeBody } from './body';
import { resolveSeoRoles } from './roles';
import { resolveSite } from './site';
import type { SchemaField } from '../content/schema/types';
import { DEFAULT_ROLE_KEYS } from './roles';
import type { ImageInfo, SeoFieldMapping, SeoInput, SiteInfo } from './types';

/**
 * The site as the context describes it (config first, else other posts' canonical URLs). The URL
 * pattern is learned from the posts beside this one: a site's notes and its blog are usually
 * published under different prefixes.
 */
export function siteOf(context: SeoContext | null, path?: string): SiteInfo {
  const folder = path === undefined ? null : folderOf(path);
  const samples = (context?.otherPosts ?? []).filter((post) => folder === null || folderOf(post.path) === folder);
  return resolveSite(context ? { site_url: context.siteUrl, display_url: context.displayUrl } : null, samples);
}

/** The folder holding a post; for a page bundle (`hello/index.md`) the folder above it. */
function folderOf(path: string): string {
  const parts = path.split('/');
  parts.pop();
  const file = path.split('/').pop() ?? '';
  if (/^(index|_index)\./i.test(file)) parts.pop();
  return parts.join('/');
}

/** What buildSeoInput needs. */
export interface SeoSources {
  path: string;
  frontMatter: FrontMatterData;
  body: string;
  /** The body's facts when already computed (the tab keeps them off the typing path). */
  bodyFacts?: BodyFacts;
  context: SeoContext | null;
  /** Undefined while not looked up yet; null when unreadable or not in the repository. */
  image: ImageInfo | null | undefined;
  site?: SiteInfo;
  /** The entry's fields (its collection's, from the content model): say whether a description is expected. */
  fields?: SchemaField[];
}

/** The full input of the SEO checks and previews. */
export function buildSeoInput(sources: SeoSources): SeoInput {
  const facts = sources.bodyFacts ?? analyzeBody(sources.body);
  const site = sources.site ?? siteOf(sources.context, sources.path);
  const roles = resolveSeoRoles(sources.frontMatter, { mapping: sources.context?.mapping ?? {}, body: facts, site });
  return {
    roles,
    body: sources.body,
    bodyFacts: facts,
    postPath: sources.path,
    site,
    otherPosts: sources.context?.otherPosts ?? [],
    ...(sources.image === undefined ? {} : { image: sources.image }),
    existingPaths: sources.context?.existingPaths ?? [],
    ...(sources.fields === undefined ? {} : { descriptionExpected: expectsDescription(sources.fields, sources.context?.mapping ?? {}) }),
  };
}

/**
 * True when the entry's fields include one the description role reads (`seo.description`,
 * `description`, `summary`…, or the key the writer mapped it to): the site's posts are meant to
 * carry a description of their own.
 */
export function expectsDescription(fields: SchemaField[], mapping: SeoFieldMapping): boolean {
  const keys = mapping.description ? [mapping.description] : DEFAULT_ROLE_KEYS.description;
  return keys.some((key) => hasFieldAt(fields, key.split('.')));
}

function hasFieldAt(fields: SchemaField[], path: string[]): boolean {
  const [name, ...rest] = path;
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) return false;
  if (rest.length === 0) return true;
  return field.widget === 'object' ? hasFieldAt(field.fields, rest) : false;
}
