/**
 * One walk over the post body collecting what the SEO rules need: the first paragraph and image
 * (fallbacks), images, headings, links and the word count. Parsing and walking happen once so the
 * checks can run on every keystroke of a long post.
 */
import type { Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** An image of the body. */
export interface BodyImage {
  url: string;
  alt: string;
  /** 1-based source line, or null when the tree has no positions. */
  line: number | null;
}

/** A heading of the body. */
export interface BodyHeading {
  depth: number;
  text: string;
  line: number | null;
}

/** A link of the body. */
export interface BodyLink {
  url: string;
  text: string;
  line: number | null;
}

/**
 * A link written with the generator's own tag, which Markdown does not see as a link: Jekyll's
 * `{% link path %}` / `{% post_url name %}`, Hugo's `{{< ref "path" >}}` / `relref`.
 */
export interface TemplateLink {
  kind: 'link' | 'post_url' | 'ref';
  target: string;
  line: number | null;
}

/** What the SEO rules know about a body. */
export interface BodyFacts {
  /** Plain text of the first prose paragraph, whitespace collapsed; null when there is none. */
  firstParagraph: string | null;
  images: BodyImage[];
  headings: BodyHeading[];
  links: BodyLink[];
  /** Generator link tags (absent in facts made before they were collected). */
  templateLinks?: TemplateLink[];
  /** `href`s of `<a>` tags in raw HTML, read only to catch script links (absent in older facts). */
  htmlLinks?: BodyLink[];
  words: number;
}

/** Parses a Markdown body with CommonMark + GFM (the constructs that matter for links and images). */
export function parseBody(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Collects {@link BodyFacts} from Markdown text or an already-parsed tree. */
export function analyzeBody(body: string | Root): BodyFacts {
  const root = typeof body === 'string' ? parseBody(body) : body;
  // Reference-style links and images resolve through definitions anywhere in the document.
  const definitions = new Map<string, string>();
  collectDefinitions(root, definitions);
  const facts: BodyFacts = { firstParagraph: null, images: [], headings: [], links: [], templateLinks: [], words: 0 };
  walk(root, facts, definitions, true);
  return facts;
}

function collectDefinitions(node: Nodes, into: Map<string, string>): void {
  if (node.type === 'definition') {
    if (!into.has(node.identifier)) into.set(node.identifier, node.url);
    return;
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

// Hugo/Liquid template tags are not parsed here; a paragraph that is one is markup, not prose.
const TEMPLATE_TAG = /^\s*(\{\{|\{%)/;
const HTML_IMG = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi;
const HTML_HREF = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi;
const HTML_ALT = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

function walk(node: Nodes, facts: BodyFacts, definitions: Map<string, string>, topLevel: boolean): void {
  switch (node.type) {
    case 'code':
    case 'definition':
    case 'yaml':
      return;
    case 'html':
      collectHtmlImages(node.value, lineOf(node), facts);
      collectHtmlLinks(node.value, lineOf(node), facts);
      collectTemplateLinks(node.value, lineOf(node), facts);
      return;
    case 'text':
      collectTemplateLinks(node.value, lineOf(node), facts);
      return;
    case 'image':
      facts.images.push({ url: node.url, alt: node.alt ?? '', line: lineOf(node) });
      collectTemplateLinks(node.url, lineOf(node), facts);
      return;
    case 'imageReference':
      facts.images.push({ url: definitions.get(node.identifier) ?? '', alt: node.alt ?? '', line: lineOf(node) });
      return;
    case 'link':
      facts.links.push({ url: node.url, text: plainText(node), line: lineOf(node) });
      collectTemplateLinks(node.url, lineOf(node), facts);
      break;
    case 'linkReference': {
      const url = definitions.get(node.identifier);
      if (url !== undefined) facts.links.push({ url, text: plainText(node), line: lineOf(node) });
      break;
    }
    case 'heading': {
      const text = collapse(plainText(node));
      facts.headings.push({ depth: node.depth, text, line: lineOf(node) });
      facts.words += countWords(text);
      break;
    }
    case 'paragraph': {
      const text = collapse(plainText(node));
      facts.words += countWords(text);
      if (topLevel && facts.firstParagraph === null && text !== '' && !TEMPLATE_TAG.test(text))
        facts.firstParagraph = text;
      break;
    }
    case 'tableCell':
      facts.words += countWords(plainText(node));
      break;
    default:
      break;
  }
  if ('children' in node) {
    // Only the document's own paragraphs count as "first paragraph", not one inside a quote or list.
    const childTopLevel = node.type === 'root';
    for (const child of (node as Parents).children) walk(child, facts, definitions, childTopLevel);
  }
}

// `{% link _posts/x.md %}`, `{% post_url 2024-01-05-x %}`, `{{< ref "docs/install" >}}`, `{{% relref "x.md#a" %}}`.
const LIQUID_LINK = /\{%-?\s*(link|post_url)\s+([^\s%]+)\s*-?%\}/g;
const HUGO_REF = /\{\{[<%]\s*(?:ref|relref)\s+(?:"([^"]*)"|'([^']*)'|([^\s>%]+))[^}]*[>%]\}\}/g;

/** True when `text` holds a generator link tag (collected as a {@link TemplateLink}). */
export function hasTemplateLink(text: string): boolean {
  LIQUID_LINK.lastIndex = 0;
  HUGO_REF.lastIndex = 0;
  return LIQUID_LINK.test(text) || HUGO_REF.test(text);
}

function collectTemplateLinks(text: string, line: number | null, facts: BodyFacts): void {
  if (!text.includes('{')) return;
  const into = (facts.templateLinks ??= []);
  for (const match of text.matchAll(LIQUID_LINK))
    into.push({ kind: match[1] === 'post_url' ? 'post_url' : 'link', target: match[2] ?? '', line });
  for (const match of text.matchAll(HUGO_REF))
    into.push({ kind: 'ref', target: match[1] ?? match[2] ?? match[3] ?? '', line });
}

function collectHtmlImages(html: string, line: number | null, facts: BodyFacts): void {
  for (const match of html.matchAll(HTML_IMG)) {
    const alt = HTML_ALT.exec(match[0]);
    facts.images.push({
      url: match[1] ?? match[2] ?? match[3] ?? '',
      alt: alt ? (alt[1] ?? alt[2] ?? alt[3] ?? '') : '',
      line,
    });
  }
}

function collectHtmlLinks(html: string, line: number | null, facts: BodyFacts): void {
  if (!/<a\b/i.test(html)) return;
  const into = (facts.htmlLinks ??= []);
  for (const match of html.matchAll(HTML_HREF))
    into.push({ url: match[1] ?? match[2] ?? match[3] ?? '', text: '', line });
}

/** The text a reader sees: text, inline code and image alt are kept; markup is dropped. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if (node.type === 'image' || node.type === 'imageReference') return '';
  if ('children' in node) {
    let out = '';
    for (const child of (node as Parents).children) out += plainText(child);
    return out;
  }
  return '';
}

// A word starts with a letter or digit; lone punctuation (an em dash between spaces) is not a word.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.\-_]*/gu;

/** Number of words in plain text. */
export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count += 1;
  return count;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function lineOf(node: Nodes): number | null {
  return node.position?.start.line ?? null;
}
