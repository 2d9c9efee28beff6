/**
 * Body checks: image alt text, heading levels, internal links, and the word count / reading time.
 */
import { mediaCandidates } from '../content/media-paths';
import type { BodyFacts, BodyHeading } from './body';
import { WORDS_PER_MINUTE } from './limits';
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
  return [altCheck(facts), headingCheck(facts.headings), linkCheck(facts, context), statsCheck(facts)];
}

function where(line: number | null): string {
  return line === null ? '' : ` (line ${line})`;
}

function altCheck(facts: BodyFacts): SeoCheck {
  const missing = facts.images.filter((image) => image.alt.trim() === '');
  if (missing.length === 0) {
    return { id: 'body-image-alt', severity: 'pass', title: 'Image alt text', message: facts.images.length === 0 ? 'The body has no images.' : `All ${facts.images.length} images have alt text.`, figures: { images: facts.images.length } };
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
    return { id: 'body-headings', severity: 'pass', title: 'Heading levels', message: headings.length === 0 ? 'The body has no headings.' : `${headings.length} headings, no skipped levels.`, figures: { headings: headings.length } };
  }
  return {
    id: 'body-headings',
    severity: 'warning',
    title: 'Heading levels',
    message: `Headings skip a level: ${skips.join('; ')}. Screen readers and search engines read the outline from these levels.`,
    figures: { headings: headings.length, skipped: skips.length },
  };
}

// Schemes and shapes that are not files or posts of this repository.
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function linkCheck(facts: BodyFacts, context: LinkContext): SeoCheck {
  const slugs = new Set<string>([postSlug(context.postPath), ...context.others.map((other) => postSlug(other.path))]);
  const broken: string[] = [];
  let internal = 0;
  const targets = [...facts.links.map((link) => ({ url: link.url, line: link.line })), ...facts.images.map((image) => ({ url: image.url, line: image.line }))];
  for (const target of targets) {
    const verdict = classify(target.url.trim(), context, slugs);
    if (verdict === 'external') continue;
    internal += 1;
    if (verdict === 'broken') broken.push(`${target.url}${where(target.line)}`);
  }
  if (broken.length === 0) {
    return { id: 'body-links', severity: 'pass', title: 'Internal links', message: internal === 0 ? 'No links to other files of the site.' : `All ${internal} internal links and images point at files or posts that exist.`, figures: { internal } };
  }
  return {
    id: 'body-links',
    severity: 'warning',
    title: 'Internal links',
    message: `${broken.length} internal ${broken.length === 1 ? 'link points' : 'links point'} at nothing in the repository: ${broken.join(', ')}.`,
    figures: { internal, broken: broken.length },
  };
}

function classify(url: string, context: LinkContext, slugs: ReadonlySet<string>): 'external' | 'ok' | 'broken' {
  if (url === '' || url.startsWith('#') || url.startsWith('?')) return 'external';
  if (EXTERNAL.test(url)) {
    // A full URL on the site's own host is an internal link written long-hand.
    const parsed = parseHttpUrl(url);
    if (parsed === null || context.site.host === null || parsed.host.toLowerCase() !== context.site.host) return 'external';
    return matchesPost(parsed.pathname, slugs) || parsed.pathname === '/' ? 'ok' : 'broken';
  }
  // Hugo/Liquid template tags (`{{< ref "x" >}}`) are resolved by the generator, not by us.
  if (url.includes('{{') || url.includes('{%')) return 'external';
  if (mediaCandidates(context.postPath, url).some((candidate) => existsLike(candidate, context.existing))) return 'ok';
  const path = url.replace(/[?#].*$/, '');
  return matchesPost(path, slugs) ? 'ok' : 'broken';
}

/** `a/b` exists as a file, as a folder's index page, or as Markdown the generator renders to `a/b`. */
function existsLike(path: string, existing: ReadonlySet<string>): boolean {
  const bare = path.replace(/\/+$/, '');
  if (existing.has(bare)) return true;
  return ['.md', '.markdown', '.mdx', '/index.md', '/_index.md', '/index.html'].some((suffix) => existing.has(bare + suffix));
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
    message: facts.words === 0 ? 'The body has no words yet.' : `${facts.words} ${facts.words === 1 ? 'word' : 'words'}, about ${minutes} min to read.`,
    figures: { words: facts.words, readingMinutes: facts.words === 0 ? 0 : minutes, wordsPerMinute: WORDS_PER_MINUTE },
  };
}
