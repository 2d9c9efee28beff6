/**
 * The last gate every paste goes through, whatever it came from (sanitized HTML, Markdown typed
 * elsewhere, plain prose): no link, image or definition with an unsafe address survives (the
 * shared `isSafeUrl` decides), raw HTML becomes visible text instead of markup, and the leftovers
 * of converted formatting are tidied so the Markdown reads as a writer would have typed it.
 */
import type { Definition, Nodes, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { isSafeUrl } from '../safe-url';

type AnyParent = Parent & { children: RootContent[] };

const FORMATS = new Set(['strong', 'emphasis', 'delete']);
const INVISIBLE = /[\u200b\ufeff]/g;
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Makes a pasted mdast tree safe and tidy, in place. */
export function cleanPastedTree(tree: Root): Root {
  const unsafe = new Set<string>();
  for (const node of tree.children) collectUnsafeDefinitions(node, unsafe);
  clean(tree as AnyParent, unsafe, false);
  return tree;
}

function collectUnsafeDefinitions(node: Nodes, unsafe: Set<string>): void {
  if (node.type === 'definition' && !isSafeUrl(node.url)) unsafe.add(node.identifier);
  if ('children' in node) for (const child of node.children) collectUnsafeDefinitions(child, unsafe);
}

function clean(parent: AnyParent, unsafe: ReadonlySet<string>, inHeading: boolean): void {
  const heading = inHeading || parent.type === 'heading';
  const out: RootContent[] = [];
  if (parent.type === 'table') {
    // The header row is shown bold already, like a heading.
    const [header, ...rows] = parent.children;
    if (header && 'children' in header) clean(header as AnyParent, unsafe, true);
    for (const row of rows) if ('children' in row) clean(row as AnyParent, unsafe, false);
    return;
  }
  for (const child of parent.children) {
    for (const node of expand(child, parent, unsafe, heading)) {
      if ('children' in node) clean(node as AnyParent, unsafe, heading);
      if (!isEmpty(node)) out.push(node);
    }
  }
  parent.children = mergeLists(tidyPhrasing(out, parent));
  const node = parent as Nodes;
  if (node.type === 'listItem') {
    // Tight unless two blocks other than a sub-list follow each other (they need the blank line).
    node.spread = node.children.some((child, index) => index > 0 && child.type !== 'list');
  }
  if (node.type === 'list') node.spread = node.children.some((item) => item.spread === true);
}

/** Replaces a node until it stands for itself (an unsafe link's children may hold an unsafe image). */
function expand(node: RootContent, parent: AnyParent, unsafe: ReadonlySet<string>, inHeading: boolean): RootContent[] {
  return replace(node, parent, unsafe, inHeading).flatMap((result) =>
    result === node ? [node] : expand(result, parent, unsafe, inHeading),
  );
}

/** What one node becomes: itself, its children, visible text, or nothing. */
function replace(node: RootContent, parent: AnyParent, unsafe: ReadonlySet<string>, inHeading: boolean): RootContent[] {
  switch (node.type) {
    case 'html':
      // Raw HTML is shown as the text it is, never kept as markup.
      return FLOW_PARENTS.has(parent.type)
        ? [{ type: 'paragraph', children: [{ type: 'text', value: node.value }] }]
        : [{ type: 'text', value: node.value }];
    case 'link':
      // DOMPurify drops a refused href and leaves `<a>`: an address-less link is just its text.
      return node.url.trim() !== '' && isSafeUrl(node.url) ? [node] : node.children;
    case 'image':
      return node.url.trim() !== '' && isSafeUrl(node.url) ? [node] : altText(node.alt);
    case 'definition':
      return unsafe.has((node as Definition).identifier) ? [] : [node];
    case 'linkReference':
      return unsafe.has(node.identifier) ? node.children : [node];
    case 'imageReference':
      return unsafe.has(node.identifier) ? altText(node.alt) : [node];
    case 'strong':
      // Headings are bold already; Docs and Word mark every heading run bold again.
      return inHeading || parent.type === 'strong' ? node.children : [node];
    case 'emphasis':
    case 'delete':
      return parent.type === node.type ? node.children : [node];
    case 'text':
      node.value = softBreaksToSpaces(node.value.replace(INVISIBLE, ''));
      return [node];
    case 'inlineCode':
      // A browser shows code's edge spaces as nothing: keeping them would change on the next paste.
      node.value = softBreaksToSpaces(node.value).trim();
      return [node];
    default:
      return [node];
  }
}

function altText(alt: string | null | undefined): RootContent[] {
  return alt ? [{ type: 'text', value: alt }] : [];
}

/**
 * A single newline inside a paragraph is a wrapped line, not a new paragraph: it reads as a space.
 * Runs of spaces collapse too, as a browser shows them (`&nbsp;` is kept: it was meant).
 */
function softBreaksToSpaces(value: string): string {
  return value.replace(/[ \t]*\r?\n[ \t]*/g, ' ').replace(/[ \t]{2,}|\t/g, ' ');
}

function isEmpty(node: RootContent): boolean {
  if (node.type === 'inlineCode') return node.value.trim() === '';
  if (FORMATS.has(node.type) || node.type === 'link' || node.type === 'heading' || node.type === 'paragraph') {
    const children = (node as Parent).children;
    return children.every((child) => child.type === 'break' || (child.type === 'text' && child.value.trim() === ''));
  }
  return false;
}

/** Merges neighbouring runs of one format, moves edge spaces out of them, drops edge line breaks. */
function tidyPhrasing(children: RootContent[], parent: { type: string }): RootContent[] {
  const out: RootContent[] = [];
  for (const child of children) {
    const previous = out[out.length - 1];
    if (previous && FORMATS.has(child.type) && previous.type === child.type) {
      (previous as Parent).children.push(...(child as Parent).children);
      (previous as AnyParent).children = tidyPhrasing((previous as AnyParent).children, previous as AnyParent);
      continue;
    }
    if (previous?.type === 'text' && child.type === 'text') {
      previous.value += child.value;
      continue;
    }
    if (previous?.type === 'inlineCode' && child.type === 'inlineCode') {
      previous.value += child.value;
      continue;
    }
    out.push(child);
  }
  const spaced = out.flatMap((node) =>
    FORMATS.has(node.type) || node.type === 'link' ? moveEdgeSpaces(node as RootContent & AnyParent) : [node],
  );
  const merged = spaced.reduce<RootContent[]>((list, node) => {
    const last = list[list.length - 1];
    if (last?.type === 'text' && node.type === 'text') last.value += node.value;
    else list.push(node);
    return list;
  }, []);
  if (FORMATS.has(parent.type) || parent.type === 'link') {
    // A line break at the edge of bold text or a link shows as nothing and would not survive a second paste.
    while (merged[0]?.type === 'break') merged.shift();
    while (merged[merged.length - 1]?.type === 'break') merged.pop();
  }
  if (parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'tableCell') {
    while (merged[0]?.type === 'break') merged.shift();
    while (merged[merged.length - 1]?.type === 'break') merged.pop();
    const first = merged[0];
    if (first?.type === 'text') first.value = first.value.trimStart();
    const last = merged[merged.length - 1];
    if (last?.type === 'text') last.value = last.value.trimEnd();
  }
  return merged.filter((node) => node.type !== 'text' || node.value !== '');
}

/** `**bold **text` is not bold in Markdown, and `[text ](url)` looks broken: edge spaces go outside. */
function moveEdgeSpaces(node: RootContent & AnyParent): RootContent[] {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  let before = '';
  let after = '';
  if (first?.type === 'text') {
    const trimmed = first.value.trimStart();
    before = first.value.slice(0, first.value.length - trimmed.length);
    first.value = trimmed;
  }
  if (last?.type === 'text') {
    const trimmed = last.value.trimEnd();
    after = last.value.slice(trimmed.length);
    last.value = trimmed;
  }
  node.children = node.children.filter((child) => child.type !== 'text' || child.value !== '');
  const result: RootContent[] = [];
  if (before !== '') result.push(space(before));
  if (node.children.length > 0) result.push(node);
  if (after !== '') result.push(space(after));
  return result;
}

function space(value: string): Text & PhrasingContent {
  return { type: 'text', value: value.replace(/\s+/g, ' ') };
}

/** Neighbouring lists of one kind are one list to a reader (Notion pastes each to-do apart). */
function mergeLists(children: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const child of children) {
    const previous = out[out.length - 1];
    if (previous?.type === 'list' && child.type === 'list' && previous.ordered === child.ordered) {
      previous.children.push(...child.children);
      previous.spread = previous.spread === true || child.spread === true;
      continue;
    }
    out.push(child);
  }
  return out;
}
