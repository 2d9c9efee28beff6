/**
 * Clipboard → Markdown for the editor's paste: HTML (already sanitized by DOMPurify and read into
 * hast) and plain text both end as Markdown text that the document's own importer reads, so a
 * pasted post is saved exactly as if it had been typed. DOM-free: runs in Node tests as in the editor.
 */
import type { Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { parseMarkdown } from '../markdown/parse';
import { quickSafeRoot } from '../markdown/quick-safe';
import { cleanClipboardTree } from './clean-hast';
import { cleanPastedTree } from './clean-mdast';
import { plainTextParagraphs, plainTextToMarkdownSource } from './plain-text';

export { $pastedBlocks, $insertPastedMarkdown } from './blocks';

/** Markdown for clipboard HTML that DOMPurify sanitized and hast-util-from-dom read. */
export function htmlToPastedMarkdown(tree: HastRoot): string {
  const mdast = toMdast(cleanClipboardTree(tree));
  return serialize(mdast.type === 'root' ? mdast : { type: 'root', children: [] });
}

/**
 * Markdown for clipboard plain text. `plain` (Ctrl+Shift+V) keeps the characters as they are and
 * only splits paragraphs; otherwise Markdown in the text (headings, lists, fences…) is honoured.
 */
export function textToPastedMarkdown(text: string, options: { plain?: boolean } = {}): string {
  if (options.plain === true) {
    return serialize({
      type: 'root',
      children: plainTextParagraphs(text).map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
    });
  }
  return serialize(parseMarkdown(plainTextToMarkdownSource(text)));
}

/**
 * Markdown for a pasted tree, read back and written once more: what the writer gets is then what
 * the editor's parser reads from it (a bare URL that GFM turns into a link is written as one), so
 * pasting the same content again gives the same text.
 */
function serialize(tree: Root): string {
  const once = write(cleanPastedTree(tree));
  return once === '' ? '' : write(cleanPastedTree(parseMarkdown(once)));
}

// Made once: to-markdown compiles each unsafe pattern and keeps it on the pattern object.
const gfmExtension = gfmToMarkdown();

function write(tree: Root): string {
  if (tree.children.length === 0) return '';
  return toMarkdown(tree, {
    extensions: [gfmExtension],
    handlers: { root: quickSafeRoot },
    bullet: '-',
    emphasis: '_',
    strong: '*',
    fences: true,
    listItemIndent: 'one',
    rule: '-',
  });
}
