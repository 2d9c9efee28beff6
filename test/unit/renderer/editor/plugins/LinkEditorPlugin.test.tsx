// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { allByRole, click, getByRole, typeInto } from '../../dom';
import { OPEN_LINK_EDITOR_COMMAND } from '../../../../../renderer/editor/plugins/LinkEditorPlugin';
import { mountEditor, pressKey, selectText, type EditorHarness } from '../editor-harness';

const BODY = 'Read the tide tables before you sail.\n\nSee [the harbour office](https://example.org/harbour).\n';

let harness: EditorHarness | undefined;
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
});

async function open(body = BODY): Promise<EditorHarness> {
  harness = await mountEditor(body);
  return harness;
}

const popover = (name: string) => getByRole(document.body, 'dialog', name);
const noPopover = () => allByRole(document.body, 'dialog').filter((d) => d.classList.contains('link-popover'));

async function submit(form: HTMLElement) {
  await act(async () => form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
}

describe('the link popover', () => {
  it('links the selected words to the address typed, adding https:// to a bare domain', async () => {
    const h = await open();
    await selectText(h.editor, 'tide tables');
    await pressKey(h.editor, 'k', { ctrl: true });
    const form = popover('Add link');
    await typeInto(getByRole(form, 'textbox', 'Link URL'), 'tides.example.org/today');
    await submit(form);
    expect(h.markdown()).toBe(
      'Read the [tide tables](https://tides.example.org/today) before you sail.\n\nSee [the harbour office](https://example.org/harbour).\n',
    );
    expect(noPopover()).toHaveLength(0);
  });

  it('refuses a script address and an address with spaces, saying why, and links nothing', async () => {
    const h = await open();
    await selectText(h.editor, 'sail');
    await act(async () => void h.editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined));
    const form = popover('Add link');
    const input = getByRole(form, 'textbox', 'Link URL');
    await typeInto(input, 'javascript:alert(1)');
    await submit(form);
    expect(getByRole(form, 'alert').textContent).toMatch(/^This address can't be used as a link: /);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await typeInto(input, 'two words');
    await submit(form);
    expect(getByRole(form, 'alert').textContent).toBe(
      'Type a web address such as https://example.org, or a path such as /about.',
    );
    expect(h.markdown()).toBe(BODY);
  });

  it('shows an existing link’s address and removes the link, keeping the words', async () => {
    const h = await open();
    await selectText(h.editor, 'harbour', 'end');
    await pressKey(h.editor, 'k', { ctrl: true });
    const form = popover('Edit link');
    const input = getByRole(form, 'textbox', 'Link URL');
    expect((input as HTMLInputElement).value).toBe('https://example.org/harbour');
    await click(getByRole(form, 'button', 'Remove link'));
    expect(h.markdown()).toBe('Read the tide tables before you sail.\n\nSee the harbour office.\n');
  });

  it('with nothing selected, inserts the address itself as a link', async () => {
    const h = await open();
    await selectText(h.editor, 'sail.', 'end');
    await pressKey(h.editor, 'k', { ctrl: true });
    const form = popover('Add link');
    await typeInto(getByRole(form, 'textbox', 'Link URL'), '/tides');
    await click(getByRole(form, 'button', 'Apply link'));
    expect(h.markdown()).toBe(
      'Read the tide tables before you sail.[/tides](/tides)\n\nSee [the harbour office](https://example.org/harbour).\n',
    );
  });

  it('closes on Escape, on Cancel and on a click outside, changing nothing', async () => {
    const h = await open();
    await selectText(h.editor, 'tide');
    await pressKey(h.editor, 'k', { ctrl: true });
    await act(async () =>
      popover('Add link').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(noPopover()).toHaveLength(0);
    await pressKey(h.editor, 'k', { ctrl: true });
    await click(getByRole(popover('Add link'), 'button', 'Cancel'));
    expect(noPopover()).toHaveLength(0);
    await pressKey(h.editor, 'k', { ctrl: true });
    await act(async () => h.body.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    expect(noPopover()).toHaveLength(0);
    expect(h.markdown()).toBe(BODY);
  });

  it('opens from the toolbar’s Link button too', async () => {
    const h = await open();
    await selectText(h.editor, 'sail');
    await click(getByRole(getByRole(h.container, 'toolbar', 'Formatting'), 'button', 'Link'));
    expect(popover('Add link')).toBeTruthy();
  });
});
