/**
 * Builds the SEO rules' input for the open post from what the workspace holds: its front matter
 * and body, the back end's SEO context and the social image's facts. The SEO tab and the publish
 * check both use it, so the checks that block a publish are the ones the tab shows.
 */
import type { FrontMatterData, SeoContext } from '../../shared/api';
import type { BodyFacts } from '../../shared/seo/body';
import { analyzeBody } from '../../shared/seo/body';
import { resolveSeoRoles } from '../../shared/seo/roles';
import { resolveSite } from '../../shared/seo/site';
import type { ImageInfo, SeoInput, SiteInfo } from '../../shared/seo/types';

/** The site as the context describes it (config first, else other posts' canonical URLs). */
export function siteOf(context: SeoContext | null): SiteInfo {
  return resolveSite(context ? { site_url: context.siteUrl, display_url: context.displayUrl } : null, context?.otherPosts ?? []);
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
}

/** The full input of the SEO checks and previews. */
export function buildSeoInput(sources: SeoSources): SeoInput {
  const facts = sources.bodyFacts ?? analyzeBody(sources.body);
  const site = sources.site ?? siteOf(sources.context);
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
  };
}
