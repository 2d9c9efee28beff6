// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { typedImage } from '../../../../../renderer/editor/plugins/MarkdownFormatsPlugin';
import { mountEditor, pressKey, selectText, type EditorHarness } from '../editor-harness';

let harness: EditorHarness | undefined;
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
});

describe('typing Markdown', () => {
  it('turns ![alt](src as its ")" is typed into an image', async () => {
    harness = await mountEditor('Before ![A gull](/img/gull.png "On the pier"\n');
    const h = harness;
    await selectText(h.editor, 'pier"', 'end');
    const event = await pressKey(h.editor, ')');
    expect(event.defaultPrevented).toBe(true);
    expect(h.markdown()).toBe('Before ![A gull](/img/gull.png "On the pier")\n');
    expect(h.body.querySelector('img')?.getAttribute('alt')).toBe('A gull');
  });

  it('leaves a script address, inline code and other keys as text', async () => {
    harness = await mountEditor('Try ![x](javascript:alert\n\nAnd `![y](/y.png` too.\n');
    const h = harness;
    await selectText(h.editor, 'javascript:alert', 'end');
    expect((await pressKey(h.editor, ')')).defaultPrevented).toBe(false);
    await selectText(h.editor, '![y](/y.png', 'end');
    expect((await pressKey(h.editor, ')')).defaultPrevented).toBe(false);
    expect(h.body.querySelector('img')).toBeNull();
  });

  it('turns "| Name | Role |" and Enter at its end into a table with those headers', async () => {
    harness = await mountEditor('| Name | Role |\n\nAfter.\n');
    const h = harness;
    await selectText(h.editor, 'Role |', 'end');
    const event = await pressKey(h.editor, 'Enter');
    expect(event.defaultPrevented).toBe(true);
    expect(h.markdown()).toBe('| Name | Role |\n| --- | --- |\n|  |  |\n\nAfter.\n');
  });

  it('keeps a pipe line as text when Enter is pressed with Shift or mid-line', async () => {
    harness = await mountEditor('| Name | Role |\n');
    const h = harness;
    await selectText(h.editor, 'Name', 'end');
    await pressKey(h.editor, 'Enter');
    expect(h.body.querySelector('table')).toBeNull();
  });
});

describe('typedImage', () => {
  it('reads the image before the caret, with or without a title', () => {
    expect(typedImage('see ![a](b.png)')).toEqual({ start: 4, alt: 'a', src: 'b.png', title: null });
    expect(typedImage('![](b.png "t")')).toEqual({ start: 0, alt: '', src: 'b.png', title: 't' });
    expect(typedImage('![a](data:image/png;base64,xx)')).toBeNull();
    expect(typedImage('![a](b.png) after')).toBeNull();
  });
});
