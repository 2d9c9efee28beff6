// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { mountEditor, selectText, update, type EditorHarness } from '../editor-harness';

let harness: EditorHarness | undefined;
let idle: (() => void)[];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  // The count waits for an idle moment; the test says when the browser is idle.
  idle = [];
  // happy-dom has no idle callbacks (the plugin then falls back to a real timer): give it ones the test runs.
  window.requestIdleCallback = (callback) => idle.push(() => callback({ didTimeout: false, timeRemaining: () => 0 }));
  window.cancelIdleCallback = () => undefined;
});
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
  vi.useRealTimers();
  delete (window as Partial<Window>).requestIdleCallback;
  delete (window as Partial<Window>).cancelIdleCallback;
});

describe('tracking the writer’s changes', () => {
  it('counts the words when the post opens, and again after a pause and an idle moment', async () => {
    harness = await mountEditor('One two three.\n');
    const h = harness;
    expect(h.store.getState().words).toBe(3);
    expect(h.store.getState().dirty).toBe(false);
    await update(h.editor, () => {
      $getRoot().append($createParagraphNode().append($createTextNode('Four five.')));
    });
    expect(h.store.getState().dirty).toBe(true);
    expect(h.store.getState().words).toBe(3);
    await act(async () => vi.advanceTimersByTime(250));
    expect(h.store.getState().words).toBe(3);
    await act(async () => idle.splice(0).forEach((callback) => callback()));
    expect(h.store.getState().words).toBe(5);
  });

  it('does not call a caret move an edit', async () => {
    harness = await mountEditor('One two three.\n');
    const h = harness;
    await selectText(h.editor, 'two', 'end');
    expect(h.store.getState().dirty).toBe(false);
  });
});
