// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { mountEditor, pressKey, type EditorHarness } from '../editor-harness';

let harness: EditorHarness | undefined;
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
});

describe('reaching the ends of a long post', () => {
  it('lays out the first and last blocks for Ctrl+End, until the next other key or a blur', async () => {
    harness = await mountEditor('First.\n\nLast.\n');
    const h = harness;
    await pressKey(h.editor, 'End', { ctrl: true });
    expect(h.body.hasAttribute('data-reach-edges')).toBe(true);
    // Modifier keys alone (Shift for Ctrl+Shift+Home) keep it.
    await pressKey(h.editor, 'Shift', { ctrl: true, shift: true });
    expect(h.body.hasAttribute('data-reach-edges')).toBe(true);
    await pressKey(h.editor, 'a');
    expect(h.body.hasAttribute('data-reach-edges')).toBe(false);
    await pressKey(h.editor, 'Home', { ctrl: true });
    expect(h.body.hasAttribute('data-reach-edges')).toBe(true);
    await act(async () => h.body.dispatchEvent(new FocusEvent('blur')));
    expect(h.body.hasAttribute('data-reach-edges')).toBe(false);
  });
});
