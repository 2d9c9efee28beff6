// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mountEditor, pressKey, selectText, type EditorHarness } from '../editor-harness';

let harness: EditorHarness | undefined;
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
});

describe('Tab in the post body', () => {
  it('nests a list item under the one above, and Shift+Tab brings it back out', async () => {
    harness = await mountEditor('- ropes\n- knots\n- sails\n');
    const h = harness;
    await selectText(h.editor, 'knots', 'end');
    const event = await pressKey(h.editor, 'Tab');
    expect(event.defaultPrevented).toBe(true);
    expect(h.markdown()).toBe('- ropes\n  - knots\n- sails\n');
    await pressKey(h.editor, 'Tab', { shift: true });
    expect(h.markdown()).toBe('- ropes\n- knots\n- sails\n');
  });

  it('does not nest the first item, which has nothing above it', async () => {
    harness = await mountEditor('- ropes\n- knots\n');
    const h = harness;
    await selectText(h.editor, 'ropes', 'end');
    await pressKey(h.editor, 'Tab');
    expect(h.markdown()).toBe('- ropes\n- knots\n');
  });

  it('types a tab in a code block and does nothing in a paragraph, keeping focus in the post', async () => {
    harness = await mountEditor('A line.\n\n```\nmake all\n```\n');
    const h = harness;
    await selectText(h.editor, 'make', 'end');
    await pressKey(h.editor, 'Tab');
    expect(h.markdown()).toBe('A line.\n\n```\nmake\t all\n```\n');
    await selectText(h.editor, 'A line', 'end');
    const event = await pressKey(h.editor, 'Tab');
    expect(event.defaultPrevented).toBe(true);
    expect(h.markdown()).toBe('A line.\n\n```\nmake\t all\n```\n');
  });

  it('Escape takes focus out of the editor, so the next Tab moves on from there', async () => {
    harness = await mountEditor('- ropes\n- knots\n');
    const h = harness;
    await selectText(h.editor, 'knots', 'end');
    h.body.focus();
    expect(document.activeElement).toBe(h.body);
    await pressKey(h.editor, 'Escape');
    expect(document.activeElement).not.toBe(h.body);
    expect(h.markdown()).toBe('- ropes\n- knots\n');
  });
});
