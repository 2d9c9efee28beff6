/**
 * How previews print a URL: Google's breadcrumb (`openinfra.org › blog › post`) and the bare
 * domain social cards show. Pure string work shared by the renderer and tests.
 */
import { parseHttpUrl } from './site';

/** `https://www.example.org/blog/post/` → `https://www.example.org › blog › post`, as Google shows it. */
export function googleBreadcrumb(url: string | null, fallbackHost: string | null): string {
  const parsed = url ? parseHttpUrl(url) : null;
  if (parsed === null) return fallbackHost ? `https://${fallbackHost}` : '';
  const segments = parsed.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
  return [`${parsed.protocol}//${parsed.host}`, ...segments].join(' › ');
}

/** The domain social cards print: host without `www.`, upper-cased by Slack/Facebook in CSS only. */
export function cardDomain(url: string | null, fallbackHost: string | null): string {
  const parsed = url ? parseHttpUrl(url) : null;
  const host = parsed?.host ?? fallbackHost ?? '';
  return host.replace(/^www\./i, '').toLowerCase();
}
