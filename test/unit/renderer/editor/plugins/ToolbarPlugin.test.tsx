// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { $getRoot } from 'lexical';
import { allByRole, click, getByRole } from '../../dom';
import { mountEditor, pressKey, selectText, type EditorHarness } from '../editor-harness';

const BODY = 'The tide turns at noon.\n\nBring a coat and boots.\n';

let harness: EditorHarness | undefined;
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
});

async function open(body = BODY): Promise<EditorHarness> {
  harness = await mountEditor(body);
  return harness;
}

const toolbar = (h: EditorHarness) => getByRole(h.container, 'toolbar', 'Formatting');
const button = (h: EditorHarness, name: string) => getByRole(toolbar(h), 'button', name);

describe('the formatting toolbar', () => {
  it('makes the selected words bold, italic and code, and shows them pressed', async () => {
    const h = await open();
    await selectText(h.editor, 'tide');
    await click(button(h, 'Bold'));
    expect(h.markdown()).toBe('The **tide** turns at noon.\n\nBring a coat and boots.\n');
    expect(button(h, 'Bold').getAttribute('aria-pressed')).toBe('true');
    expect(button(h, 'Italic').getAttribute('aria-pressed')).toBe('false');

    await selectText(h.editor, 'coat');
    await click(button(h, 'Italic'));
    await selectText(h.editor, 'boots');
    await click(button(h, 'Inline code'));
    expect(h.markdown()).toBe('The **tide** turns at noon.\n\nBring a *coat* and `boots`.\n');
    expect(button(h, 'Inline code').getAttribute('aria-pressed')).toBe('true');
  });

  it('turns a paragraph into a list, a numbered list and a quote, and back', async () => {
    const h = await open();
    await selectText(h.editor, 'coat', 'end');
    await click(button(h, 'Bulleted list'));
    expect(h.markdown()).toBe('The tide turns at noon.\n\n- Bring a coat and boots.\n');
    expect(button(h, 'Bulleted list').getAttribute('aria-pressed')).toBe('true');
    await click(button(h, 'Numbered list'));
    expect(h.markdown()).toBe('The tide turns at noon.\n\n1. Bring a coat and boots.\n');
    await click(button(h, 'Numbered list'));
    expect(h.markdown()).toBe(BODY);

    await selectText(h.editor, 'tide', 'end');
    await click(button(h, 'Quote'));
    expect(h.markdown()).toBe('> The tide turns at noon.\n\nBring a coat and boots.\n');
    expect(button(h, 'Quote').getAttribute('aria-pressed')).toBe('true');
    await click(button(h, 'Quote'));
    expect(h.markdown()).toBe(BODY);
  });

  it('undoes and redoes an edit, and disables each when there is nothing to do', async () => {
    const h = await open();
    expect(button(h, 'Undo')).toHaveProperty('disabled', true);
    await selectText(h.editor, 'noon');
    await click(button(h, 'Bold'));
    expect(button(h, 'Undo')).toHaveProperty('disabled', false);
    await click(button(h, 'Undo'));
    expect(h.markdown()).toBe(BODY);
    expect(button(h, 'Redo')).toHaveProperty('disabled', false);
    await click(button(h, 'Redo'));
    expect(h.markdown()).toBe('The tide turns at **noon**.\n\nBring a coat and boots.\n');
  });

  it('moves between its buttons with the arrow keys, Home and End, one tab stop at a time', async () => {
    const h = await open();
    const bold = button(h, 'Bold');
    bold.focus();
    await act(async () => bold.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(document.activeElement).toBe(button(h, 'Italic'));
    expect(button(h, 'Italic').tabIndex).toBe(0);
    expect(bold.tabIndex).toBe(-1);
    await act(async () =>
      button(h, 'Italic').dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })),
    );
    expect(document.activeElement).toBe(button(h, 'Insert'));
    await act(async () =>
      button(h, 'Insert').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })),
    );
    // Undo and Redo are disabled, so the last enabled button is the quote.
    expect(document.activeElement).toBe(button(h, 'Quote'));
  });
});

describe('the block-type menu', () => {
  const menuButton = (h: EditorHarness) =>
    allByRole(toolbar(h), 'button').find((element) => element.getAttribute('aria-haspopup') === 'menu')!;

  it('names the block the caret is in and makes it a heading of the level chosen', async () => {
    const h = await open();
    await selectText(h.editor, 'coat', 'end');
    expect(menuButton(h).getAttribute('aria-label')).toBe('Block type: Paragraph');
    await click(menuButton(h));
    const menu = getByRole(document.body, 'menu', 'Block type');
    const items = allByRole(menu, 'menuitemradio');
    expect(items.map((item) => item.textContent)).toEqual([
      '✓ParagraphCtrl+Alt+0',
      'Heading 1Ctrl+Alt+1',
      'Heading 2Ctrl+Alt+2',
      'Heading 3Ctrl+Alt+3',
      'Heading 4Ctrl+Alt+4',
    ]);
    expect(document.activeElement).toBe(items[0]);
    await click(items[2]!);
    expect(h.markdown()).toBe('The tide turns at noon.\n\n## Bring a coat and boots.\n');
    expect(allByRole(document.body, 'menu', 'Block type')).toHaveLength(0);
    expect(menuButton(h).getAttribute('aria-label')).toBe('Block type: Heading 2');
  });

  it('opens on the arrow keys, moves with them and closes on Escape without changing the block', async () => {
    const h = await open();
    await selectText(h.editor, 'tide', 'end');
    await act(async () => menuButton(h).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true })));
    const menu = getByRole(document.body, 'menu', 'Block type');
    const items = allByRole(menu, 'menuitemradio');
    // The current block's item takes focus, whichever end the arrow asked for.
    expect(document.activeElement).toBe(items[0]);
    await act(async () => menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
    expect(document.activeElement).toBe(items[4]);
    await act(async () => menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(document.activeElement).toBe(items[0]);
    await act(async () => menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(allByRole(document.body, 'menu', 'Block type')).toHaveLength(0);
    expect(h.markdown()).toBe(BODY);
  });

  it('closes when the writer clicks elsewhere', async () => {
    const h = await open();
    await click(menuButton(h));
    expect(allByRole(document.body, 'menu', 'Block type')).toHaveLength(1);
    await act(async () => h.body.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    expect(allByRole(document.body, 'menu', 'Block type')).toHaveLength(0);
  });
});

describe('formatting keys in the body', () => {
  it('Ctrl+E is inline code, Ctrl+Alt+digits are headings, Ctrl+Shift+8/7/9 lists and quote', async () => {
    const h = await open();
    await selectText(h.editor, 'tide');
    const event = await pressKey(h.editor, 'e', { ctrl: true });
    expect(event.defaultPrevented).toBe(true);
    expect(h.markdown()).toBe('The `tide` turns at noon.\n\nBring a coat and boots.\n');

    await selectText(h.editor, 'turns', 'end');
    await pressKey(h.editor, '3', { ctrl: true, alt: true });
    expect(h.markdown()).toBe('### The `tide` turns at noon.\n\nBring a coat and boots.\n');
    // The same level again turns it back into a paragraph.
    await pressKey(h.editor, '3', { ctrl: true, alt: true });
    await pressKey(h.editor, '0', { ctrl: true, alt: true });
    expect(h.markdown()).toBe('The `tide` turns at noon.\n\nBring a coat and boots.\n');

    await selectText(h.editor, 'coat', 'end');
    await pressKey(h.editor, '8', { ctrl: true, shift: true, code: 'Digit8' });
    expect(h.markdown()).toBe('The `tide` turns at noon.\n\n- Bring a coat and boots.\n');
    await pressKey(h.editor, '7', { ctrl: true, shift: true, code: 'Digit7' });
    expect(h.markdown()).toBe('The `tide` turns at noon.\n\n1. Bring a coat and boots.\n');
    await pressKey(h.editor, '7', { ctrl: true, shift: true, code: 'Digit7' });
    await pressKey(h.editor, '9', { ctrl: true, shift: true, code: 'Digit9' });
    expect(h.markdown()).toBe('The `tide` turns at noon.\n\n> Bring a coat and boots.\n');
  });

  it('Ctrl+Y redoes, and Ctrl+U (underline, which Markdown cannot keep) does nothing', async () => {
    const h = await open();
    await selectText(h.editor, 'coat');
    await pressKey(h.editor, 'u', { ctrl: true });
    // Nothing on screen either: an underline would vanish on save.
    const underlined = h.editor.read(() =>
      $getRoot()
        .getAllTextNodes()
        .some((node) => node.hasFormat('underline')),
    );
    expect(underlined).toBe(false);
    expect(h.markdown()).toBe(BODY);
    await pressKey(h.editor, 'e', { ctrl: true });
    await click(button(h, 'Undo'));
    expect(h.markdown()).toBe(BODY);
    await pressKey(h.editor, 'y', { ctrl: true });
    expect(h.markdown()).toBe('The tide turns at noon.\n\nBring a `coat` and boots.\n');
  });

  it('leaves keys it does not know to the editor', async () => {
    const h = await open();
    await selectText(h.editor, 'coat');
    const event = await pressKey(h.editor, 'q', { ctrl: true });
    expect(event.defaultPrevented).toBe(false);
    expect(h.markdown()).toBe(BODY);
  });
});
