/**
 * Keeps the writer's place when the open post is reloaded because its file changed on disk: the
 * caret (or selection) and the scroll position are noted before, and put back on the new editor.
 * A place is a block's index and a character offset in its text, so it survives a new editor
 * whose nodes have other keys; a change above the caret moves it by whole blocks at most.
 */
import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type LexicalEditor,
  type PointType,
} from 'lexical';
import { finishLoading } from '../editor/loading-gate';

/** A point as a block index and a character offset in that block's text. */
export interface BlockPoint {
  block: number;
  offset: number;
}

/** The writer's place in the page. */
export interface EditorPlace {
  scrollTop: number;
  selection: { anchor: BlockPoint; focus: BlockPoint } | null;
  /** The body had focus: it gets it back. */
  focused: boolean;
}

/** The element that scrolls the page around the editor. */
function scrollerOf(editor: LexicalEditor): HTMLElement | null {
  return editor.getRootElement()?.closest<HTMLElement>('.page__scroll') ?? null;
}

/** Notes where the writer is in `editor` (null without an editor). */
export function capturePlace(editor: LexicalEditor | null): EditorPlace | null {
  if (!editor) return null;
  const root = editor.getRootElement();
  const focused = root !== null && root.contains(root.ownerDocument.activeElement);
  const selection = editor.getEditorState().read(() => {
    const current = $getSelection();
    if (!$isRangeSelection(current)) return null;
    const anchor = $blockPoint(current.anchor);
    const focus = $blockPoint(current.focus);
    return anchor && focus ? { anchor, focus } : null;
  });
  return { scrollTop: scrollerOf(editor)?.scrollTop ?? 0, selection, focused };
}

function $blockPoint(point: PointType): BlockPoint | null {
  const node = point.getNode();
  // A point on the root itself sits between blocks.
  if (node.getParent() === null) return { block: point.offset, offset: 0 };
  const block = node.getTopLevelElement();
  if (!block) return null;
  const index = block.getIndexWithinParent();
  const texts = $isElementNode(block) ? block.getAllTextNodes() : [];
  let offset = 0;
  if (point.type === 'text') {
    for (const text of texts) {
      if (text.is(node)) return { block: index, offset: offset + point.offset };
      offset += text.getTextContentSize();
    }
    return { block: index, offset: 0 };
  }
  // An element point: the characters of the block's text that come before it.
  const target = $isElementNode(node) ? node.getChildAtIndex(point.offset) : null;
  for (const text of texts) {
    const before = target
      ? !text.is(target) && !target.isParentOf(text) && text.isBefore(target)
      : node.isParentOf(text) || text.isBefore(node);
    if (before) offset += text.getTextContentSize();
  }
  return { block: index, offset };
}

/** Puts the writer back at `place` in `editor`: selection, focus when it had it, and scroll. */
export function restorePlace(editor: LexicalEditor, place: EditorPlace): void {
  // The place may lie in the part of a long post still arriving.
  finishLoading(editor);
  const root = editor.getRootElement();
  if (place.focused) root?.focus({ preventScroll: true });
  if (place.selection) {
    const { anchor, focus } = place.selection;
    editor.update(
      () => {
        const start = $resolve(anchor);
        const end = $resolve(focus);
        if (!start || !end) return;
        const selection = $createRangeSelection();
        selection.anchor.set(start.key, start.offset, start.type);
        selection.focus.set(end.key, end.offset, end.type);
        $setSelection(selection);
      },
      // Selection only (nothing dirty, so not an edit); the scroll is put back below instead.
      { tag: SKIP_SCROLL_INTO_VIEW_TAG, discrete: true },
    );
  }
  const scroller = scrollerOf(editor);
  if (scroller) scroller.scrollTop = place.scrollTop;
}

function $resolve(point: BlockPoint): { key: string; offset: number; type: 'text' | 'element' } | null {
  const root = $getRoot();
  const count = root.getChildrenSize();
  if (count === 0) return null;
  const block = root.getChildAtIndex(Math.min(point.block, count - 1));
  if (!block) return null;
  if (!$isElementNode(block)) return { key: root.getKey(), offset: block.getIndexWithinParent(), type: 'element' };
  // A block beyond the end of the new text: its end.
  const offset = point.block >= count ? Number.MAX_SAFE_INTEGER : point.offset;
  const texts = block.getAllTextNodes().filter($isTextNode);
  let left = offset;
  for (const text of texts) {
    const size = text.getTextContentSize();
    if (left <= size) return { key: text.getKey(), offset: left, type: 'text' };
    left -= size;
  }
  const last = texts.at(-1);
  if (last) return { key: last.getKey(), offset: last.getTextContentSize(), type: 'text' };
  return { key: block.getKey(), offset: 0, type: 'element' };
}

/**
 * Waits for the editor in `ref` to be replaced by a new one (the post remounts after a reload), then
 * restores `place` on it. Gives up after `timeoutMs` (the writer opened another post meanwhile).
 */
export function restorePlaceOnNextEditor(
  ref: { current: LexicalEditor | null },
  previous: LexicalEditor | null,
  place: EditorPlace,
  timeoutMs = 2000,
): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const check = () => {
      const editor = ref.current;
      if (editor && editor !== previous && editor.getRootElement()) {
        restorePlace(editor, place);
        // The layout may still settle (images, fonts): put the scroll back once more on the next frame.
        requestAnimationFrame(() => {
          const scroller = scrollerOf(editor);
          if (scroller) scroller.scrollTop = place.scrollTop;
          resolve(true);
        });
        return;
      }
      if (Date.now() > end) resolve(false);
      else requestAnimationFrame(check);
    };
    check();
  });
}
