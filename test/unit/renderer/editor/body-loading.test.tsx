// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  SELECT_ALL_COMMAND,
  UNDO_COMMAND,
  $isElementNode,
  $createTextNode,
} from 'lexical';
import { loadDocument } from '../../../../shared/document';
import { exportBodyIncrementally } from '../../../../renderer/editor/block-export';
import { segmentsOf } from '../../../../renderer/editor/find/find-editor';
import { restoreVersion } from '../../../../renderer/history/restore';
import { restorePlace } from '../../../../renderer/sync/keep-view';
import { mountEditor, pressKey, update, type EditorHarness } from './editor-harness';

// A long post (over the 24,000 characters from which a post is loaded in parts): varied blocks,
// each section numbered so the last one is easy to find.
const SECTION = (n: number): string =>
  [
    `## Watch ${n}`,
    `The keeper climbed the ${n} steps at dusk, as his father had, and wrote the time in the log.`,
    '* gulls circle the rock\n* the tide *comes* in',
    '```\nlamp: lit\n\nwick: trimmed\n```',
    '> A quote of __five__ words.',
  ].join('\n\n');
const BODY = `${Array.from({ length: 120 }, (_, index) => SECTION(index + 1)).join('\n\n')}\n`;
const BLOCKS = loadDocument(BODY)
  .getEditorState()
  .read(() => $getRoot().getChildrenSize());

const blocksIn = (harness: EditorHarness): number => harness.editor.read(() => $getRoot().getChildrenSize());

let harness: EditorHarness | undefined;
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
});

async function typeInFirstParagraph(h: EditorHarness, text: string): Promise<void> {
  await update(h.editor, () => {
    const paragraph = $getRoot().getChildAtIndex(1);
    if ($isElementNode(paragraph)) paragraph.append($createTextNode(text));
  });
}

describe('a long post loading in parts', () => {
  expect(BODY.length).toBeGreaterThan(24_000);

  it('shows its first screens at once and the rest soon after, with nothing to undo or save', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    expect(blocksIn(h)).toBeGreaterThan(5);
    expect(blocksIn(h)).toBeLessThan(BLOCKS / 2);
    await vi.waitFor(() => expect(blocksIn(h)).toBe(BLOCKS), { timeout: 5000 });
    expect(h.markdown()).toBe(BODY);
    expect(h.store.getState().bodyEdited).toBe(false);
    expect(h.body.textContent).toContain('Watch 120');
  });

  it('writes every byte when saved before the rest arrives, bringing the rest in first', async () => {
    harness = await mountEditor(BODY);
    expect(blocksIn(harness)).toBeLessThan(BLOCKS);
    // Even read without the gate, the unloaded rest is part of the body.
    expect(harness.markdown()).toBe(BODY);
    expect(exportBodyIncrementally(harness.editor)).toBe(BODY);
    expect(blocksIn(harness)).toBe(BLOCKS);
  });

  it('keeps an edit made before the rest arrived; undo then brings the rest in and never takes it away', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    await typeInFirstParagraph(h, ' Typed at once.');
    expect(blocksIn(h)).toBeLessThan(BLOCKS);
    await act(async () => {
      h.editor.dispatchCommand(UNDO_COMMAND, undefined);
    });
    await act(async () => {
      h.editor.dispatchCommand(UNDO_COMMAND, undefined);
    });
    const edited = BODY.replace('wrote the time in the log.', 'wrote the time in the log. Typed at once.');
    expect(blocksIn(h)).toBe(BLOCKS);
    expect(h.markdown()).toBe(edited);
    expect(exportBodyIncrementally(h.editor)).toBe(edited);
    expect(h.store.getState().bodyEdited).toBe(true);
  });

  it('undoes edits made after the rest arrived as usual', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    await vi.waitFor(() => expect(blocksIn(h)).toBe(BLOCKS), { timeout: 5000 });
    await typeInFirstParagraph(h, ' Typed later.');
    await act(async () => {
      h.editor.dispatchCommand(UNDO_COMMAND, undefined);
    });
    expect(h.markdown()).toBe(BODY);
  });

  it('selects the whole post on select all, and reaches its end on Ctrl+End, while the rest is arriving', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    await act(async () => {
      h.editor.dispatchCommand(SELECT_ALL_COMMAND, new KeyboardEvent('keydown'));
    });
    expect(blocksIn(h)).toBe(BLOCKS);
    const selected = h.editor.read(() => {
      const selection = $getSelection();
      return $isRangeSelection(selection) ? selection.getTextContent() : '';
    });
    expect(selected).toContain('Watch 120');
    await harness.mounted.unmount();

    harness = await mountEditor(BODY);
    expect(blocksIn(harness)).toBeLessThan(BLOCKS);
    await pressKey(harness.editor, 'End', { ctrl: true, meta: true });
    expect(blocksIn(harness)).toBe(BLOCKS);
  });

  it('gives way to a click or key waiting to be handled: the rest arrives once none waits', async () => {
    let waiting = true;
    vi.stubGlobal('navigator', { ...navigator, scheduling: { isInputPending: () => waiting } });
    try {
      harness = await mountEditor(BODY);
      const h = harness;
      const shown = blocksIn(h);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(blocksIn(h)).toBe(shown);
      waiting = false;
      await vi.waitFor(() => expect(blocksIn(h)).toBe(BLOCKS), { timeout: 5000 });
      expect(h.markdown()).toBe(BODY);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('ends a slice after the block it is building when a click or key comes meanwhile', async () => {
    // No input waits while the slice starts (twice asked: before it, and for its clock's start), then some does.
    let asked = 0;
    let mounting = true;
    vi.stubGlobal('navigator', {
      ...navigator,
      scheduling: { isInputPending: () => !mounting && ++asked > 2 },
    });
    try {
      harness = await mountEditor(BODY);
      const h = harness;
      const shown = blocksIn(h);
      mounting = false;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(blocksIn(h)).toBe(shown + 1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('lets the frame of a key or click be painted before the next slice', async () => {
    // Frames are painted when the test says so.
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const paint = () => frames.splice(0).forEach((callback) => callback(performance.now()));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
    try {
      harness = await mountEditor(BODY);
      const h = harness;
      const shown = blocksIn(h);
      // The rest starts once the first part is painted.
      await settle();
      expect(blocksIn(h)).toBe(shown);
      // A key, then a click, each before the slice that the frame before it let start.
      for (const event of [new KeyboardEvent('keydown', { key: 'a' }), new Event('pointerdown')]) {
        paint();
        window.dispatchEvent(event);
        await settle();
        expect(blocksIn(h)).toBe(shown);
      }
      paint();
      await vi.waitFor(() => expect(blocksIn(h)).toBe(BLOCKS), { timeout: 5000 });
      expect(h.markdown()).toBe(BODY);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('stops loading when the post is closed before the rest arrived', async () => {
    harness = await mountEditor(BODY);
    const editor = harness.editor;
    const shown = blocksIn(harness);
    await harness.mounted.unmount();
    harness = undefined;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(editor.read(() => $getRoot().getChildrenSize())).toBe(shown);
  });

  it('finds in the whole post while the rest is arriving', async () => {
    harness = await mountEditor(BODY);
    expect(blocksIn(harness)).toBeLessThan(BLOCKS);
    const text = segmentsOf(harness.editor, false)
      .map((segment) => segment.text)
      .join('\n');
    expect(text).toContain('Watch 120');
    expect(blocksIn(harness)).toBe(BLOCKS);
  });

  it('restores a version over the whole post, never followed by the rest of the old text', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    expect(blocksIn(h)).toBeLessThan(BLOCKS);
    const version = { id: 'v0', frontMatter: { title: 'Harbour' }, body: 'The first draft, one line.\n' };
    await act(async () => restoreVersion(h.editor, h.controller, h.store.getState().post!, version));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.markdown()).toBe(version.body);
    expect(exportBodyIncrementally(h.editor)).toBe(version.body);
  });

  it('puts the caret back deep in the post (after a reload) while the rest is arriving', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    expect(blocksIn(h)).toBeLessThan(BLOCKS);
    const deep = { block: BLOCKS - 4, offset: 3 };
    await act(async () =>
      restorePlace(h.editor, { scrollTop: 0, focused: false, selection: { anchor: deep, focus: deep } }),
    );
    const where = h.editor.read(() => {
      const selection = $getSelection();
      return $isRangeSelection(selection)
        ? selection.anchor.getNode().getTopLevelElementOrThrow().getIndexWithinParent()
        : -1;
    });
    expect(where).toBe(BLOCKS - 4);
  });
});
