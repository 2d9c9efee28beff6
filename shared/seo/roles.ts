/**
 * Front matter → SEO roles. Sites name these fields every which way (a Decap `seo` object, Hugo's
 * top-level `description`, Astro's `pubDate`, Gatsby's `featuredImage`), so each role tries a list
 * of well-known keys; a collection can pin a role to one key with a {@link SeoFieldMapping}.
 */
import type { FrontMatterData, JsonValue } from '../api';
import type { BodyFacts } from './body';
import { parseHttpUrl } from './site';
import type { ResolvedRole, SeoFieldMapping, SeoRole, SeoRoles, SiteInfo } from './types';

/** The keys each role reads by default, first match wins. */
export const DEFAULT_ROLE_KEYS: Readonly<Record<SeoRole, readonly string[]>> = {
  // Hugo's `linkTitle` is the short title of menus and breadcrumbs, never the page's title.
  title: ['seo.title', 'seo.metaTitle', 'metaTitle', 'meta_title'],
  description: [
    'seo.description',
    'seo.metaDescription',
    'description',
    'summary',
    'excerpt',
    'metaDescription',
    'meta_description',
  ],
  // Only values that are absolute URLs count (see urlOf): Hugo's `url` and Jekyll's `permalink` are site-relative paths.
  canonicalUrl: [
    'seo.url',
    'seo.canonical',
    'seo.canonicalUrl',
    'seo.canonicalURL',
    'canonical',
    'canonicalURL',
    'canonicalUrl',
    'canonical_url',
    'url',
  ],
  // Hugo's `images` is a list (the first is the card image); Astro's `heroImage`, Gatsby's `featuredimage`.
  image: [
    'seo.image',
    'seo.ogImage',
    'og_image',
    'ogImage',
    'image',
    'images',
    'heroImage',
    'hero_image',
    'featuredImage',
    'featuredimage',
    'featured_image',
    'cover',
    'coverImage',
    'cover_image',
    'thumbnail',
    'banner',
    'preview',
  ],
  imageAlt: ['seo.imageAlt', 'seo.image_alt', 'imageAlt', 'image_alt', 'heroImageAlt', 'coverAlt', 'cover_alt'],
  author: ['seo.author', 'author', 'authors'],
  date: ['date', 'pubDate', 'publishDate', 'published', 'created'],
  siteName: ['seo.siteName', 'seo.site_name', 'siteName', 'site_name'],
  twitterHandle: [
    'seo.twitterUsername',
    'seo.twitter',
    'seo.twitterHandle',
    'twitterUsername',
    'twitter_username',
    'twitterHandle',
    'twitter',
  ],
};

/**
 * The post's headline stands in for a missing SEO title — what Google and the cards show too — but
 * it is reported as a fallback so the writer knows no SEO title is set.
 */
const TITLE_FALLBACK_KEY = 'title';

/** Reads `a.b.0.c` from the front matter; undefined when any step is missing. */
export function readKeyPath(data: FrontMatterData, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = data;
  for (const step of path.split('.')) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      current = /^\d+$/.test(step) ? current[Number(step)] : undefined;
    } else {
      current = Object.prototype.hasOwnProperty.call(current, step) ? current[step] : undefined;
    }
  }
  return current;
}

/** Inputs to {@link resolveSeoRoles}. */
export interface ResolveRolesOptions {
  mapping?: SeoFieldMapping;
  /** The body's facts, for the description and image fallbacks. */
  body?: BodyFacts;
  /** The site, for the site name fallback. */
  site?: SiteInfo;
  /** Site-wide X handle (e.g. from settings), the fallback for `twitterHandle`. */
  siteTwitterHandle?: string;
}

/** Resolves every role of a post, saying for each where its value came from. */
export function resolveSeoRoles(data: FrontMatterData, options: ResolveRolesOptions = {}): SeoRoles {
  const mapping = options.mapping ?? {};
  const keys = (role: SeoRole): readonly string[] => {
    const pinned = mapping[role];
    return pinned !== undefined && pinned.trim() !== '' ? [pinned.trim()] : DEFAULT_ROLE_KEYS[role];
  };
  const find = (role: SeoRole, read: (value: JsonValue) => string | null = textOf): ResolvedRole | null => {
    for (const key of keys(role)) {
      const raw = readKeyPath(data, key);
      const value = raw === undefined ? null : read(raw);
      if (value !== null) return { value, source: 'field', from: key };
    }
    return null;
  };

  const title = find('title') ?? fromKey(data, TITLE_FALLBACK_KEY) ?? leadingHeading(options.body);
  const firstParagraph = options.body?.firstParagraph ?? null;
  const description =
    find('description') ??
    (firstParagraph !== null ? { value: firstParagraph, source: 'fallback', from: 'body' } : null);

  const image = find('image', imageSrcOf);
  const bodyImage = options.body?.images.find((candidate) => candidate.url.trim() !== '') ?? null;
  let imageAlt = find('imageAlt');
  if (image !== null && imageAlt === null) {
    // `image: { src, alt }` carries its own alt text.
    const raw = readKeyPath(data, image.from);
    const alt = raw !== undefined && isObject(raw) ? textOf(raw.alt ?? null) : null;
    if (alt !== null) imageAlt = { value: alt, source: 'field', from: `${image.from}.alt` };
  }
  let resolvedImage = image;
  if (resolvedImage === null && bodyImage !== null) {
    resolvedImage = { value: bodyImage.url.trim(), source: 'fallback', from: 'body' };
    if (imageAlt === null && bodyImage.alt.trim() !== '')
      imageAlt = { value: bodyImage.alt.trim(), source: 'fallback', from: 'body' };
  }

  const siteName =
    find('siteName') ??
    (options.site?.siteName ? { value: options.site.siteName, source: 'fallback', from: 'site' } : null);
  const handle = options.siteTwitterHandle?.trim();
  const twitterHandle = find('twitterHandle') ?? (handle ? { value: handle, source: 'fallback', from: 'site' } : null);

  return {
    title,
    description,
    canonicalUrl: find('canonicalUrl', urlOf),
    image: resolvedImage,
    imageAlt,
    author: find('author', authorOf),
    date: find('date', dateOf),
    siteName,
    twitterHandle,
  };
}

/**
 * A body that opens with a `# Heading` names its page when the front matter does not: Docusaurus,
 * MkDocs and Jekyll's titles-from-headings plugin all take the title from it.
 */
function leadingHeading(body: BodyFacts | undefined): ResolvedRole | null {
  const first = body?.headings[0];
  return first && first.depth === 1 && first.text.trim() !== ''
    ? { value: first.text.trim(), source: 'fallback', from: 'body' }
    : null;
}

function fromKey(data: FrontMatterData, key: string): ResolvedRole | null {
  const raw = readKeyPath(data, key);
  const value = raw === undefined ? null : textOf(raw);
  return value === null ? null : { value, source: 'fallback', from: key };
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Non-empty text (numbers count: a YAML title `2026` is a number). */
function textOf(value: JsonValue): string | null {
  if (typeof value === 'string') {
    const trimmed = value.replace(/\s+/g, ' ').trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number') return String(value);
  return null;
}

/**
 * An image as a string, or `{ src | url | image, alt }`, or a list of either (first wins). Text with
 * spaces and no file extension (`preview: coming soon`) is not an image address.
 */
function imageSrcOf(value: JsonValue): string | null {
  if (Array.isArray(value)) return value.length > 0 && value[0] !== undefined ? imageSrcOf(value[0]) : null;
  if (isObject(value)) return imageSrcOf(value.src ?? value.url ?? value.image ?? value.path ?? null);
  const text = typeof value === 'string' ? textOf(value) : null;
  return text !== null &&
    (/^[a-z][a-z0-9+.-]*:/i.test(text) || /\.[a-z0-9]{2,5}(?:[?#].*)?$/i.test(text) || !/\s/.test(text))
    ? text
    : null;
}

/**
 * A canonical URL is an absolute http(s) address. A field's name is no proof: Hugo's `url` and
 * Jekyll's `permalink` hold site-relative paths (`/about/`), which are fine and not canonical URLs.
 */
function urlOf(value: JsonValue): string | null {
  const text = textOf(value);
  return text !== null && parseHttpUrl(text) !== null ? text : null;
}

/** An author as a string or `{ name }`, or a list of them (joined, as bylines show them). */
function authorOf(value: JsonValue): string | null {
  if (Array.isArray(value)) {
    const names = value.map(authorOf).filter((name): name is string => name !== null);
    return names.length === 0 ? null : names.join(', ');
  }
  if (isObject(value)) return textOf(value.name ?? value.title ?? null);
  return textOf(value);
}

/** Dates are text (Jekyll's `published: false` is a flag, not a date). */
function dateOf(value: JsonValue): string | null {
  return typeof value === 'string' ? textOf(value) : null;
}
