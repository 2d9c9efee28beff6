/**
 * Every SEO check of a post, with the numbers behind each finding. Runs on every keystroke, so the
 * body is parsed and walked at most once (callers may pass the tree or the facts they already have).
 *
 * Severity rule, for every check in this folder:
 * - error: the published page is broken, and we can tell for certain — no title, an image or a
 *   relative link to a file that is not in the repository. Errors hold publishing back and fail
 *   `masthead check`, so one that cries wolf teaches a site to ignore the tool.
 * - warning: advice a site owner would agree with for this post — a long title, a card image too
 *   small for X, a description or image missing where the site's posts usually have one.
 * - pass: fine, or nothing we can judge (a link the generator resolves, a field the site's
 *   templates fill in by design); the message says which and why.
 */
import { analyzeBody, type BodyFacts } from './body';
import { bodyChecks } from './checks-body';
import { imageChecks } from './checks-image';
import { canonicalChecks } from './checks-url';
import { DESCRIPTION_MAX_CHARS, DESCRIPTION_MIN_CHARS, TITLE_MAX_CHARS, TITLE_MAX_PX, X_HANDLE } from './limits';
import { postSlug } from './site';
import { DESKTOP_TITLE } from './truncate';
import { shareText, type SeoConventions } from './conventions';
import type { MeasureText, OtherPost, SeoCheck, SeoInput, SeoRoles } from './types';

/** Runs every check of `input`. */
export function runSeoChecks(input: SeoInput): SeoCheck[] {
  const facts = input.bodyFacts ?? analyzeBody(input.mdast ?? input.body);
  return [...roleChecks(input), ...bodyChecksOf(input, facts)];
}

/** The checks that read only the roles, site and other posts: cheap, for per-keystroke use. */
export function roleChecks(
  input: Omit<SeoInput, 'body' | 'existingPaths'> & Partial<Pick<SeoInput, 'existingPaths'>>,
): SeoCheck[] {
  const slug = input.slug ?? postSlug(input.postPath);
  const conventions = input.conventions;
  return [
    ...titleChecks(input.roles, input.postPath, input.otherPosts, input.measure, input.titleUnset === true),
    ...descriptionChecks(input.roles, input.descriptionExpected ?? true, conventions),
    ...canonicalChecks(input.roles, input.site, slug, input.postPath, input.otherPosts, conventions),
    handleCheck(input.roles),
    ...imageChecks(input.roles, input.image, {
      postPath: input.postPath,
      existing: toSet(input.existingPaths),
      conventions,
    }),
  ];
}

/** The repository's files as a set; null when unknown (no list, or an empty one: a repository holds at least the post). */
function toSet(paths: SeoInput['existingPaths'] | undefined): ReadonlySet<string> | null {
  if (paths === undefined) return null;
  let set: ReadonlySet<string> | undefined = paths instanceof Set ? paths : pathSets.get(paths as readonly string[]);
  if (set === undefined) {
    // One list serves every post of a `masthead check` run and every keystroke of the tab: build its set once.
    set = new Set(paths as readonly string[]);
    pathSets.set(paths as readonly string[], set);
  }
  return set.size === 0 ? null : set;
}

const pathSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The checks that read the body. */
export function bodyChecksOf(
  input: Pick<SeoInput, 'postPath' | 'site' | 'otherPosts' | 'existingPaths'>,
  facts: BodyFacts,
): SeoCheck[] {
  const existing = toSet(input.existingPaths) ?? new Set<string>();
  return bodyChecks(facts, { postPath: input.postPath, site: input.site, others: input.otherPosts, existing });
}

/** Characters as a reader counts them (an emoji is one), not UTF-16 units. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/** Compares titles as a reader would: case, spacing and surrounding punctuation don't matter. */
function sameText(a: string, b: string): boolean {
  const norm = (text: string) =>
    text
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
  return norm(a) === norm(b);
}

function titleChecks(
  roles: SeoRoles,
  postPath: string,
  others: readonly OtherPost[],
  measure: MeasureText | undefined,
  titleUnset: boolean,
): SeoCheck[] {
  const title = roles.title;
  if (title === null && titleUnset) {
    return [
      {
        id: 'title-present',
        severity: 'warning',
        title: 'Title',
        message:
          'The post has no title field and no heading to open with: the site will name it after its file. Add a title.',
      },
    ];
  }
  if (title === null) {
    return [
      {
        id: 'title-present',
        severity: 'error',
        title: 'Title',
        message: 'The post has no title: search results and cards would show the URL instead. Add a title.',
      },
    ];
  }
  const chars = charCount(title.value);
  const checks: SeoCheck[] = [
    {
      id: 'title-present',
      severity: 'pass',
      title: 'Title',
      message:
        title.source !== 'fallback'
          ? `SEO title from “${title.from}”.`
          : title.from === 'body'
            ? 'No title field: using the heading the page opens with, as the site does.'
            : `No SEO title: using the post title from “${title.from}”.`,
      figures: { from: title.from },
    },
    chars > TITLE_MAX_CHARS
      ? {
          id: 'title-length',
          severity: 'warning',
          title: 'Title length',
          message: `${chars} characters: keep it to ${TITLE_MAX_CHARS} or fewer so it isn't cut in results.`,
          figures: { characters: chars, maxCharacters: TITLE_MAX_CHARS },
        }
      : {
          id: 'title-length',
          severity: 'pass',
          title: 'Title length',
          message: `${chars} characters (up to ${TITLE_MAX_CHARS} recommended).`,
          figures: { characters: chars, maxCharacters: TITLE_MAX_CHARS },
        },
  ];
  if (measure) {
    const widthPx = Math.round(measure(title.value.replace(/\s+/g, ' ').trim(), DESKTOP_TITLE.font));
    checks.push(
      widthPx > TITLE_MAX_PX
        ? {
            id: 'title-width',
            severity: 'warning',
            title: 'Title width',
            message: `${widthPx} px wide: Google's desktop results cut titles at about ${TITLE_MAX_PX} px.`,
            figures: { widthPx, maxWidthPx: TITLE_MAX_PX },
          }
        : {
            id: 'title-width',
            severity: 'pass',
            title: 'Title width',
            message: `${widthPx} px wide (Google shows about ${TITLE_MAX_PX} px).`,
            figures: { widthPx, maxWidthPx: TITLE_MAX_PX },
          },
    );
  }
  const duplicates = others
    .filter((other) => other.path !== postPath && other.title !== null && sameText(other.title, title.value))
    .map((other) => other.path);
  checks.push(
    duplicates.length > 0
      ? {
          id: 'title-unique',
          severity: 'warning',
          title: 'Title unique',
          message: `Same title as ${duplicates.join(', ')}: results for the two posts will look alike.`,
          figures: { duplicates: duplicates.length },
        }
      : { id: 'title-unique', severity: 'pass', title: 'Title unique', message: 'No other post has this title.' },
  );
  return checks;
}

/**
 * `expected`: the site's posts carry a description of their own (most posts of the collection set
 * one, or its schema requires one). Where they don't, the site's templates fall back on the body by
 * design, so a missing description is no finding at all; where they do, it is advice (a warning) —
 * a page without a meta description still works, search engines pick a snippet themselves.
 */
function descriptionChecks(roles: SeoRoles, expected: boolean, conventions: SeoConventions | undefined): SeoCheck[] {
  const description = roles.description;
  const habit =
    conventions && conventions.description > 0
      ? ` (${shareText(conventions, 'description')} in this collection have one)`
      : '';
  if (description === null) {
    return [
      {
        id: 'description-present',
        severity: 'warning',
        title: 'Description',
        message: `No description, and the body has no paragraph to fall back on${habit}. Write one of ${DESCRIPTION_MIN_CHARS}–${DESCRIPTION_MAX_CHARS} characters.`,
      },
    ];
  }
  const chars = charCount(description.value);
  const figures = { characters: chars, minCharacters: DESCRIPTION_MIN_CHARS, maxCharacters: DESCRIPTION_MAX_CHARS };
  const checks: SeoCheck[] = [
    description.source !== 'fallback'
      ? {
          id: 'description-present',
          severity: 'pass',
          title: 'Description',
          message: `Description from “${description.from}”.`,
        }
      : expected
        ? {
            id: 'description-present',
            severity: 'warning',
            title: 'Description',
            message: `No description, though this site's posts carry one${habit}: search engines will pick text themselves (the preview shows the body's first paragraph). Write one of ${DESCRIPTION_MIN_CHARS}–${DESCRIPTION_MAX_CHARS} characters.`,
          }
        : {
            id: 'description-present',
            severity: 'pass',
            title: 'Description',
            message: `No description field: like most posts of this site${habit}, the snippet comes from the body's first paragraph.`,
          },
  ];
  // The length and wording of a stand-in paragraph say nothing about the description to write.
  if (description.source === 'fallback') return checks;
  if (chars < DESCRIPTION_MIN_CHARS) {
    checks.push({
      id: 'description-length',
      severity: 'warning',
      title: 'Description length',
      message: `${chars} characters: aim for ${DESCRIPTION_MIN_CHARS}–${DESCRIPTION_MAX_CHARS} so results show a full snippet.`,
      figures,
    });
  } else if (chars > DESCRIPTION_MAX_CHARS) {
    checks.push({
      id: 'description-length',
      severity: 'warning',
      title: 'Description length',
      message: `${chars} characters: Google cuts descriptions after about ${DESCRIPTION_MAX_CHARS}.`,
      figures,
    });
  } else {
    checks.push({
      id: 'description-length',
      severity: 'pass',
      title: 'Description length',
      message: `${chars} characters (${DESCRIPTION_MIN_CHARS}–${DESCRIPTION_MAX_CHARS} recommended).`,
      figures,
    });
  }
  if (roles.title !== null && sameText(roles.title.value, description.value)) {
    checks.push({
      id: 'description-not-title',
      severity: 'warning',
      title: 'Description differs from title',
      message: 'The description repeats the title: say what the reader will find instead.',
    });
  } else {
    checks.push({
      id: 'description-not-title',
      severity: 'pass',
      title: 'Description differs from title',
      message: 'The description adds to the title.',
    });
  }
  return checks;
}

function handleCheck(roles: SeoRoles): SeoCheck {
  const handle = roles.twitterHandle;
  if (handle === null)
    return {
      id: 'x-handle',
      severity: 'pass',
      title: 'X handle',
      message: 'No X handle set (optional): cards will credit no account.',
    };
  if (!X_HANDLE.test(handle.value)) {
    const hint = handle.value.startsWith('@')
      ? 'use 1–15 letters, digits or underscores after the @'
      : `write it with an @, like @${handle.value.replace(/[^A-Za-z0-9_]/g, '').slice(0, 15) || 'example'}`;
    return {
      id: 'x-handle',
      severity: 'warning',
      title: 'X handle',
      message: `“${handle.value}” is not a valid X handle: ${hint}.`,
      figures: { handle: handle.value },
    };
  }
  return {
    id: 'x-handle',
    severity: 'pass',
    title: 'X handle',
    message: `${handle.value}`,
    figures: { handle: handle.value },
  };
}
