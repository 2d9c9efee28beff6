/**
 * What a site's own generator config says about where its content lives: Hugo's `contentDir`s and
 * `ignoreFiles`, Jekyll's collections, `collections_dir` and `exclude`, Docusaurus and Eleventy by
 * their config files. Collection inference follows these instead of guessing from folder shapes.
 * Every reader is forgiving: a config that cannot be read simply says nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

/** Hugo's content folders and ignore patterns. */
export interface HugoSite {
  /** Repo-relative content folders that exist: `contentDir` and each language's `contentDir`. */
  contentDirs: string[];
  /** `ignoreFiles` as regular expressions (invalid ones are dropped). */
  ignoreFiles: RegExp[];
}

/** Jekyll's layout: where collections live, which ones there are, and what the site excludes. */
export interface JekyllSite {
  /** `collections_dir` (repo-relative, '' for the root): `_posts`, `_drafts` and `_<name>` live here. */
  collectionsDir: string;
  /** Configured collection names in config order (`docs` for `_docs`), without `posts`. */
  collections: string[];
  /** `exclude:` patterns, as written. */
  exclude: string[];
}

/** The generator conventions found at a repository's root. */
export interface SiteConventions {
  hugo: HugoSite | null;
  jekyll: JekyllSite | null;
  /** True when a `docusaurus.config.*` is at the root. */
  docusaurus: boolean;
  /** Eleventy's input folder when it is not the root (`src`), else null. */
  eleventyInput: string | null;
}

const HUGO_NAMES = ['hugo', 'config'];
const CONFIG_EXTENSIONS = ['toml', 'yaml', 'yml', 'json'];
// Keys only a Hugo config has, so a `config.yaml` of some other tool is not read as Hugo's.
const HUGO_KEYS = [
  'baseurl',
  'contentdir',
  'languagecode',
  'defaultcontentlanguage',
  'languages',
  'theme',
  'module',
  'taxonomies',
  'permalinks',
  'markup',
  'ignorefiles',
];

/** Reads the conventions of the site at `root` (an existing real path). */
export async function readSiteConventions(root: string): Promise<SiteConventions> {
  const [hugo, jekyll, docusaurus, eleventyInput] = await Promise.all([
    readHugo(root),
    readJekyll(root),
    hasAny(root, 'docusaurus.config', ['js', 'mjs', 'cjs', 'ts']),
    readEleventyInput(root),
  ]);
  return { hugo, jekyll, docusaurus, eleventyInput };
}

type Table = Record<string, unknown>;

async function readHugo(root: string): Promise<HugoSite | null> {
  const found: Table[] = [];
  let isHugo = false;
  for (const folder of ['', 'config/_default']) {
    for (const name of HUGO_NAMES) {
      for (const extension of CONFIG_EXTENSIONS) {
        const data = await readConfig(join(root, folder, `${name}.${extension}`), extension);
        if (!data) continue;
        const table = lowerKeys(data);
        // `hugo.*` and anything under config/_default are Hugo's by name; a root `config.*` must look like it.
        if (name === 'hugo' || folder !== '' || HUGO_KEYS.some((key) => key in table)) {
          found.push(table);
          isHugo = true;
        }
      }
    }
  }
  // Hugo's config folder may keep each top-level key in a file of its own.
  for (const extension of CONFIG_EXTENSIONS) {
    const languages = await readConfig(join(root, 'config/_default', `languages.${extension}`), extension);
    if (languages) found.push({ languages });
  }
  if (!isHugo) return null;
  const dirs: string[] = [];
  const patterns: string[] = [];
  let contentDir = 'content';
  for (const table of found) {
    if (typeof table.contentdir === 'string') contentDir = table.contentdir;
    const languages = table.languages;
    if (isTable(languages)) {
      for (const language of Object.values(languages)) {
        const dir = isTable(language) ? lowerKeys(language).contentdir : undefined;
        if (typeof dir === 'string') dirs.push(dir);
      }
    }
    if (Array.isArray(table.ignorefiles))
      patterns.push(...table.ignorefiles.filter((item): item is string => typeof item === 'string'));
  }
  const candidates = [contentDir, ...dirs].map(cleanFolder).filter((dir): dir is string => dir !== null);
  const contentDirs: string[] = [];
  for (const dir of candidates)
    if (!contentDirs.includes(dir) && (await isFolder(join(root, dir)))) contentDirs.push(dir);
  return { contentDirs, ignoreFiles: patterns.flatMap(toRegExp) };
}

async function readJekyll(root: string): Promise<JekyllSite | null> {
  const data =
    (await readConfig(join(root, '_config.yml'), 'yml')) ?? (await readConfig(join(root, '_config.yaml'), 'yml'));
  if (!data) return null;
  const raw = data.collections;
  const names = Array.isArray(raw)
    ? raw.filter((item): item is string => typeof item === 'string')
    : isTable(raw)
      ? Object.keys(raw)
      : [];
  const exclude = Array.isArray(data.exclude)
    ? data.exclude.filter((item): item is string => typeof item === 'string')
    : [];
  const collectionsDir = typeof data.collections_dir === 'string' ? (cleanFolder(data.collections_dir) ?? '') : '';
  return { collectionsDir, collections: names.filter((name) => name !== 'posts' && /^[\w.-]+$/.test(name)), exclude };
}

/** Eleventy's `dir.input` when a config names one (`input: "src"`), else null. */
async function readEleventyInput(root: string): Promise<string | null> {
  for (const name of [
    'eleventy.config.js',
    'eleventy.config.mjs',
    'eleventy.config.cjs',
    'eleventy.config.ts',
    '.eleventy.js',
    '.eleventy.cjs',
  ]) {
    let text: string;
    try {
      text = await readFile(join(root, name), 'utf8');
    } catch {
      continue;
    }
    // The config is code; its `dir: { input: "src" }` is nearly always a plain literal.
    const input = /\binput\s*:\s*["'`]([^"'`]+)["'`]/.exec(text)?.[1];
    const folder = input === undefined ? null : cleanFolder(input);
    return folder !== null && folder !== '' && (await isFolder(join(root, folder))) ? folder : null;
  }
  return null;
}

async function readConfig(path: string, extension: string): Promise<Table | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const value: unknown =
      extension === 'toml' ? parseToml(text) : extension === 'json' ? JSON.parse(text) : parseYaml(text);
    return isTable(value) ? value : null;
  } catch {
    // A broken config says nothing; discovery still finds the content by its shape.
    return null;
  }
}

async function hasAny(root: string, stem: string, extensions: string[]): Promise<boolean> {
  const found = await Promise.all(extensions.map((extension) => isFile(join(root, `${stem}.${extension}`))));
  return found.includes(true);
}

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Hugo's config keys are case-insensitive (`contentDir`, `contentdir`).
function lowerKeys(table: Table): Table {
  return Object.fromEntries(Object.entries(table).map(([key, value]) => [key.toLowerCase(), value]));
}

/** A repo-relative folder as written in a config (`./content/`, `content`), or null when it leaves the repo. */
function cleanFolder(folder: string): string | null {
  const normal = posix
    .normalize(folder.trim().replace(/\\/g, '/'))
    .replace(/^\.\/?/, '')
    .replace(/\/+$/, '');
  if (normal.startsWith('/') || normal === '..' || normal.startsWith('../')) return null;
  return normal === '.' ? '' : normal;
}

function toRegExp(pattern: string): RegExp[] {
  try {
    return [new RegExp(pattern)];
  } catch {
    return [];
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
