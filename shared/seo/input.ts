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
import { expectsDescription, isConvention } from './conventions';
import type { ImageInfo, OtherPost, SeoInput, SiteInfo } from './types';

export { expectsDescription } from './conventions';

/**
 * The site as the context describes it (config first, else other posts' canonical URLs). The URL
 * pattern is learned from the posts beside this one: a site's notes and its blog are usually
 * published under different prefixes.
 */
export function siteOf(context: SeoContext | null, path?: string): SiteInfo {
  const folder = path === undefined ? null : folderOf(path);
  const samples = (context?.otherPosts ?? []).filter((post) => folder === null || postFolder(post) === folder);
  return resolveSite(context ? { site_url: context.siteUrl, display_url: context.displayUrl } : null, samples);
}

// The same post objects come back for every post of a site check: find each one's folder once.
const folders = new WeakMap<OtherPost, string>();

function postFolder(post: OtherPost): string {
  let folder = folders.get(post);
  if (folder === undefined) {
    folder = folderOf(post.path);
    folders.set(post, folder);
  }
  return folder;
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
    ...descriptionOf(sources),
    ...(roles.title === null && !Object.hasOwn(sources.frontMatter, 'title') ? { titleUnset: true } : {}),
  };
}

/**
 * Whether a description is expected, and the habits behind it: required by the collection's schema,
 * or set by most of its posts (from the context's counts when it has them, else the fields' presence).
 */
function descriptionOf(sources: SeoSources): Pick<SeoInput, 'descriptionExpected' | 'conventions'> {
  const conventions = sources.context?.conventions;
  const mapping = sources.context?.mapping ?? {};
  const byFields = sources.fields === undefined ? undefined : expectsDescription(sources.fields, mapping);
  if (conventions === undefined) return byFields === undefined ? {} : { descriptionExpected: byFields };
  const required =
    sources.fields !== undefined &&
    expectsDescription(
      sources.fields.map((field) => ({ ...field, presence: 0 })),
      mapping,
    );
  return { conventions, descriptionExpected: required || isConvention(conventions, 'description') };
}
