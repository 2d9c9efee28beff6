/**
 * The plain data the SEO rules work on: resolved roles, the site, facts about the social image and
 * the body, and the checks they produce. Everything here is JSON-friendly so it can cross the bridge.
 */
import type { Root } from 'mdast';
import type { BodyFacts } from './body';
import type { SeoConventions } from './conventions';

/** A font as the snippet renderers draw it. */
export interface FontSpec {
  family: string;
  sizePx: number;
  weight: 400 | 700;
}

/** Width in CSS pixels of `text` drawn in `font` (canvas measureText in the app, opentype.js in tests). */
export type MeasureText = (text: string, font: FontSpec) => number;

/** The parts of a post that search engines and social cards show. */
export type SeoRole =
  'title' | 'description' | 'canonicalUrl' | 'image' | 'imageAlt' | 'author' | 'date' | 'siteName' | 'twitterHandle';

/** Every role, in the order the UI lists them. */
export const SEO_ROLES: readonly SeoRole[] = [
  'title',
  'description',
  'canonicalUrl',
  'image',
  'imageAlt',
  'author',
  'date',
  'siteName',
  'twitterHandle',
];

/**
 * A role's value and where it came from: `field` when a front-matter key meant for it is set,
 * `fallback` when something else stood in (the post title, the body's first paragraph, the site).
 * `from` names the source: a dotted key path (`seo.title`), `body` or `site`.
 */
export interface ResolvedRole {
  value: string;
  source: 'field' | 'fallback';
  from: string;
}

/** Each role resolved, or null when nothing provides it. */
export type SeoRoles = { [R in SeoRole]: ResolvedRole | null };

/**
 * Per-collection override: role → dotted key path in the front matter (`seo.title`, `authors.0`).
 * A role listed here reads only that key (fallbacks still apply); unlisted roles use the defaults.
 */
export type SeoFieldMapping = Partial<Record<SeoRole, string>>;

/** The site the post belongs to, as far as it is known. */
export interface SiteInfo {
  /** Origin of the site, e.g. `https://openinfra.org` (no trailing slash), or null when unknown. */
  siteUrl: string | null;
  /** Lower-case host of siteUrl, or null. */
  host: string | null;
  /** Name shown on cards (`display_url`, or the host without `www.`), or null. */
  siteName: string | null;
  /** How a post's URL is built, when other posts show a consistent pattern; null when unknown. */
  pattern: SitePattern | null;
  /** Where siteUrl came from. */
  source: 'config' | 'inferred' | 'none';
}

/** Post URLs are `origin + prefix + slug (+ '/' when trailingSlash)`. */
export interface SitePattern {
  /** Path before the slug, starting and ending with `/`, e.g. `/blog/`. */
  prefix: string;
  trailingSlash: boolean;
}

/** What the back end could read of the social image; null when it is unknown or unreadable. */
export interface ImageInfo {
  width: number;
  height: number;
  bytes: number;
  /** Lower-case format as image-size names it: `png`, `jpg`, `webp`, `gif`, `svg`… */
  format: string;
}

/** Another post of the repository, for duplicate and link checks. */
export interface OtherPost {
  path: string;
  title: string | null;
  canonicalUrl: string | null;
  /** The site-relative address the post sets itself (Hugo `url`, Jekyll `permalink`: `/about/`), for link checks. */
  permalink?: string | null;
}

/** Everything {@link runSeoChecks} needs, as one plain object. */
export interface SeoInput {
  roles: SeoRoles;
  /** Markdown body (after the front matter). */
  body: string;
  /** The body already parsed (with positions); saves a parse when the caller has one. */
  mdast?: Root;
  /** The body already analysed (see analyzeBody); saves the walk as well. */
  bodyFacts?: BodyFacts;
  /** Repo-relative POSIX path of the post. */
  postPath: string;
  /** The post's slug; defaults to one derived from its path. */
  slug?: string;
  site: SiteInfo;
  /** Other posts of the repository (the post itself may be included; it is skipped by path). */
  otherPosts: readonly OtherPost[];
  /** The social image's facts; null when it could not be read; undefined when not looked up (yet). */
  image?: ImageInfo | null;
  /** Repo-relative paths of the repository's files, for internal link checks. */
  existingPaths: ReadonlySet<string> | readonly string[];
  /** Measures the title in Google's font; without it only character counts are checked. */
  measure?: MeasureText;
  /**
   * True when the post has no title key at all (not an empty one): generators then name the page
   * after its file (Docusaurus, Hugo's `linkTitle` menus), so it is advice, not a broken page.
   */
  titleUnset?: boolean;
  /**
   * Whether the site's posts carry a description of their own (see expectsDescription and
   * conventions). False: the site relies on the body's first paragraph, and a missing description
   * is no finding. Default true (a warning).
   */
  descriptionExpected?: boolean;
  /**
   * What the posts of this collection usually set: a missing canonical URL, social image or its alt
   * text is advice only where most of them set one. Undefined when unknown (then it is advice).
   */
  conventions?: SeoConventions;
}

/** Every SEO check, by id, in the order the rules run them (roles, URL, image, body). */
export const SEO_CHECK_IDS = [
  'title-present',
  'title-length',
  'title-width',
  'title-unique',
  'description-present',
  'description-length',
  'description-not-title',
  'x-handle',
  'canonical-present',
  'canonical-format',
  'canonical-host',
  'canonical-slug',
  'canonical-unique',
  'image-present',
  'image-exists',
  'image-readable',
  'image-alt',
  'image-og-size',
  'image-x-size',
  'image-bytes',
  'image-format',
  'body-unsafe-links',
  'body-image-alt',
  'body-headings',
  'body-links',
  'body-stats',
] as const;

/** The id of one SEO check: a misspelt id (in a check, a filter or the UI) does not compile. */
export type SeoCheckId = (typeof SEO_CHECK_IDS)[number];

/** One finding. `figures` are the numbers behind it, for display. */
export interface SeoCheck {
  id: SeoCheckId;
  severity: 'error' | 'warning' | 'pass';
  title: string;
  message: string;
  figures?: Record<string, number | string>;
}
