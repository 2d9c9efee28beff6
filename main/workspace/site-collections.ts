/**
 * Collections a site's generator conventions imply, before any guessing from folder shapes:
 * - content folders (Hugo `contentDir`s, `content/`, Astro `src/content`, Eleventy's input folder):
 *   each top-level section is one collection holding its nested sections' pages, and the pages at
 *   the folder's top level (`_index.md`, `about.md`, `about/index.md`) are one "Pages" collection;
 * - Jekyll: `_posts` (with `_drafts`), each configured `_<name>` collection, and its pages;
 * - Docusaurus: `docs`, `blog` and the Markdown pages of `src/pages`.
 */
import { join, posix } from 'node:path';
import { mapLimit } from './concurrency';
import { readFolder, startsWithFrontMatter, walkPages, type WalkOptions } from './page-walk';
import type { SiteConventions } from './site-conventions';
import { isPlumbingFolder } from './site-ignore';

/** A collection a convention implies, with its page files. */
export interface PlannedCollection {
  folder: string;
  files: string[];
  /** A site's standalone pages (not a section): labelled "Pages" and listed after the sections. */
  pages?: boolean;
}

/** What the conventions decided: collections, and the folders they own (discovery stays out). */
export interface SitePlan {
  collections: PlannedCollection[];
  claimed: string[];
}

/** The walk rules every planner shares: which names are pages, which folders are never content. */
export type WalkRules = Pick<WalkOptions, 'accept' | 'skipFolder' | 'softSkip' | 'excluded'>;

/** How deep below a section pages are listed: docs sites nest sections several levels. */
const SECTION_DEPTH = 8;
const SNIFF_CONCURRENCY = 32;

/** The collections the site's conventions imply. */
export async function planSiteCollections(root: string, site: SiteConventions, rules: WalkRules): Promise<SitePlan> {
  const plan: SitePlan = { collections: [], claimed: [] };
  if (site.jekyll) await planJekyll(root, site.jekyll, rules, plan);
  if (site.docusaurus) await planDocusaurus(root, rules, plan);
  const roots = contentRoots(site).filter(
    (dir) => !plan.claimed.some((owned) => dir === owned || dir.startsWith(`${owned}/`)),
  );
  for (const dir of roots) await planContentRoot(root, dir, roots, rules, plan);
  return plan;
}

/** Folders whose top-level subfolders are sections: Hugo's content folders, `content`, `src/content`, Eleventy's input. */
function contentRoots(site: SiteConventions): string[] {
  const dirs = site.hugo && site.hugo.contentDirs.length > 0 ? [...site.hugo.contentDirs] : ['content'];
  dirs.push('src/content');
  if (site.eleventyInput) dirs.push(site.eleventyInput);
  return [...new Set(dirs)].filter((dir) => dir !== '');
}

async function planContentRoot(
  root: string,
  dir: string,
  roots: readonly string[],
  rules: WalkRules,
  plan: SitePlan,
): Promise<void> {
  // A language's content folder inside another content folder is a root of its own.
  const stopAt = new Set([...roots.filter((other) => other !== dir), ...plan.claimed]);
  const entries = await readFolder(join(root, dir));
  if (entries.length === 0) return;
  // Inside a content folder every folder is content (`docs/build/` is a page about building), but
  // for hidden folders, dependencies and snippet bundles such as `_common/`.
  const content: WalkRules = {
    ...rules,
    skipFolder: (name) => name.startsWith('.') || name === 'node_modules' || isPlumbingFolder(name),
  };
  const topPages: string[] = [];
  const sections: string[] = [];
  for (const entry of entries) {
    const child = posix.join(dir, entry.name);
    if (rules.excluded?.(child) || stopAt.has(child)) continue;
    if (entry.isFile() && rules.accept(entry.name)) topPages.push(child);
    else if (entry.isDirectory() && !content.skipFolder(entry.name, child)) {
      const inside = await readFolder(join(root, child));
      const bundle = inside.find((item) => item.isFile() && /^index\.(md|markdown)$/i.test(item.name));
      const sectionPage = inside.some((item) => item.isFile() && /^_index\.(md|markdown)$/i.test(item.name));
      // `about/index.md` at the top is a page of its own (a leaf bundle), not a section.
      if (bundle) topPages.push(posix.join(child, bundle.name));
      else if (sectionPage || !rules.softSkip?.(entry.name)) sections.push(child);
    }
  }
  let hasSections = false;
  for (const section of sections) {
    const files = await walkPages(root, section, { ...content, maxDepth: SECTION_DEPTH, stopAt, leafBundles: true });
    if (files.length > 0) plan.collections.push({ folder: section, files });
    hasSections ||= files.length > 0;
  }
  // Beside sections, the top-level files are the site's pages; alone (a flat `content/`), they are its posts.
  if (topPages.length > 0)
    plan.collections.push({ folder: dir, files: topPages.sort(), ...(hasSections ? { pages: true } : {}) });
  plan.claimed.push(dir);
}

async function planJekyll(
  root: string,
  jekyll: NonNullable<SiteConventions['jekyll']>,
  rules: WalkRules,
  plan: SitePlan,
): Promise<void> {
  const inDir = (name: string): string => (jekyll.collectionsDir === '' ? name : `${jekyll.collectionsDir}/${name}`);
  const walk = (folder: string): Promise<string[]> => walkPages(root, folder, { ...rules, maxDepth: 4 });
  const posts = await walk(inDir('_posts'));
  // Drafts are posts not yet dated: they belong to the posts collection, flagged as drafts.
  const drafts = await walk(inDir('_drafts'));
  if (posts.length + drafts.length > 0) {
    plan.collections.push({
      folder: posts.length > 0 ? inDir('_posts') : inDir('_drafts'),
      files: [...posts, ...drafts],
    });
  }
  plan.claimed.push(inDir('_posts'), inDir('_drafts'));
  for (const name of jekyll.collections) {
    const folder = inDir(`_${name}`);
    const files = await walk(folder);
    if (files.length > 0) plan.collections.push({ folder, files });
    plan.claimed.push(folder);
  }
  // Jekyll renders a Markdown file as a page only when it has front matter.
  const top = (await readFolder(root))
    .filter((entry) => entry.isFile() && rules.accept(entry.name) && !rules.excluded?.(entry.name))
    .map((entry) => entry.name);
  const pagesFolder = await walkPages(root, 'pages', { ...rules, maxDepth: 4 });
  const candidates = [...pagesFolder, ...top];
  const withFrontMatter = await mapLimit(candidates, SNIFF_CONCURRENCY, (path) =>
    startsWithFrontMatter(join(root, path)),
  );
  const pages = candidates.filter((_, index) => withFrontMatter[index]).sort();
  if (pages.length > 0) {
    // `pages/` when the site keeps its pages there (new pages go there too), else the root.
    const folder = pages.some((path) => path.startsWith('pages/')) ? 'pages' : '';
    plan.collections.push({ folder, files: pages, pages: true });
  }
  plan.claimed.push('pages');
}

async function planDocusaurus(root: string, rules: WalkRules, plan: SitePlan): Promise<void> {
  // Docusaurus leaves `_`-prefixed files and folders out of docs and blog: they are partials.
  const docsRules: WalkRules = {
    ...rules,
    accept: (name) => !name.startsWith('_') && rules.accept(name),
    skipFolder: (name, path) => name.startsWith('_') || rules.skipFolder(name, path),
  };
  for (const folder of ['docs', 'blog', 'src/pages']) {
    const files = await walkPages(root, folder, { ...docsRules, maxDepth: SECTION_DEPTH });
    if (files.length > 0) plan.collections.push({ folder, files, ...(folder === 'src/pages' ? { pages: true } : {}) });
    plan.claimed.push(folder);
  }
}
