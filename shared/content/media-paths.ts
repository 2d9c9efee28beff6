/**
 * Where an image a post refers to lives in the repository. Static-site generators disagree on the
 * folder a site-rooted path (`/img/a.png`) is served from — Hugo and Gatsby use `static/`, Astro
 * `public/`, Jekyll the repository root — so the back end tries each likely place in turn.
 */

/** Folders a site-rooted path may be served from, most common first. */
const SITE_ROOTS = ['static/', 'public/', '', 'assets/', 'src/assets/', 'src/'] as const;

/**
 * The repo-relative paths `src` may name, in the order to try them. Empty when `src` is not
 * repository media: web (http/https, protocol-relative) and data/blob URLs, absolute file-system
 * paths, paths that climb out of the repository, or ones that cannot be decoded.
 */
export function mediaCandidates(postPath: string, src: string): string[] {
  const trimmed = src.trim();
  // Any scheme (`https:`, `data:`, `file:`, `C:`) or `//host` is not a path inside the repository.
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return [];
  // A query or fragment (`a.png?v=2`, `a.svg#icon`) is for the web server, not part of the file name.
  const withoutSuffix = trimmed.replace(/[?#].*$/, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(withoutSuffix);
  } catch {
    return [];
  }
  if (decoded === '' || decoded.includes('\0') || decoded.includes('\\')) return [];

  if (decoded.startsWith('/')) {
    const rest = normalize(decoded.replace(/^\/+/, ''));
    return rest === null ? [] : unique(SITE_ROOTS.map((root) => root + rest));
  }
  const folder = postPath.includes('/') ? postPath.slice(0, postPath.lastIndexOf('/') + 1) : '';
  const relative = normalize(folder + decoded);
  return relative === null ? [] : [relative];
}

/** Resolves `.` and `..` segments; null when the path would leave the repository or names no file. */
function normalize(path: string): string | null {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else {
      out.push(segment);
    }
  }
  return out.length === 0 ? null : out.join('/');
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}
