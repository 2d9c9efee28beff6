// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { mountEditor, pressKey, selectText, type EditorHarness } from '../editor-harness';

const BODY = 'The tide turns at noon today.\n\n- ropes\n- knots\n\nBring a coat.\n';

let harness: EditorHarness | undefined;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
});
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const nextFrame = () => act(async () => vi.advanceTimersByTime(20));

describe('the selection’s counts', () => {
  it('counts the selected words and characters once a frame, and clears them when the selection collapses', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    await selectText(h.editor, 'tide turns at');
    // Nothing until the frame: Shift+Arrow held down must not recount at key-repeat speed.
    expect(h.tools.getState().selection).toBeNull();
    await nextFrame();
    expect(h.tools.getState().selection).toEqual({ words: 3, characters: 13 });
    await selectText(h.editor, 'noon', 'end');
    await nextFrame();
    expect(h.tools.getState().selection).toBeNull();
  });
});

describe('focus mode', () => {
  it('marks the list item holding the caret as well as its list', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    await act(async () => h.tools.dispatch({ type: 'settings', focusMode: true }));
    await selectText(h.editor, 'knots', 'end');
    expect(h.body.querySelector('[data-focus-current]')?.tagName).toBe('UL');
    expect(h.body.querySelector('[data-focus-item]')?.textContent).toBe('knots');
    await selectText(h.editor, 'ropes', 'end');
    expect(h.body.querySelectorAll('[data-focus-item]')).toHaveLength(1);
    expect(h.body.querySelector('[data-focus-item]')?.textContent).toBe('ropes');
    await act(async () => h.tools.dispatch({ type: 'settings', focusMode: false }));
    expect(h.body.querySelector('[data-focus-current], [data-focus-item]')).toBeNull();
  });
});

describe('typewriter scrolling', () => {
  function layOut(h: EditorHarness, caretTop: number) {
    const scroller = h.container.querySelector<HTMLElement>('.page__scroll')!;
    vi.spyOn(scroller, 'getBoundingClientRect').mockReturnValue({ top: 0, height: 600, bottom: 600 } as DOMRect);
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue({
      top: caretTop,
      height: 20,
      bottom: caretTop + 20,
    } as DOMRect);
    return scroller;
  }

  it('scrolls the caret’s line to the middle of the page as the writer types', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    await act(async () => h.tools.dispatch({ type: 'settings', typewriter: true }));
    const scroller = layOut(h, 500);
    h.body.focus();
    await pressKey(h.editor, 'ArrowRight');
    await selectText(h.editor, 'coat', 'end');
    // Lexical keeps the caret in view on its own; the typewriter's move comes on the next frame.
    const before = scroller.scrollTop;
    await nextFrame();
    // The caret's middle (510) goes to the page's middle (300).
    expect(scroller.scrollTop - before).toBe(210);
  });

  it('leaves the page where it is after a click, or while it is off', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    const scroller = layOut(h, 500);
    h.body.focus();
    await pressKey(h.editor, 'ArrowRight');
    await selectText(h.editor, 'coat', 'end');
    let before = scroller.scrollTop;
    await nextFrame();
    expect(scroller.scrollTop).toBe(before);
    await act(async () => h.tools.dispatch({ type: 'settings', typewriter: true }));
    await act(async () => h.body.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    await selectText(h.editor, 'tide', 'end');
    before = scroller.scrollTop;
    await nextFrame();
    expect(scroller.scrollTop).toBe(before);
  });
});
