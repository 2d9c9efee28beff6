/**
 * The site a post is published on: its origin, name and URL pattern. Taken from the CMS config
 * (Decap's `site_url` / `display_url`) when there is one, otherwise inferred from the canonical
 * URLs other posts already declare — the most common origin wins, so one stray link doesn't.
 */
import type { SiteInfo, SitePattern } from './types';

/** What a config may say about the site. */
export interface SiteConfig {
  site_url?: string | null;
  display_url?: string | null;
  /** A name for cards, when the config has one. */
  site_name?: string | null;
}

/** A post seen elsewhere in the repository: its path and declared canonical URL. */
export interface SiteSample {
  path: string;
  canonicalUrl: string | null;
}

/** Parses an absolute http(s) URL; null for anything else. */
export function parseHttpUrl(text: string): URL | null {
  // `URL` is in every runtime we target (browsers, Node 20), and is not a Node built-in module.
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** The post's slug: the file name without extension or Jekyll date prefix; a bundle's `index.md` takes its folder's name. */
export function postSlug(path: string): string {
  const parts = path.split('/').filter((part) => part !== '');
  let name = parts.pop() ?? '';
  let stem = name.replace(/\.[^.]+$/, '');
  if (/^(index|_index)$/i.test(stem) && parts.length > 0) {
    name = parts.pop() ?? name;
    stem = name;
  }
  return stem.replace(/^\d{4}-\d{2}-\d{2}[-_]/, '').toLowerCase();
}

/** The last non-empty segment of a URL path, decoded and lower-cased, without `.html`. */
export function lastPathSegment(pathname: string): string {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  const last = segments[segments.length - 1] ?? '';
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // A malformed escape is compared as written.
  }
  return decoded.replace(/\.html?$/i, '').toLowerCase();
}

/** A URL reduced for equality: lower-case host, no fragment, no trailing slash, no default index file. */
export function normalizeUrl(text: string): string | null {
  const url = parseHttpUrl(text);
  if (url === null) return null;
  const path = url.pathname.replace(/\/index\.html?$/i, '/').replace(/\/+$/, '');
  return `${url.protocol}//${url.host.toLowerCase()}${path}${url.search}`;
}

/** Resolves the site from the config, falling back to what other posts' canonical URLs show. */
export function resolveSite(config: SiteConfig | null, samples: readonly SiteSample[]): SiteInfo {
  const configured = config?.site_url ? parseHttpUrl(config.site_url) : null;
  const origin =
    configured?.origin ??
    mostCommon(samples.map((sample) => (sample.canonicalUrl ? parseHttpUrl(sample.canonicalUrl)?.origin : undefined)));
  const host = origin ? new URL(origin).host.toLowerCase() : null;
  const display = config?.display_url ? parseHttpUrl(config.display_url) : null;
  const siteName = config?.site_name?.trim() || (display ? display.host : host ? host.replace(/^www\./, '') : null);
  return {
    siteUrl: origin ?? null,
    host,
    siteName: siteName || null,
    pattern: origin ? inferPattern(origin, samples) : null,
    source: configured ? 'config' : origin ? 'inferred' : 'none',
  };
}

/**
 * A pattern is trusted only when most posts' URLs on the site end with their own slug under the
 * same prefix — otherwise a slug check would flag posts of a site that builds URLs some other way.
 */
function inferPattern(origin: string, samples: readonly SiteSample[]): SitePattern | null {
  const prefixes: string[] = [];
  let onSite = 0;
  for (const sample of samples) {
    const url = sample.canonicalUrl ? parseHttpUrl(sample.canonicalUrl) : null;
    if (url === null || url.origin !== origin) continue;
    onSite += 1;
    const slug = postSlug(sample.path);
    if (slug === '' || lastPathSegment(url.pathname) !== slug) continue;
    const trailingSlash = url.pathname.endsWith('/');
    const trimmed = url.pathname.replace(/\/+$/, '');
    prefixes.push(`${trimmed.slice(0, trimmed.lastIndexOf('/') + 1)}|${trailingSlash ? '/' : ''}`);
  }
  const best = mostCommonWithCount(prefixes);
  if (best === null || onSite < 2 || best.count * 2 <= onSite) return null;
  const [prefix = '/', slash = ''] = best.value.split('|');
  return { prefix, trailingSlash: slash === '/' };
}

/** The URL a post would have under `pattern`; null without a site or pattern. */
export function expectedPostUrl(site: SiteInfo, slug: string): string | null {
  if (site.siteUrl === null || site.pattern === null || slug === '') return null;
  return `${site.siteUrl}${site.pattern.prefix}${slug}${site.pattern.trailingSlash ? '/' : ''}`;
}

function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  return mostCommonWithCount(values.filter((value): value is string => value !== undefined))?.value;
}

function mostCommonWithCount(values: readonly string[]): { value: string; count: number } | null {
  const counts = new Map<string, number>();
  let best: { value: string; count: number } | null = null;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    // Ties go to the value seen first, so the result doesn't depend on Map iteration quirks.
    if (best === null || count > best.count) best = { value, count };
  }
  return best;
}
