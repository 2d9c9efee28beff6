/**
 * Find & replace on the Lexical document: the body read as searchable strings (one per block, built
 * from its text nodes — link text included), matches mapped back to text nodes, painted with the CSS
 * Custom Highlight API (the document is never touched to show them), and replaced in one update.
 * Code blocks, inline code and raw / MDX / shortcode source are skipped unless asked for.
 */
import { $isCodeNode } from '@lexical/code';
import {
  $createRangeSelection,
  $getNodeByKey,
  $getRoot,
  $isDecoratorNode,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  $setSelection,
  HISTORY_PUSH_TAG,
  type EditorState,
  type ElementNode,
  type LexicalEditor,
  type NodeKey,
  type TextNode,
} from 'lexical';
import { $isRawBlockNode, $isRawTextNode } from '../../../shared/document';
import { finishLoading } from '../loading-gate';
import { findInText, replacementFor, type FindQuery } from './find-matches';

/** A run of one text node inside a block's searchable string (key null: a line break). */
interface Piece {
  key: NodeKey | null;
  start: number;
  length: number;
}

/** One block's searchable text and where each part of it lives. */
export interface Segment {
  text: string;
  pieces: Piece[];
}

/** A match resolved to text nodes and offsets. */
export interface NodeMatch {
  segment: number;
  start: number;
  end: number;
  anchor: { key: NodeKey; offset: number };
  focus: { key: NodeKey; offset: number };
}

/** True for text the writer did not ask to search unless "Include code and raw blocks" is on. */
function $isCodeText(node: TextNode): boolean {
  return $isRawTextNode(node) || node.hasFormat('code');
}

function $isCodeBlock(node: ElementNode): boolean {
  return $isCodeNode(node) || $isRawBlockNode(node);
}

/** The body as searchable segments, in document order. Call inside `read` or `update`. */
export function $collectSegments(includeCode: boolean): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { text: '', pieces: [] };
  const cut = () => {
    if (current.pieces.length > 0) segments.push(current);
    current = { text: '', pieces: [] };
  };
  const visit = (element: ElementNode) => {
    for (const child of element.getChildren()) {
      if ($isTextNode(child)) {
        if (!includeCode && $isCodeText(child)) {
          cut();
          continue;
        }
        const text = child.getTextContent();
        current.pieces.push({ key: child.getKey(), start: current.text.length, length: text.length });
        current.text += text;
      } else if ($isLineBreakNode(child)) {
        current.pieces.push({ key: null, start: current.text.length, length: 1 });
        current.text += '\n';
      } else if ($isElementNode(child)) {
        if (child.isInline()) {
          visit(child);
          continue;
        }
        cut();
        if (includeCode || !$isCodeBlock(child)) visit(child);
        cut();
      } else if ($isDecoratorNode(child)) {
        cut();
      }
    }
  };
  visit($getRoot());
  cut();
  return segments;
}

// Segments per editor state (states are immutable): typing in the find field searches the same
// state again and again, and reading a 100k-word body into segments costs ~50 ms each time.
const segmentCache = new WeakMap<EditorState, Map<boolean, Segment[]>>();

/** The editor's current body as segments, read once per editor state. */
export function segmentsOf(editor: LexicalEditor, includeCode: boolean): Segment[] {
  // Matches in the whole post, also the part of a long one still arriving.
  finishLoading(editor);
  const state = editor.getEditorState();
  let byMode = segmentCache.get(state);
  if (!byMode) {
    byMode = new Map();
    segmentCache.set(state, byMode);
  }
  let segments = byMode.get(includeCode);
  if (!segments) {
    segments = state.read(() => $collectSegments(includeCode));
    byMode.set(includeCode, segments);
  }
  return segments;
}

// The text node and offset at `position` of a segment; `end` picks the piece a match ends in.
function locate(segment: Segment, position: number, end: boolean): { key: NodeKey; offset: number } | null {
  for (const piece of segment.pieces) {
    const inside = end
      ? position > piece.start && position <= piece.start + piece.length
      : position >= piece.start && position < piece.start + piece.length;
    if (!inside) continue;
    return piece.key === null ? null : { key: piece.key, offset: position - piece.start };
  }
  return null;
}

/** Every match of `pattern` in the segments, mapped to text nodes (a match starting or ending on a line break is left out). */
export function matchSegments(segments: readonly Segment[], pattern: RegExp): NodeMatch[] {
  const matches: NodeMatch[] = [];
  segments.forEach((segment, index) => {
    for (const match of findInText(segment.text, pattern)) {
      const anchor = locate(segment, match.start, false);
      const focus = locate(segment, match.end, true);
      if (anchor && focus) matches.push({ segment: index, start: match.start, end: match.end, anchor, focus });
    }
  });
  return matches;
}

// The first DOM text node under a text node's element (formats nest it in <strong>, <em>, …).
function domText(editor: LexicalEditor, key: NodeKey): Text | null {
  const element = editor.getElementByKey(key);
  if (!element) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  return walker.nextNode() as Text | null;
}

/** A DOM range over a match, for highlighting and scrolling; null when its nodes are not rendered. */
export function domRange(editor: LexicalEditor, match: NodeMatch): Range | null {
  const start = domText(editor, match.anchor.key);
  const end = match.focus.key === match.anchor.key ? start : domText(editor, match.focus.key);
  if (!start || !end) return null;
  try {
    const range = document.createRange();
    range.setStart(start, Math.min(match.anchor.offset, start.length));
    range.setEnd(end, Math.min(match.focus.offset, end.length));
    return range;
  } catch {
    return null;
  }
}

const ALL = 'masthead-find';
const CURRENT = 'masthead-find-current';

/** Paints the matches (and the current one) with CSS highlights; a no-op where the API is missing. */
export function paintMatches(ranges: readonly Range[], current: Range | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return;
  CSS.highlights.set(ALL, new Highlight(...ranges));
  if (current) CSS.highlights.set(CURRENT, new Highlight(current));
  else CSS.highlights.delete(CURRENT);
}

/** Removes the find highlights. */
export function clearPaint(): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.delete(ALL);
  CSS.highlights.delete(CURRENT);
}

// Replaces one match in place: within one text node its format stays; across nodes the text takes the first node's format.
function $replaceMatch(match: NodeMatch, text: string): boolean {
  const anchorNode = $getNodeByKey(match.anchor.key);
  const focusNode = $getNodeByKey(match.focus.key);
  if (!$isTextNode(anchorNode) || !$isTextNode(focusNode)) return false;
  if (anchorNode === focusNode) {
    anchorNode.spliceText(match.anchor.offset, match.focus.offset - match.anchor.offset, text, false);
    return true;
  }
  const selection = $createRangeSelection();
  selection.anchor.set(anchorNode.getKey(), match.anchor.offset, 'text');
  selection.focus.set(focusNode.getKey(), match.focus.offset, 'text');
  selection.format = anchorNode.getFormat();
  selection.style = anchorNode.getStyle();
  $setSelection(selection);
  selection.insertText(text);
  return true;
}

/**
 * Replaces `which` matches (all when null) as ONE undo step, working from the last to the first so
 * earlier offsets stay valid. Returns how many were replaced.
 */
export function replaceMatches(
  editor: LexicalEditor,
  query: FindQuery,
  pattern: RegExp,
  replacement: string,
  includeCode: boolean,
  which: number | null,
): number {
  let replaced = 0;
  editor.update(
    () => {
      const segments = $collectSegments(includeCode);
      const matches = matchSegments(segments, pattern);
      const chosen = which === null ? matches : matches.slice(which, which + 1);
      // The caret may sit in text about to change length: it goes after the first replacement instead.
      $setSelection(null);
      let caret: { key: NodeKey; offset: number } | null = null;
      for (const match of [...chosen].reverse()) {
        const segment = segments[match.segment];
        if (!segment) continue;
        const text = replacementFor(segment.text, match, replacement, query, pattern);
        if (!$replaceMatch(match, text)) continue;
        replaced += 1;
        caret = { key: match.anchor.key, offset: match.anchor.offset + text.length };
      }
      const node = caret ? $getNodeByKey(caret.key) : null;
      if (caret && $isTextNode(node) && node.isAttached()) {
        const offset = Math.min(caret.offset, node.getTextContentSize());
        node.select(offset, offset);
      } else $setSelection(null);
    },
    { tag: HISTORY_PUSH_TAG, discrete: true },
  );
  return replaced;
}

/** Puts the editor's selection on a match (closing the bar leaves the writer on it). */
export function selectMatch(editor: LexicalEditor, match: NodeMatch): void {
  editor.update(() => {
    const anchorNode = $getNodeByKey(match.anchor.key);
    const focusNode = $getNodeByKey(match.focus.key);
    if (!$isTextNode(anchorNode) || !$isTextNode(focusNode)) return;
    const selection = $createRangeSelection();
    selection.anchor.set(anchorNode.getKey(), match.anchor.offset, 'text');
    selection.focus.set(focusNode.getKey(), match.focus.offset, 'text');
    $setSelection(selection);
  });
}
