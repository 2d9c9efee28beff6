/**
 * Which folders and files collection inference never treats as content: generator plumbing
 * (archetypes, layouts, partials, snippets, themes, static assets, translations of the UI) and
 * whatever the site's own config excludes (Hugo `ignoreFiles`, Jekyll `exclude:`).
 */
import type { SiteConventions } from './site-conventions';

/**
 * Folder names that hold templates, snippets, assets or generator data rather than pages, wherever
 * they are. Page-like Markdown in them (an archetype, a shared snippet) is not an entry to edit.
 */
const PLUMBING_FOLDERS = new Set([
  'archetypes',
  'layouts',
  '_layouts',
  '_includes',
  '_data',
  '_sass',
  '_common',
  '_shared',
  '_partials',
  '_snippets',
  'themes',
  'theme',
  '_themes',
  'i18n',
  'static',
  'assets',
  'versioned_docs',
  'versioned_sidebars',
]);

/** Names of snippet folders that, inside a content folder, may also be a real section or page bundle. */
const SNIPPET_FOLDERS = new Set(['partials', 'snippets', 'includes', 'shortcodes']);

/** True for a folder name inference never walks into (besides dot-folders and build output). */
export function isPlumbingFolder(name: string): boolean {
  return PLUMBING_FOLDERS.has(name.toLowerCase());
}

/** True for a snippet folder name (`partials`, `snippets`, `includes`, `shortcodes`): plumbing unless it holds a page bundle or section page. */
export function isSnippetFolder(name: string): boolean {
  return SNIPPET_FOLDERS.has(name.toLowerCase());
}

/** Decides, for a repo-relative path, whether the site's config excludes it. */
export type SiteExclusion = (path: string) => boolean;

/** The site's own exclusions: Hugo `ignoreFiles` (regexes on the path) and Jekyll `exclude:` (names and globs). */
export function siteExclusion(conventions: SiteConventions): SiteExclusion {
  const hugo = conventions.hugo;
  const regexes = hugo?.ignoreFiles ?? [];
  const contentDirs = hugo?.contentDirs ?? [];
  const jekyll = (conventions.jekyll?.exclude ?? []).map(globToRegExp).filter((re): re is RegExp => re !== null);
  if (regexes.length === 0 && jekyll.length === 0) return () => false;
  return (path) => {
    // Hugo matches ignoreFiles against a file's path; try it as written below the repo and below its content folder.
    const forms = [
      path,
      ...contentDirs.filter((dir) => path.startsWith(`${dir}/`)).map((dir) => path.slice(dir.length + 1)),
    ];
    if (regexes.some((re) => forms.some((form) => re.test(form)))) return true;
    return jekyll.some((re) => selfAndAncestors(path).some((part) => re.test(part)));
  };
}

function selfAndAncestors(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

/**
 * A Jekyll exclude entry as a regular expression over a repo-relative path: `vendor/`, `docs/old`,
 * `*.gemspec`, `drafts/**`. `*` stays within one folder, `**` crosses folders.
 */
export function globToRegExp(pattern: string): RegExp | null {
  const clean = pattern
    .trim()
    .replace(/^\.?\/+/, '')
    .replace(/\/+$/, '');
  if (clean === '' || clean === '.') return null;
  let source = '';
  for (let i = 0; i < clean.length; i++) {
    const char = clean.charAt(i);
    if (char === '*' && clean.charAt(i + 1) === '*') {
      source += '.*';
      i += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
