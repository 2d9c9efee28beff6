/**
 * Canonical URL checks: a real https URL, on the site's host, ending in the post's slug when the
 * site's pattern is known, and claimed by no other post.
 */
import { expectedPostUrl, lastPathSegment, normalizeUrl, parseHttpUrl } from './site';
import { isConvention, shareText, type SeoConventions } from './conventions';
import type { OtherPost, SeoCheck, SeoRoles, SiteInfo } from './types';

const TITLE = 'Canonical URL';

/**
 * Checks of the canonical URL. None of them is an error: a missing, relative or shared canonical URL
 * leaves the page working (see the severity rule in checks.ts).
 */
export function canonicalChecks(
  roles: SeoRoles,
  site: SiteInfo,
  slug: string,
  postPath: string,
  others: readonly OtherPost[],
  conventions?: SeoConventions,
): SeoCheck[] {
  const role = roles.canonicalUrl;
  if (role === null) {
    const expected = expectedPostUrl(site, slug);
    // Hugo, Jekyll, Astro… templates print the page's own address as its canonical: setting one by hand is a habit of some sites only.
    if (conventions !== undefined && !isConvention(conventions, 'canonicalUrl')) {
      return [
        {
          id: 'canonical-present',
          severity: 'pass',
          title: TITLE,
          message: `No canonical URL in the front matter (${shareText(conventions, 'canonicalUrl')} here set one): the site's templates use the page's own address.`,
        },
      ];
    }
    return [
      {
        id: 'canonical-present',
        severity: 'warning',
        title: TITLE,
        message: expected
          ? `No canonical URL: the site will likely publish this at ${expected}. Set it so shares and search engines agree on one address.`
          : 'No canonical URL: set the address this post is published at, so shares and search engines agree on one.',
        ...(expected ? { figures: { expected } } : {}),
      },
    ];
  }
  const url = parseHttpUrl(role.value);
  if (url === null) {
    return [
      {
        id: 'canonical-format',
        severity: 'warning',
        title: TITLE,
        message: `“${role.value}” is not an absolute URL: write it in full, like https://example.org/blog/${slug || 'post'}.`,
      },
    ];
  }
  const checks: SeoCheck[] = [
    url.protocol === 'https:'
      ? { id: 'canonical-format', severity: 'pass', title: TITLE, message: `${role.value}` }
      : {
          id: 'canonical-format',
          severity: 'warning',
          title: TITLE,
          message: `${role.value} uses http: most sites redirect to https, so the canonical should be the https address.`,
        },
  ];
  if (site.host !== null) {
    const host = url.host.toLowerCase();
    checks.push(
      host === site.host
        ? {
            id: 'canonical-host',
            severity: 'pass',
            title: 'Canonical host',
            message: `On the site's host, ${site.host}.`,
            figures: { host, siteHost: site.host },
          }
        : {
            id: 'canonical-host',
            severity: 'warning',
            title: 'Canonical host',
            message: `The canonical URL is on ${host}, but the site is ${site.host}: search engines will credit the other host.`,
            figures: { host, siteHost: site.host },
          },
    );
  }
  if (site.pattern !== null && slug !== '') {
    const segment = lastPathSegment(url.pathname);
    const expected = expectedPostUrl(site, slug) ?? '';
    checks.push(
      segment === slug
        ? {
            id: 'canonical-slug',
            severity: 'pass',
            title: 'Canonical path',
            message: `Ends with the post's slug, ${slug}.`,
            figures: { slug },
          }
        : {
            id: 'canonical-slug',
            severity: 'warning',
            title: 'Canonical path',
            message: `The path ends in “${segment}”, not the post's slug “${slug}”: other posts of this site use ${expected}.`,
            figures: { slug, segment, expected },
          },
    );
  }
  const mine = normalizeUrl(role.value);
  const clashes = others
    .filter(
      (other) => other.path !== postPath && other.canonicalUrl !== null && normalizeUrl(other.canonicalUrl) === mine,
    )
    .map((other) => other.path);
  checks.push(
    clashes.length > 0
      ? {
          id: 'canonical-unique',
          severity: 'warning',
          title: 'Canonical URL unique',
          message: `Also the canonical URL of ${clashes.join(', ')}: search engines will drop one of the posts.`,
          figures: { posts: clashes.length },
        }
      : {
          id: 'canonical-unique',
          severity: 'pass',
          title: 'Canonical URL unique',
          message: 'No other post uses this URL.',
        },
  );
  return checks;
}
