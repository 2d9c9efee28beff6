/**
 * Where an address written in a post points in the repository, and whether we can tell. Only an
 * address that names a file (`cover.jpg`, `../guide.md`, `/files/report.pdf`) and is found nowhere
 * the site's generator would look is certainly broken; pages (`/docs/install/`, `g`, `about.html`)
 * are built by the generator from its own rules, so not finding one proves nothing.
 */
import { mediaCandidates } from '../content/media-paths';

/** Extensions of files a site serves as they are: missing from the repository, they are missing from the site. */
const STATIC_FILE =
  /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp|tiff?|pdf|zip|gz|tgz|tar|7z|toml|ics|gpx|mp4|webm|mov|mp3|ogg|wav|m4a|csv|xlsx?|docx?|pptx?|epub|txt|json|ya?ml|woff2?|ttf|otf)$/i;
/** Extensions of source pages: a link to one names a file of the repository (relative links only; see locate). */
const SOURCE_PAGE = /\.(md|markdown|mdx)$/i;
/** Folders Markdown pages are built from, so `/docs/install/` may be `content/docs/install.md`. */
const CONTENT_ROOTS = ['content/', 'src/content/', 'src/pages/', 'docs/', '_pages/', 'pages/', ''] as const;

/** What we know of an address. `unresolved` carries the reason it could not be judged. */
export type Located =
  { kind: 'external' } | { kind: 'found'; path: string } | { kind: 'missing' } | { kind: 'unresolved'; reason: string };

/**
 * The repo paths an image of the front matter may name. Post-relative first (a Hugo page bundle's
 * `cover.jpg`), then site-rooted: Jekyll and most themes read `image: assets/cover.jpg` from the
 * site's root, not the post's folder.
 */
export function imageCandidates(postPath: string, src: string): string[] {
  const own = mediaCandidates(postPath, src);
  const trimmed = src.trim();
  if (own.length === 0 || trimmed.startsWith('/')) return own;
  return [...new Set([...own, ...mediaCandidates(postPath, `/${trimmed}`)])];
}

/** Where the front-matter image `src` is: found, certainly missing, or not for us to judge. */
export function locateImage(postPath: string, src: string, existing: ReadonlySet<string>): Located {
  const trimmed = src.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return { kind: 'external' };
  if (trimmed.includes('{{') || trimmed.includes('{%')) return { kind: 'unresolved', reason: 'template tags' };
  const candidates = imageCandidates(postPath, trimmed);
  const found = candidates.find((candidate) => existing.has(candidate));
  if (found !== undefined) return { kind: 'found', path: found };
  // Hugo resources (`cover.*`), names without an extension: the theme decides what they mean.
  if (candidates.length === 0 || !STATIC_FILE.test(trimmed.replace(/[?#].*$/, '')))
    return { kind: 'unresolved', reason: 'not file names' };
  return { kind: 'missing' };
}

/**
 * Where the body's link or image `url` points. `pageExists` says whether a page-like address
 * (no file extension) names a post or page the site has, by slug or own permalink.
 */
export function locateLink(
  postPath: string,
  url: string,
  existing: ReadonlySet<string>,
  pageExists: (path: string) => boolean,
): Located {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('?')) return { kind: 'external' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return { kind: 'external' };
  if (trimmed.includes('{{') || trimmed.includes('{%')) return { kind: 'unresolved', reason: 'template tags' };
  const path = trimmed.replace(/[?#].*$/, '');
  const siteRooted = path.startsWith('/');
  const candidates = siteRooted ? mediaCandidates(postPath, path) : imageCandidates(postPath, path);
  const roots = siteRooted ? CONTENT_ROOTS.map((root) => root + path.replace(/^\/+/, '')) : [];
  for (const candidate of [...candidates, ...roots]) {
    const file = findLike(candidate, existing);
    if (file !== null) return { kind: 'found', path: file };
  }
  if (pageExists(path)) return { kind: 'found', path };
  if (STATIC_FILE.test(path) || (!siteRooted && SOURCE_PAGE.test(path)))
    return candidates.length === 0 ? { kind: 'unresolved', reason: 'outside the repository' } : { kind: 'missing' };
  if (!siteRooted && !path.includes('/') && !path.includes('.'))
    return { kind: 'unresolved', reason: 'bare names such as Hugo glossary terms' };
  return { kind: 'unresolved', reason: 'page addresses' };
}

/** The file `a/b` names: itself, a folder's index or section page, or the Markdown the generator renders to `a/b`; null when none exists. */
export function findLike(path: string, existing: ReadonlySet<string>): string | null {
  const bare = path.replace(/\/+$/, '');
  if (bare === '') return null;
  if (existing.has(bare)) return bare;
  const stem = bare.replace(/\.html?$/i, '');
  for (const suffix of [
    '.md',
    '.markdown',
    '.mdx',
    '.html',
    '/index.md',
    '/_index.md',
    '/index.markdown',
    '/index.mdx',
    '/index.html',
  ]) {
    if (existing.has(stem + suffix)) return stem + suffix;
  }
  return null;
}

/** True when {@link findLike} finds a file for `path`. */
export function existsLike(path: string, existing: ReadonlySet<string>): boolean {
  return findLike(path, existing) !== null;
}
