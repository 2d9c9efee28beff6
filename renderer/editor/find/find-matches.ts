/**
 * Find & replace's matching, free of the editor: what the writer typed (with match case, whole word
 * and regex) becomes a pattern; the pattern finds matches in plain strings; a replacement is worked
 * out per match (with `$1`/`$&` when searching by regex). The editor plugin feeds it block texts.
 */
/** What the writer asked to find. */
export interface FindQuery {
  text: string;
  matchCase: boolean;
  wholeWord: boolean;
  regex: boolean;
}

/** One match inside one searched string: `[start, end)` in UTF-16 code units. */
export interface TextMatch {
  start: number;
  end: number;
}

/** The query made into a pattern, or why it cannot be one. */
export type CompiledQuery = { ok: true; pattern: RegExp } | { ok: false; message: string } | null;

// Word characters for "whole word" in any script: letters, marks, digits and the underscore.
const WORD = '[\\p{L}\\p{M}\\p{N}_]';

/** Builds the pattern for `query`; null when there is nothing to find; a message for an invalid regex. */
export function compileQuery(query: FindQuery): CompiledQuery {
  if (query.text === '') return null;
  const source = query.regex ? query.text : escapeRegExp(query.text);
  // Lookarounds rather than \b: \b only knows ASCII letters, so "café" would end mid-word.
  const bounded = query.wholeWord ? `(?<!${WORD})(?:${source})(?!${WORD})` : source;
  try {
    return { ok: true, pattern: new RegExp(bounded, `gu${query.matchCase ? '' : 'i'}`) };
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return { ok: false, message: `Not a valid regular expression: ${detail}` };
  }
}

/** Every non-empty match of `pattern` in `text`, left to right, never overlapping. */
export function findInText(text: string, pattern: RegExp): TextMatch[] {
  const matches: TextMatch[] = [];
  pattern.lastIndex = 0;
  for (const found of text.matchAll(pattern)) {
    // An empty match (`a*`, `^`) would highlight nothing and replace into thin air: skip it.
    if (found[0] === '') continue;
    matches.push({ start: found.index, end: found.index + found[0].length });
  }
  return matches;
}

/**
 * The text that replaces the match at `[start, end)` of `text`. With a regex, `$1`, `$<name>`, `$&`
 * and `$$` work as in JavaScript's String.replace; otherwise the replacement is taken literally.
 */
export function replacementFor(
  text: string,
  match: TextMatch,
  replacement: string,
  query: FindQuery,
  pattern: RegExp,
): string {
  if (!query.regex) return replacement;
  // Re-run the pattern at the match (sticky) so groups and lookarounds see the whole string.
  const sticky = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y');
  sticky.lastIndex = match.start;
  const found = sticky.exec(text);
  return found ? expand(replacement, found) : replacement;
}

// Only the characters that mean something in a pattern; all are valid escapes under the `u` flag.
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// String.replace's `$` patterns, applied against the original match (with its real surroundings).
function expand(replacement: string, found: RegExpExecArray): string {
  return replacement.replace(
    /\$(\$|&|<([^>]*)>|(\d{1,2}))/g,
    (token, what: string, name: string | undefined, digits: string | undefined) => {
      if (what === '$') return '$';
      if (what === '&') return found[0];
      if (name !== undefined) return found.groups?.[name] ?? '';
      const index = Number(digits);
      return index > 0 && index < found.length ? (found[index] ?? '') : token;
    },
  );
}

/** "3 of 12", "No results", or "12 results" when no match is current. */
export function matchCountLabel(current: number | null, total: number): string {
  if (total === 0) return 'No results';
  if (current === null) return total === 1 ? '1 result' : `${total} results`;
  return `${current + 1} of ${total}`;
}
