/**
 * The common paragraph written without mdast-util-to-markdown. A paragraph of plain prose — text
 * runs without formats, whose recorded source (if any) is their text itself — writes as its text,
 * in every export mode, as long as the text holds nothing Markdown would read as syntax. Running
 * to-markdown twice for it ('preserve', then 'full' to compare) costs tenths of a millisecond per
 * paragraph: nearly all of a save after typing in one paragraph of a long post.
 *
 * "Holds nothing Markdown would read" is decided conservatively, from to-markdown's own list of
 * unsafe characters (core and GFM) read against where each is unsafe; a differential test checks
 * the answer against to-markdown on generated and real paragraphs. Anything not certain goes the
 * usual way.
 */
import { $isParagraphNode, $isTextNode, $getState, type LexicalNode, type TextNode } from 'lexical';
import { $isRawTextNode } from '../constructs/raw/raw-text-node';
import { textSourceState } from '../state';

// Letters, digits, combining marks, spaces, and punctuation that is unsafe nowhere in running text
// outside links and titles (`!` only before `[`, `(` only after `]`, both excluded here).
const PROSE_CHARACTERS = /^[\p{L}\p{N}\p{M} ,;?!'"’‘“”—–…()/%.:-]+$/u;
// At the start of a block: a list item (`- `, `1. `, `2)`) or a table's delimiter row (`-:`, `:-`).
const BLOCK_START = /^(?:[ :-]|\d+\)|\d+\.(?: |$))/;
// `.` and `:` are only plain before a space or at the end: `www.site` and `https://` are GFM autolinks.
const LINK_PUNCTUATION = /[.:](?! |$)/;

/** True when to-markdown writes `text`, as a paragraph's only text, exactly as it is. */
export function readsAsItself(text: string): boolean {
  return PROSE_CHARACTERS.test(text) && !text.endsWith(' ') && !BLOCK_START.test(text) && !LINK_PUNCTUATION.test(text);
}

/**
 * The Markdown of `node` when it is a paragraph of plain prose (see above): the same string a
 * 'preserve' and a 'full' serialization give. Null when it is anything else.
 */
export function $plainProse(node: LexicalNode): string | null {
  if (!$isParagraphNode(node) || node.getType() !== 'paragraph') return null;
  let text = '';
  for (const child of node.getChildren()) {
    if (!$isPlainRun(child)) return null;
    text += child.getTextContent();
  }
  return text !== '' && readsAsItself(text) ? text : null;
}

/**
 * A text run that exports as its own text: no format export writes, not raw source, and a recorded
 * source that is exactly the text it showed (no escapes, entities or line breaks to splice back in).
 */
function $isPlainRun(node: LexicalNode): node is TextNode {
  if (!$isTextNode(node) || node.getType() !== 'text' || $isRawTextNode(node)) return false;
  if (node.hasFormat('italic') || node.hasFormat('bold') || node.hasFormat('strikethrough') || node.hasFormat('code'))
    return false;
  const record = $getState(node, textSourceState);
  return record === null || (record.code !== true && record.d === undefined && !/[\r\n]/.test(record.s));
}
