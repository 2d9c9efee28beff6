/**
 * Where a new image for a post goes, and how the post refers to it: the folder the site's CMS
 * config names (Decap `media_folder`/`public_folder`, per field, per collection or for the site;
 * Front Matter CMS `publicFolder`), beside the post in a page bundle, or the generator's usual
 * static folder. Pure: the caller supplies the content model and what kind of site it is.
 */
import { posix } from 'node:path';
import type { CollectionSchema, ContentModel } from '../../shared/content/schema/types';

/** The static-site generator a repository is built with, as far as its files tell. */
export type SiteGenerator = 'hugo' | 'jekyll' | 'astro' | 'docusaurus' | 'gatsby' | 'eleventy' | 'unknown';

/** Folders a field of the front-matter form names for its own uploads (Decap field `media_folder`). */
export interface FieldFolders {
  mediaFolder?: string;
  publicFolder?: string;
  /** The image is for a front-matter field (not the body). */
  forField?: boolean;
}

/** Where an image goes and how the post's Markdown names it. */
export interface MediaTarget {
  /** Repo-relative folder the file is written to ('' for the repository root). */
  folder: string;
  /** What goes before the file name in the post: a site path (`/images/`) or one relative to the post (`images/`, ''). */
  srcPrefix: string;
  /** In words, for the writer: why this folder (`the site's media_folder`, `beside the post (page bundle)`). */
  reason: string;
}

/** The generator's usual folders for static images and the public path each is served from, preferred first. */
const GENERATOR_DEFAULTS: Partial<Record<SiteGenerator, readonly { folder: string; prefix: string }[]>> = {
  hugo: [
    { folder: 'static/images', prefix: '/images/' },
    { folder: 'static/img', prefix: '/img/' },
  ],
  gatsby: [
    { folder: 'static/images', prefix: '/images/' },
    { folder: 'static/img', prefix: '/img/' },
  ],
  docusaurus: [
    { folder: 'static/img', prefix: '/img/' },
    { folder: 'static/images', prefix: '/images/' },
  ],
  astro: [
    { folder: 'public/images', prefix: '/images/' },
    { folder: 'public/img', prefix: '/img/' },
  ],
  jekyll: [
    { folder: 'assets/images', prefix: '/assets/images/' },
    { folder: 'assets/img', prefix: '/assets/img/' },
    { folder: 'images', prefix: '/images/' },
  ],
};

const GENERATOR_NAMES: Record<SiteGenerator, string> = {
  hugo: 'Hugo',
  jekyll: 'Jekyll',
  astro: 'Astro',
  docusaurus: 'Docusaurus',
  gatsby: 'Gatsby',
  eleventy: 'Eleventy',
  unknown: 'the site',
};

/** Where Astro sites keep images that its build optimizes (and `image()` fields point into). */
const ASTRO_ASSETS = 'src/assets';

/** The folders whose existence decides a target (the generator's static image folders, Astro's src/assets), for the caller to check. */
export function defaultFolders(generator: SiteGenerator): string[] {
  return [
    ...(GENERATOR_DEFAULTS[generator] ?? []).map((candidate) => candidate.folder),
    ...(generator === 'astro' ? [ASTRO_ASSETS] : []),
  ];
}

/**
 * The target for a new image of the post at `postPath`. Precedence: the field's own folders, the
 * collection's, a page bundle (an `index.*` post in a folder of its own keeps its images beside
 * it, which is where Hugo and Docusaurus look for a bundle's resources), the site's media folder,
 * then the generator's static folder (one the site already has first), else an `images/` folder beside the post.
 */
export function mediaTarget(
  model: ContentModel,
  generator: SiteGenerator,
  postPath: string,
  field: FieldFolders = {},
  existing: ReadonlySet<string> = new Set(),
): MediaTarget {
  const collection = collectionOf(model, postPath);
  const vars = placeholders(model, collection, postPath);
  if (field.mediaFolder !== undefined) {
    return configured(
      relativeMarked(field.mediaFolder),
      field.publicFolder,
      vars,
      postPath,
      'the field’s media_folder',
    );
  }
  if (collection?.mediaFolder !== undefined) {
    return configured(
      collection.mediaFolder,
      collection.publicFolder,
      vars,
      postPath,
      `the ${collection.label} collection’s media_folder`,
    );
  }
  // Astro's `image()` fields only accept a file under src/, named relative to the entry; a site
  // that keeps its pictures in src/assets has such fields (one serving them from public/ has not).
  if (field.forField === true && model.source === 'astro' && existing.has(ASTRO_ASSETS)) {
    const folder = ASTRO_ASSETS;
    const up = posix.relative(postDir(postPath) || '.', folder);
    return { folder, srcPrefix: withSlash(up), reason: 'Astro’s src/assets (image() fields)' };
  }
  if (isPageBundle(postPath, collection)) {
    return { folder: postDir(postPath), srcPrefix: '', reason: 'beside the post (page bundle)' };
  }
  if (model.mediaFolder !== undefined) {
    const folder = clean(model.mediaFolder);
    const publicFolder = model.publicFolder ?? `/${folder}`;
    const reason = model.source === 'frontmatter-cms' ? 'Front Matter CMS’s publicFolder' : 'the site’s media_folder';
    return { folder, srcPrefix: withSlash(substitute(publicFolder, vars)), reason };
  }
  // The folder the site already keeps images in (Jekyll's `assets/img`), else the usual one.
  const candidates = GENERATOR_DEFAULTS[generator] ?? [];
  const fallback = candidates.find((candidate) => existing.has(candidate.folder)) ?? candidates[0];
  if (fallback)
    return {
      folder: fallback.folder,
      srcPrefix: fallback.prefix,
      reason: `${GENERATOR_NAMES[generator]}’s static folder`,
    };
  return {
    folder: join(postDir(postPath), 'images'),
    srcPrefix: 'images/',
    reason: 'an images folder beside the post',
  };
}

/** The collection the post belongs to: the file collection listing it, else the deepest folder collection holding it. */
function collectionOf(model: ContentModel, postPath: string): CollectionSchema | null {
  let best: CollectionSchema | null = null;
  for (const collection of model.collections) {
    if (collection.kind === 'file') {
      if (collection.files.some((file) => file.file === postPath)) return collection;
    } else if (
      postPath.startsWith(`${collection.folder}/`) &&
      (best === null || (best.kind === 'folder' && collection.folder.length > best.folder.length))
    ) {
      best = collection;
    }
  }
  return best;
}

/**
 * A collection or field folder as the model keeps it: `./x`, `../x` and `./` are relative to the
 * post; anything else is repo-relative. Placeholders such as `{{media_folder}}` are resolved
 * first — the site's media folder is repo-relative, so a folder built on it is too.
 */
function configured(
  rawFolder: string,
  rawPublic: string | undefined,
  vars: Map<string, string>,
  postPath: string,
  reason: string,
): MediaTarget {
  const unmarked = rawFolder.replace(/^\.\/(?=\{\{\s*media_folder\s*\}\})/, '');
  const resolved = substitute(unmarked, vars);
  const relative = resolved.startsWith('./') || resolved.startsWith('../') || resolved === '.' || resolved === './';
  const folder = relative ? join(postDir(postPath), resolved) : clean(resolved);
  // Decap: without a public_folder, the post names the file by the media folder as written.
  let publicFolder: string;
  if (rawPublic !== undefined) publicFolder = substitute(rawPublic, vars);
  else if (relative) publicFolder = resolved === '.' ? '' : resolved.replace(/^\.\//, '');
  else publicFolder = `/${folder}`;
  return { folder, srcPrefix: withSlash(publicFolder), reason };
}

/** A field's media folder as written in the config, marked like a collection's (`images` → `./images`). */
function relativeMarked(folder: string): string {
  if (folder.startsWith('/')) return folder.replace(/^\/+/, '');
  if (folder.startsWith('./') || folder.startsWith('../') || folder.startsWith('{{')) return folder;
  return folder === '' ? './' : `./${folder}`;
}

/** The values of Decap's folder placeholders for this post. */
function placeholders(model: ContentModel, collection: CollectionSchema | null, postPath: string): Map<string, string> {
  const base = posix.basename(postPath);
  const filename = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  const dir = postDir(postPath);
  const collectionFolder = collection?.kind === 'folder' ? collection.folder : '';
  const dirname =
    collectionFolder !== '' && (dir === collectionFolder || dir.startsWith(`${collectionFolder}/`))
      ? dir.slice(collectionFolder.length).replace(/^\//, '')
      : dir;
  const slug = filename === 'index' && dirname !== '' ? posix.basename(dirname) : filename;
  const mediaFolder = model.mediaFolder === undefined ? '' : clean(model.mediaFolder);
  return new Map([
    ['media_folder', mediaFolder],
    ['public_folder', model.publicFolder ?? `/${mediaFolder}`],
    ['filename', filename],
    ['extension', base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : ''],
    ['dirname', dirname],
    ['slug', slug],
  ]);
}

/** Replaces `{{name}}` placeholders it knows; unknown ones are left for the writer to notice. */
function substitute(text: string, vars: Map<string, string>): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => vars.get(name) ?? whole);
}

/** True for `folder/<name>/index.md`: a post that has a folder of its own (not the collection's folder itself). */
function isPageBundle(postPath: string, collection: CollectionSchema | null): boolean {
  if (!/^index\.[^./]+$/i.test(posix.basename(postPath))) return false;
  const dir = postDir(postPath);
  if (dir === '') return false;
  return collection?.kind !== 'folder' || dir !== collection.folder;
}

function postDir(postPath: string): string {
  const dir = posix.dirname(postPath);
  return dir === '.' ? '' : dir;
}

/** A normalized repo-relative join ('' for the root); `..` past the root is kept for the resolver to refuse. */
function join(...parts: string[]): string {
  const joined = posix.normalize(parts.filter((part) => part !== '').join('/') || '.');
  return joined === '.' ? '' : joined.replace(/\/+$/, '');
}

function clean(folder: string): string {
  return join(folder.replace(/^\/+/, '').replace(/^\.\//, ''));
}

/** A src prefix: '' stays '' (the file name alone), anything else ends with one slash. */
function withSlash(prefix: string): string {
  const trimmed = prefix.trim();
  if (trimmed === '' || trimmed === '.' || trimmed === './') return '';
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}
