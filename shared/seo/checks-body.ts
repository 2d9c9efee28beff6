/**
 * Body checks: image alt text, heading levels, internal links, and the word count / reading time.
 */
import { isSafeUrl } from '../document/safe-url';
import { hasTemplateLink, type BodyFacts, type BodyHeading, type TemplateLink } from './body';
import { WORDS_PER_MINUTE } from './limits';
import { findLike, locateLink, type Located } from './repo-paths';
import { lastPathSegment, parseHttpUrl, postSlug } from './site';
import type { OtherPost, SeoCheck, SiteInfo } from './types';

/** What the link check needs to know about the repository. */
export interface LinkContext {
  postPath: string;
  site: SiteInfo;
  others: readonly OtherPost[];
  existing: ReadonlySet<string>;
}

/** All body checks, from facts collected once. */
export function bodyChecks(facts: BodyFacts, context: LinkContext): SeoCheck[] {
  return [
    altCheck(facts),
    headingCheck(facts.headings),
    linkCheck(facts, context),
    unsafeLinkCheck(facts),
    statsCheck(facts),
  ];
}

/**
 * Script and non-image data: addresses (see safe-url.ts): certain harm to a reader who clicks,
 * so an error, whether they came in by an old paste or were typed as Markdown.
 */
function unsafeLinkCheck(facts: BodyFacts): SeoCheck {
  const targets = [...facts.links, ...facts.images, ...(facts.htmlLinks ?? [])];
  const unsafe = targets.filter((target) => !isSafeUrl(target.url));
  if (unsafe.length === 0) {
    return {
      id: 'body-unsafe-links',
      severity: 'pass',
      title: 'Safe links',
      message: 'No link or image runs script or hides a page in a data: address.',
      figures: { unsafe: 0 },
    };
  }
  const list = unsafe.map((target) => `${shorten(target.url)}${where(target.line)}`).join(', ');
  return {
    id: 'body-unsafe-links',
    severity: 'error',
    title: 'Safe links',
    message: `${unsafe.length} ${unsafe.length === 1 ? 'link or image uses an address' : 'links or images use addresses'} that can run code in a reader's browser: ${list}. Remove ${unsafe.length === 1 ? 'it' : 'them'} or link to an http(s) page instead.`,
    figures: { unsafe: unsafe.length },
  };
}

function shorten(url: string): string {
  const flat = url.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

function where(line: number | null): string {
  return line === null ? '' : ` (line ${line})`;
}

function altCheck(facts: BodyFacts): SeoCheck {
  const missing = facts.images.filter((image) => image.alt.trim() === '');
  if (missing.length === 0) {
    return {
      id: 'body-image-alt',
      severity: 'pass',
      title: 'Image alt text',
      message:
        facts.images.length === 0 ? 'The body has no images.' : `All ${facts.images.length} images have alt text.`,
      figures: { images: facts.images.length },
    };
  }
  const list = missing.map((image) => `${image.url || '(no source)'}${where(image.line)}`).join(', ');
  return {
    id: 'body-image-alt',
    severity: 'warning',
    title: 'Image alt text',
    message: `${missing.length} of ${facts.images.length} images have no alt text: ${list}.`,
    figures: { images: facts.images.length, missing: missing.length },
  };
}

/** The post title is the page's h1, so the body's first heading may be h2 but not h3. */
function headingCheck(headings: readonly BodyHeading[]): SeoCheck {
  const skips: string[] = [];
  let previous = 1;
  for (const heading of headings) {
    if (heading.depth > previous + 1) {
      skips.push(`${'#'.repeat(previous)} then ${'#'.repeat(heading.depth)} “${heading.text}”${where(heading.line)}`);
    }
    previous = heading.depth;
  }
  if (skips.length === 0) {
    return {
      id: 'body-headings',
      severity: 'pass',
      title: 'Heading levels',
      message: headings.length === 0 ? 'The body has no headings.' : `${headings.length} headings, no skipped levels.`,
      figures: { headings: headings.length },
    };
  }
  return {
    id: 'body-headings',
    severity: 'warning',
    title: 'Heading levels',
    message: `Headings skip a level: ${skips.join('; ')}. Screen readers and search engines read the outline from these levels.`,
    figures: { headings: headings.length, skipped: skips.length },
  };
}

/**
 * Links and images of the body. Broken (an error) only when we can tell: the address names a file
 * (`../guide.md`, `/img/a.png`, a Jekyll `{% link %}`) and the repository has it nowhere the site
 * would look. Pages the generator builds (`/docs/install/`, Hugo's `[term](g)`, `ref` shortcodes)
 * that we cannot map to a file are counted and named with the reason, never reported as broken.
 */
function linkCheck(facts: BodyFacts, context: LinkContext): SeoCheck {
  const slugs = new Set<string>([postSlug(context.postPath), ...context.others.map(slugOf)]);
  const permalinks = new Set(
    context.others.flatMap((other) => (other.permalink ? [trimSlashes(other.permalink)] : [])),
  );
  const pageExists = (path: string): boolean => permalinks.has(trimSlashes(path)) || matchesPost(path, slugs);
  const broken: string[] = [];
  const unresolved = new Map<string, number>();
  let internal = 0;
  const targets: { url: string; line: number | null; template?: TemplateLink['kind'] }[] = [
    ...facts.links.map((link) => ({ url: link.url, line: link.line })),
    ...facts.images.map((image) => ({ url: image.url, line: image.line })),
    ...(facts.templateLinks ?? []).map((link) => ({ url: link.target, line: link.line, template: link.kind })),
  ];
  for (const target of targets) {
    // Script addresses are reported by the safe-links check, not as missing files.
    if (!isSafeUrl(target.url)) continue;
    let verdict =
      target.template !== undefined
        ? locateTemplateLink(target.template, target.url, context)
        : classify(target.url.trim(), context, pageExists);
    // Without the repository's file list, nothing is certainly missing.
    if (verdict.kind === 'missing' && context.existing.size === 0)
      verdict = { kind: 'unresolved', reason: 'unchecked without a file list' };
    if (verdict.kind === 'external') continue;
    internal += 1;
    if (verdict.kind === 'missing') broken.push(`${target.url}${where(target.line)}`);
    if (verdict.kind === 'unresolved') unresolved.set(verdict.reason, (unresolved.get(verdict.reason) ?? 0) + 1);
  }
  const unresolvedCount = [...unresolved.values()].reduce((sum, count) => sum + count, 0);
  const left =
    unresolvedCount === 0
      ? ''
      : ` ${unresolvedCount} left to the site generator (${[...unresolved].map(([reason, count]) => `${reason}: ${count}`).join(', ')}).`;
  const figures = { internal, ...(unresolvedCount > 0 ? { unresolved: unresolvedCount } : {}) };
  if (broken.length === 0) {
    const found = internal - unresolvedCount;
    const message =
      internal === 0
        ? 'No links to other files of the site.'
        : `${found} internal ${found === 1 ? 'link or image points at a file or page that exists' : 'links and images point at files or pages that exist'}.${left}`;
    return { id: 'body-links', severity: 'pass', title: 'Internal links', message, figures };
  }
  return {
    id: 'body-links',
    severity: 'error',
    title: 'Internal links',
    message: `${broken.length} ${broken.length === 1 ? 'link or image points' : 'links or images point'} at a file the repository does not have: ${broken.join(', ')}.${left}`,
    figures: { ...figures, broken: broken.length },
  };
}

function classify(url: string, context: LinkContext, pageExists: (path: string) => boolean): Located {
  // `[x]({{< ref "a" >}})`: counted once, as the template link it holds.
  if (hasTemplateLink(url)) return { kind: 'external' };
  const parsed = /^https?:/i.test(url) ? parseHttpUrl(url) : null;
  if (parsed !== null) {
    // A full URL on the site's own host is an internal link written long-hand.
    if (context.site.host === null || parsed.host.toLowerCase() !== context.site.host) return { kind: 'external' };
    if (parsed.pathname === '/' || parsed.pathname === '') return { kind: 'found', path: '/' };
    return locateLink(context.postPath, parsed.pathname, context.existing, pageExists);
  }
  return locateLink(context.postPath, url, context.existing, pageExists);
}

/**
 * Generator links: Jekyll's `{% link path %}` names a repository file (the build fails without
 * it), `{% post_url name %}` a post by file name; Hugo's `ref`/`relref` resolve by Hugo's own
 * lookup (sections, languages, bare names), so one we cannot find is left to Hugo.
 */
function locateTemplateLink(kind: TemplateLink['kind'], target: string, context: LinkContext): Located {
  const path = target.replace(/[?#].*$/, '').replace(/^\/+/, '');
  if (path === '' || path.includes('{{') || path.includes('{%')) return { kind: 'unresolved', reason: 'template tags' };
  if (kind === 'link') return context.existing.has(path) ? { kind: 'found', path } : { kind: 'missing' };
  if (kind === 'post_url') {
    const name = (path.split('/').pop() ?? path).toLowerCase();
    const found = sourceIndex(context.existing).posts.get(name);
    return found !== undefined ? { kind: 'found', path: found } : { kind: 'missing' };
  }
  const roots = ['content/', ''];
  const folder = context.postPath.includes('/') ? context.postPath.slice(0, context.postPath.lastIndexOf('/') + 1) : '';
  const candidates = target.startsWith('/')
    ? roots.map((root) => root + path)
    : [folder + path, ...roots.map((root) => root + path)];
  for (const candidate of candidates) {
    const file = findLike(candidate, context.existing);
    if (file !== null) return { kind: 'found', path: file };
  }
  const slug = postSlug(path);
  const bySlug = slug === '' ? undefined : sourceIndex(context.existing).slugs.get(slug);
  if (bySlug !== undefined) return { kind: 'found', path: bySlug };
  return { kind: 'unresolved', reason: 'Hugo refs by name' };
}

/** Markdown files by slug and Jekyll posts by file name, built once per file list (a site has thousands of files and refs). */
const sourceIndexes = new WeakMap<ReadonlySet<string>, { slugs: Map<string, string>; posts: Map<string, string> }>();

function sourceIndex(existing: ReadonlySet<string>): { slugs: Map<string, string>; posts: Map<string, string> } {
  let found = sourceIndexes.get(existing);
  if (!found) {
    found = { slugs: new Map(), posts: new Map() };
    for (const file of existing) {
      if (!/\.(md|markdown|mdx|html)$/i.test(file)) continue;
      const slug = postSlug(file);
      if (slug !== '' && !found.slugs.has(slug)) found.slugs.set(slug, file);
      if (/(^|\/)_posts\//.test(file))
        found.posts.set((file.split('/').pop() ?? file).replace(/\.[^.]+$/, '').toLowerCase(), file);
    }
    sourceIndexes.set(existing, found);
  }
  return found;
}

// The same post objects come back for every post of a site check: slug each once.
const slugs = new WeakMap<OtherPost, string>();

function slugOf(other: OtherPost): string {
  let slug = slugs.get(other);
  if (slug === undefined) {
    slug = postSlug(other.path);
    slugs.set(other, slug);
  }
  return slug;
}

function trimSlashes(path: string): string {
  return path
    .replace(/[?#].*$/, '')
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase();
}

function matchesPost(pathname: string, slugs: ReadonlySet<string>): boolean {
  const segment = lastPathSegment(pathname).replace(/\.(md|markdown|mdx)$/i, '');
  return segment !== '' && slugs.has(segment);
}

function statsCheck(facts: BodyFacts): SeoCheck {
  const minutes = Math.max(1, Math.round(facts.words / WORDS_PER_MINUTE));
  return {
    id: 'body-stats',
    severity: 'pass',
    title: 'Length',
    message:
      facts.words === 0
        ? 'The body has no words yet.'
        : `${facts.words} ${facts.words === 1 ? 'word' : 'words'}, about ${minutes} min to read.`,
    figures: { words: facts.words, readingMinutes: facts.words === 0 ? 0 : minutes, wordsPerMinute: WORDS_PER_MINUTE },
  };
}
