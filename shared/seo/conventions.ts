/**
 * What a site's posts usually carry, learned from the posts themselves. A check that advises
 * "add a description" to 198 of 203 posts because 4 have one reads a habit into an exception: a
 * field is the site's convention only when most posts of the collection fill it in (or the
 * collection's configured schema requires it). Elsewhere the site's templates fill the gap by
 * design (the first paragraph, the page's own address, the site's default card image).
 */
import type { FrontMatterData } from '../api';
import type { SchemaField } from '../content/schema/types';
import { DEFAULT_ROLE_KEYS, resolveSeoRoles } from './roles';
import type { SeoFieldMapping } from './types';

/** How many posts of a collection set each optional SEO field of their own. */
export interface SeoConventions {
  /** Posts counted (the collection's entries, the post itself included). */
  posts: number;
  description: number;
  canonicalUrl: number;
  image: number;
  imageAlt: number;
  /** The card image the site's templates use when a page sets none (see site-image.ts), if any. */
  siteImage?: string;
}

/** The roles whose absence is judged against the collection's habit. */
export type ConventionRole = Exclude<keyof SeoConventions, 'posts' | 'siteImage'>;

/** Counts, over a collection's front matter, the posts that set each role from a field of their own. */
export function seoConventions(
  frontMatters: readonly FrontMatterData[],
  mapping: SeoFieldMapping = {},
): SeoConventions {
  const counts: SeoConventions = { posts: frontMatters.length, description: 0, canonicalUrl: 0, image: 0, imageAlt: 0 };
  for (const data of frontMatters) {
    // No body: only fields count, not the fallbacks the templates would use.
    const roles = resolveSeoRoles(data, { mapping });
    if (roles.description?.source === 'field') counts.description += 1;
    if (roles.canonicalUrl?.source === 'field') counts.canonicalUrl += 1;
    if (roles.image?.source === 'field') counts.image += 1;
    if (roles.imageAlt?.source === 'field') counts.imageAlt += 1;
  }
  return counts;
}

/**
 * Hugo's `_index.md` is a section's list page, not a post: it is compared with the other list
 * pages of its collection, not held to the habits of the posts beside it.
 */
export function isSectionPage(path: string): boolean {
  return /(^|\/)_index\.[^./]+$/i.test(path);
}

/** True when more than half of the collection's posts set `role` themselves: the site's habit, so its absence is worth a word. */
export function isConvention(conventions: SeoConventions, role: ConventionRole): boolean {
  return conventions.posts > 0 && conventions[role] * 2 > conventions.posts;
}

/** "4 of 203 posts" — the figure a message quotes to say why it did or didn't speak up. */
export function shareText(conventions: SeoConventions, role: ConventionRole): string {
  return `${conventions[role]} of ${conventions.posts} ${conventions.posts === 1 ? 'post' : 'posts'}`;
}

/**
 * True when the entry's fields say the post should carry a description: the collection's
 * configured schema marks a field the description role reads as required, or (for fields learned
 * from the posts) most posts have it. A field that merely exists — a key 4 of 203 posts happen to
 * use — expects nothing.
 */
export function expectsDescription(fields: SchemaField[], mapping: SeoFieldMapping): boolean {
  const keys = mapping.description ? [mapping.description] : DEFAULT_ROLE_KEYS.description;
  return keys.some((key) => {
    const field = fieldAt(fields, key.split('.'));
    return field !== null && (field.required || (field.presence ?? 0) > 0.5);
  });
}

function fieldAt(fields: SchemaField[], path: string[]): SchemaField | null {
  const [name, ...rest] = path;
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) return null;
  if (rest.length === 0) return field;
  return field.widget === 'object' ? fieldAt(field.fields, rest) : null;
}
