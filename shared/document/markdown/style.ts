/**
 * The house style of a Markdown file — which bullet, emphasis marker, fence… it uses — inferred
 * from its source, so blocks the writer changes or adds are written the way the file already is.
 */
import type { Nodes, Root } from 'mdast';

/** Style choices for newly serialized Markdown (mdast-util-to-markdown options plus hard breaks). */
export interface DocStyle {
  bullet: '-' | '*' | '+';
  bulletOrdered: '.' | ')';
  emphasis: '*' | '_';
  strong: '*' | '_';
  fence: '`' | '~';
  /** False when every code block of the file is indented rather than fenced. */
  fences: boolean;
  setext: boolean;
  closeAtx: boolean;
  rule: '*' | '-' | '_';
  ruleRepetition: number;
  ruleSpaces: boolean;
  listItemIndent: 'one' | 'tab' | 'mixed';
  incrementListMarker: boolean;
  hardBreak: 'backslash' | 'spaces';
  /** Set for MDX posts: `<` and `{` in text are escaped, code is always fenced, links never `<…>`. */
  mdx?: boolean;
}

/** The style for a document with no evidence either way (CommonMark's most common spellings). */
export const DEFAULT_STYLE: DocStyle = {
  bullet: '-',
  bulletOrdered: '.',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  setext: false,
  closeAtx: false,
  rule: '-',
  ruleRepetition: 3,
  ruleSpaces: false,
  listItemIndent: 'one',
  incrementListMarker: true,
  hardBreak: 'backslash',
};

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Validates a stored style, falling back to defaults field by field. */
export function parseDocStyle(value: unknown): DocStyle {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const d = DEFAULT_STYLE;
  const bool = (key: keyof DocStyle): boolean =>
    typeof v[key] === 'boolean' ? (v[key] as boolean) : (d[key] as boolean);
  return {
    bullet: pick(v.bullet, ['-', '*', '+'], d.bullet),
    bulletOrdered: pick(v.bulletOrdered, ['.', ')'], d.bulletOrdered),
    emphasis: pick(v.emphasis, ['*', '_'], d.emphasis),
    strong: pick(v.strong, ['*', '_'], d.strong),
    fence: pick(v.fence, ['`', '~'], d.fence),
    fences: bool('fences'),
    setext: bool('setext'),
    closeAtx: bool('closeAtx'),
    rule: pick(v.rule, ['*', '-', '_'], d.rule),
    ruleRepetition: typeof v.ruleRepetition === 'number' && v.ruleRepetition >= 3 ? v.ruleRepetition : d.ruleRepetition,
    ruleSpaces: bool('ruleSpaces'),
    listItemIndent: pick(v.listItemIndent, ['one', 'tab', 'mixed'], d.listItemIndent),
    incrementListMarker: bool('incrementListMarker'),
    hardBreak: pick(v.hardBreak, ['backslash', 'spaces'], d.hardBreak),
    ...(v.mdx === true ? { mdx: true } : {}),
  };
}

/** The exact source text of a node, or '' when it has no position. */
export function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/** The first non-blank character of a node's source (its marker for lists, emphasis, fences…). */
export function markerOf(node: Nodes, source: string): string {
  return sourceOf(node, source).trimStart().charAt(0);
}

/** Parses a thematic break's source into rule options. */
export function ruleStyle(text: string): Pick<DocStyle, 'rule' | 'ruleRepetition' | 'ruleSpaces'> {
  const trimmed = text.trim();
  const rule = pick(trimmed.charAt(0), ['*', '-', '_'], DEFAULT_STYLE.rule);
  const count = trimmed.split('').filter((c) => c === rule).length;
  return { rule, ruleRepetition: Math.max(3, count), ruleSpaces: /\s/.test(trimmed) };
}

/** Whether an ATX heading's source ends with a closing `#` sequence. */
export function hasClosingSequence(text: string): boolean {
  return /[ \t]#+[ \t]*$/.test(text.split('\n')[0] ?? '');
}

/** How a list item's content is separated from its marker, in to-markdown's terms. */
export function listItemIndentOf(itemSource: string): DocStyle['listItemIndent'] {
  const match = /^[ \t]*([-*+]|\d{1,9}[.)])([ \t]*)/.exec(itemSource);
  if (!match || !match[1] || match[2] === undefined) return 'one';
  const gap = match[2].length;
  if (gap <= 1 || /\t/.test(match[2])) return 'one';
  return (match[1].length + gap) % 4 === 0 ? 'tab' : 'one';
}

class Tally<T extends string> {
  private readonly counts = new Map<T, number>();
  add(value: T | undefined): void {
    if (value !== undefined) this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }
  /** The most frequent value; ties go to the one seen first (Map keeps insertion order). */
  top(fallback: T): T {
    let best = fallback;
    let bestCount = 0;
    for (const [value, count] of this.counts) {
      if (count > bestCount) {
        best = value;
        bestCount = count;
      }
    }
    return best;
  }
}

/** Infers the document's style from its mdast tree and source. */
export function inferDocStyle(tree: Root, source: string): DocStyle {
  const tally = new StyleTally();
  for (const child of tree.children) tally.add(child, source);
  return tally.style();
}

/**
 * The document's style, tallied block by block: blocks added in document order (each with the
 * source its positions refer to) give what inferDocStyle gives for the whole tree. A post imported
 * in parts (staged-import.ts) tallies each part's blocks as they are parsed.
 */
export class StyleTally {
  private readonly bullets = new Tally<DocStyle['bullet']>();
  private readonly ordered = new Tally<DocStyle['bulletOrdered']>();
  private readonly emphasis = new Tally<DocStyle['emphasis']>();
  private readonly strong = new Tally<DocStyle['strong']>();
  private readonly fence = new Tally<DocStyle['fence'] | 'indented'>();
  private readonly heading = new Tally<'setext' | 'atx'>();
  private readonly closing = new Tally<'open' | 'closed'>();
  private readonly breaks = new Tally<DocStyle['hardBreak']>();
  private readonly increment = new Tally<'yes' | 'no'>();
  private rule: Pick<DocStyle, 'rule' | 'ruleRepetition' | 'ruleSpaces'> | undefined;
  private listItemIndent: DocStyle['listItemIndent'] | undefined;

  /** Tallies `node` and everything in it; `source` is the text its positions refer to. */
  add(node: Nodes, source: string): void {
    const marker = markerOf(node, source);
    switch (node.type) {
      case 'list': {
        const first = node.children[0];
        if (first && this.listItemIndent === undefined) this.listItemIndent = listItemIndentOf(sourceOf(first, source));
        if (node.ordered) {
          const text = first ? sourceOf(first, source) : '';
          this.ordered.add(/^\s*\d+\)/.test(text) ? ')' : /^\s*\d+\./.test(text) ? '.' : undefined);
          const second = node.children[1];
          if (second) {
            const n1 = parseInt(text.trimStart(), 10);
            const n2 = parseInt(sourceOf(second, source).trimStart(), 10);
            this.increment.add(n1 === n2 ? 'no' : 'yes');
          }
        } else {
          for (const item of node.children)
            this.bullets.add(pick<DocStyle['bullet']>(markerOf(item, source), ['-', '*', '+'], '-'));
        }
        break;
      }
      case 'emphasis':
        this.emphasis.add(marker === '_' ? '_' : marker === '*' ? '*' : undefined);
        break;
      case 'strong':
        this.strong.add(marker === '_' ? '_' : marker === '*' ? '*' : undefined);
        break;
      case 'code':
        this.fence.add(marker === '`' ? '`' : marker === '~' ? '~' : 'indented');
        break;
      case 'heading': {
        const atx = marker === '#';
        if (node.depth <= 2) this.heading.add(atx ? 'atx' : 'setext');
        if (atx) this.closing.add(hasClosingSequence(sourceOf(node, source)) ? 'closed' : 'open');
        break;
      }
      case 'break':
        this.breaks.add(marker === '\\' ? 'backslash' : 'spaces');
        break;
      case 'thematicBreak':
        this.rule ??= ruleStyle(sourceOf(node, source));
        break;
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) this.add(child as Nodes, source);
  }

  /** The style of everything tallied so far. */
  style(): DocStyle {
    const fenceChoice = this.fence.top('`');
    return {
      bullet: this.bullets.top(DEFAULT_STYLE.bullet),
      bulletOrdered: this.ordered.top(DEFAULT_STYLE.bulletOrdered),
      emphasis: this.emphasis.top(DEFAULT_STYLE.emphasis),
      strong: this.strong.top(DEFAULT_STYLE.strong),
      fence: fenceChoice === 'indented' ? DEFAULT_STYLE.fence : fenceChoice,
      fences: fenceChoice !== 'indented',
      setext: this.heading.top('atx') === 'setext',
      closeAtx: this.closing.top('open') === 'closed',
      ...(this.rule ?? {
        rule: DEFAULT_STYLE.rule,
        ruleRepetition: DEFAULT_STYLE.ruleRepetition,
        ruleSpaces: DEFAULT_STYLE.ruleSpaces,
      }),
      listItemIndent: this.listItemIndent ?? DEFAULT_STYLE.listItemIndent,
      incrementListMarker: this.increment.top('yes') === 'yes',
      hardBreak: this.breaks.top(DEFAULT_STYLE.hardBreak),
    };
  }
}
