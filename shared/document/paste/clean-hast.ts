/**
 * Turns the HTML that word processors and web pages put on the clipboard into plain structure
 * before it is read as Markdown. Google Docs marks bold and italics with inline styles and wraps
 * the whole selection in `<b style="font-weight:normal">`; Word writes lists as paragraphs with
 * `mso-list` styles and marker spans; Google Docs and Lexical nest a sub-list directly inside its
 * parent list; Notion draws to-do boxes as `<div class="checkbox">`. Each is rewritten here into
 * the elements hast-util-to-mdast understands, so the writer gets clean Markdown, not stray marks.
 * Runs on a tree that DOMPurify already sanitized; it never needs to make anything safe.
 */
import type { Element, ElementContent, Parent, Root, RootContent } from 'hast';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
]);
const FORMAT_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'span', 'font']);
// Inline elements a parser lets wrap blocks (`<s><pre>…`): around blocks they are only wrappers.
const PHRASING_WRAPPERS = new Set([
  ...FORMAT_TAGS,
  's',
  'del',
  'strike',
  'ins',
  'code',
  'kbd',
  'samp',
  'tt',
  'var',
  'sub',
  'sup',
  'mark',
  'small',
  'big',
  'q',
  'cite',
  'abbr',
  'dfn',
  'time',
  'label',
  'nobr',
]);
const MONOSPACE =
  /\b(?:courier|consolas|monaco|menlo|monospace|source code|roboto mono|fira (?:code|mono)|jetbrains mono|sf mono|ubuntu mono)/i;
const MSO_LIST = /(?:^|;)\s*mso-list:\s*l(\d+)\s+level(\d+)/i;
const ORDERED_MARKER = /^\(?(?:\d+|[a-z]|[ivxlc]+)[.)]/i;

/** Rewrites office, Docs and Notion clipboard markup in place into plain structural HTML. */
export function cleanClipboardTree(tree: Root): Root {
  cleanChildren(tree);
  return tree;
}

function cleanChildren(parent: Parent): void {
  groupWordLists(parent);
  const out: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    cleanChildren(child);
    out.push(...cleanElement(child));
  }
  parent.children = out as typeof parent.children;
}

/** One element's replacement: itself, a wrapper around it, or its children. */
function cleanElement(node: Element): RootContent[] {
  const tag = node.tagName;
  const style = parseStyle(node.properties.style);
  if (tag === 'o:p' || tag.includes(':')) return node.children;
  if (isWordMarker(style)) return [];
  if (tag === 'div' && hasClass(node, 'checkbox')) {
    return [checkbox(hasClass(node, 'checkbox-on'))];
  }
  if (tag === 'p' && hasClass(node, 'MsoTitle')) node.tagName = 'h1';
  if (tag === 'a' && isHeadingAnchor(node)) return [];
  if (
    tag === 'div' &&
    node.properties.className !== undefined &&
    classList(node).some((name) => name.includes('callout'))
  ) {
    return [element('blockquote', [element('p', inlineOnly(node.children))])];
  }
  if (BLOCK_TAGS.has(tag) && tag !== 'li' && startsWithCheckbox(node)) {
    // A to-do block outside a list (Notion): a one-item task list, merged with its neighbours later.
    return [element('ul', [element('li', inlineOnly(node.children))])];
  }
  if (tag === 'table') headerFromFirstRow(node);
  if (tag === 'p' && (hasClass(node, 'MsoQuote') || hasClass(node, 'MsoIntenseQuote')))
    return [element('blockquote', [node])];
  if (tag === 'img') fixLazyImage(node);
  // A formatting element around blocks is a wrapper (Google Docs' docs-internal-guid `<b>`).
  if (
    PHRASING_WRAPPERS.has(tag) &&
    node.children.some((child) => child.type === 'element' && BLOCK_TAGS.has(child.tagName))
  )
    return node.children;
  if (FORMAT_TAGS.has(tag)) {
    if ((tag === 'b' || tag === 'strong') && isNormalWeight(style.get('font-weight')))
      return wrapByStyle(node.children, style);
    if ((tag === 'i' || tag === 'em') && style.get('font-style') === 'normal') return wrapByStyle(node.children, style);
    if (tag === 'span' || tag === 'font' || tag === 'u') return wrapByStyle(node.children, style);
  }
  if (tag === 'ul' || tag === 'ol') nestStraySublists(node);
  delete node.properties.style;
  return [node];
}

/** Wraps inline content in the formatting a style declares (bold, italic, struck, monospace). */
function wrapByStyle(children: ElementContent[], style: Map<string, string>): ElementContent[] {
  let content = children;
  if (content.length === 0) return content;
  const family = style.get('font-family');
  if (family !== undefined && MONOSPACE.test(family)) content = [element('code', content)];
  if (/line-through/.test(style.get('text-decoration') ?? '')) content = [element('del', content)];
  const fontStyle = style.get('font-style');
  if (fontStyle === 'italic' || fontStyle === 'oblique') content = [element('em', content)];
  if (isBoldWeight(style.get('font-weight'))) content = [element('strong', content)];
  return content;
}

function isNormalWeight(weight: string | undefined): boolean {
  if (weight === undefined) return false;
  return weight === 'normal' || weight === 'lighter' || (/^\d+$/.test(weight) && Number(weight) < 600);
}

function isBoldWeight(weight: string | undefined): boolean {
  if (weight === undefined) return false;
  return weight === 'bold' || weight === 'bolder' || (/^\d+$/.test(weight) && Number(weight) >= 600);
}

/** Google Docs and Lexical put `<ul>` straight in `<ul>`: move each into the item before it. */
function nestStraySublists(list: Element): void {
  const out: ElementContent[] = [];
  for (const child of list.children) {
    const previous = [...out].reverse().find((item) => item.type === 'element');
    if (
      child.type === 'element' &&
      (child.tagName === 'ul' || child.tagName === 'ol') &&
      previous?.type === 'element' &&
      previous.tagName === 'li'
    ) {
      previous.children.push(child);
      continue;
    }
    if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) {
      out.push(element('li', [child]));
      continue;
    }
    out.push(child);
  }
  list.children = out;
}

/** Word writes list items as `<p style="mso-list:l0 level2 lfo1">`: rebuild real nested lists. */
function groupWordLists(parent: Parent): void {
  const out: RootContent[] = [];
  let stack: { level: number; list: Element }[] = [];
  for (const child of parent.children) {
    const item = child.type === 'element' ? wordListItem(child) : null;
    if (!item) {
      if (child.type === 'text' && child.value.trim() === '') {
        if (stack.length === 0) out.push(child);
        continue;
      }
      if (child.type === 'comment' && stack.length > 0) continue;
      stack = [];
      out.push(child);
      continue;
    }
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) > item.level) stack.pop();
    let top = stack[stack.length - 1];
    if (!top || top.level < item.level) {
      const list = element(item.ordered ? 'ol' : 'ul', []);
      const owner = top?.list.children[top.list.children.length - 1];
      if (owner?.type === 'element') owner.children.push(list);
      else out.push(list);
      top = { level: item.level, list };
      stack.push(top);
    }
    top.list.children.push(element('li', item.content));
  }
  parent.children = out as typeof parent.children;
}

function wordListItem(node: Element): { level: number; ordered: boolean; content: ElementContent[] } | null {
  if (node.tagName !== 'p' && !/^h[1-6]$/.test(node.tagName)) return null;
  const match = MSO_LIST.exec(String(node.properties.style ?? ''));
  if (!match) return null;
  const marker = findWordMarker(node);
  return { level: Number(match[2]), ordered: ORDERED_MARKER.test(textOf(marker).trim()), content: node.children };
}

function findWordMarker(node: Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (isWordMarker(parseStyle(child.properties.style))) return child;
    const inner = findWordMarker(child);
    if (inner) return inner;
  }
  return undefined;
}

function isWordMarker(style: Map<string, string>): boolean {
  return style.get('mso-list')?.toLowerCase() === 'ignore';
}

/** Pages that lazy-load pictures keep the real address in `data-src` and a 1-pixel placeholder in `src`. */
function fixLazyImage(node: Element): void {
  const src = String(node.properties.src ?? '');
  const lazy = node.properties.dataSrc ?? node.properties.dataLazySrc ?? node.properties.dataOriginal;
  if (typeof lazy === 'string' && /^https?:\/\//i.test(lazy) && (src === '' || /^data:/i.test(src)))
    node.properties.src = lazy;
}

function parseStyle(value: unknown): Map<string, string> {
  const style = new Map<string, string>();
  if (typeof value !== 'string') return style;
  for (const declaration of value.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const text = declaration
      .slice(colon + 1)
      .replace(/!important/i, '')
      .trim()
      .toLowerCase();
    if (name !== '') style.set(name, text);
  }
  return style;
}

function classList(node: Element): string[] {
  const classes = node.properties.className;
  return Array.isArray(classes) ? classes.map(String) : [];
}

function hasClass(node: Element, name: string): boolean {
  return classList(node).includes(name);
}

/** The `#` or `¶` link a page puts beside each heading: chrome, not content. */
function isHeadingAnchor(node: Element): boolean {
  const text = textOf(node).trim();
  return node.properties.ariaHidden === 'true' || (hasClass(node, 'anchor') && /^[#¶§🔗]?$/u.test(text));
}

function startsWithCheckbox(node: Element): boolean {
  const first = node.children.find(
    (child) => child.type === 'element' || (child.type === 'text' && child.value.trim() !== ''),
  );
  return first?.type === 'element' && first.tagName === 'input' && first.properties.type === 'checkbox';
}

/** Blocks inside a callout or to-do become inline runs separated by spaces, to fit one paragraph. */
function inlineOnly(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'element' && BLOCK_TAGS.has(child.tagName)) {
      if (out.length > 0) out.push({ type: 'text', value: ' ' });
      out.push(...inlineOnly(child.children));
    } else {
      out.push(child);
    }
  }
  return out;
}

/** Docs and Word tables have no `<th>`: their first row is the header, as a reader sees it. */
function headerFromFirstRow(table: Element): void {
  const rows: Element[] = [];
  const collect = (node: Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') collect(child);
    }
  };
  collect(table);
  const hasHeader = rows.some((row) => row.children.some((cell) => cell.type === 'element' && cell.tagName === 'th'));
  if (hasHeader || rows.length < 2) return;
  for (const cell of rows[0]?.children ?? []) if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
}

function textOf(node: ElementContent | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function element(tagName: string, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: {}, children };
}

function checkbox(checked: boolean): Element {
  return { type: 'element', tagName: 'input', properties: { type: 'checkbox', checked }, children: [] };
}
