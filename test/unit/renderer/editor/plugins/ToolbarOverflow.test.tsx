// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { allByRole, click, getByRole } from '../../dom';
import { mountEditor, selectText, type EditorHarness } from '../editor-harness';

const BODY = 'The tide turns at noon.\n\nBring a coat.\n';

// happy-dom lays nothing out: give the toolbar a width and each part of it a size, as a narrow window would.
const WIDTHS = { toolbar: 300, fixedGroup: 60, overflowGroup: 100, more: 36 };

function sizeOf(element: HTMLElement): number {
  if (element.hasAttribute('data-overflow-more')) return WIDTHS.more;
  if (element.hasAttribute('data-overflow-group')) return WIDTHS.overflowGroup;
  if (element.classList.contains('toolbar__group')) return WIDTHS.fixedGroup;
  return 0;
}

let harness: EditorHarness | undefined;
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const width = sizeOf(this);
    return { x: 0, y: 0, top: 0, left: 0, bottom: 20, right: width, width, height: 20, toJSON: () => ({}) } as DOMRect;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('toolbar') ? WIDTHS.toolbar : 0;
  });
});
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
  vi.restoreAllMocks();
});

const toolbar = (h: EditorHarness) => getByRole(h.container, 'toolbar', 'Formatting');
const more = (h: EditorHarness) => getByRole(toolbar(h), 'button', 'More formatting');
const menu = () => getByRole(document.body, 'menu', 'More formatting');

describe('a toolbar too narrow for its buttons', () => {
  it('moves the groups that do not fit into the More menu, and runs them from there', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    // Inline formats fit; lists, quote, undo and redo do not.
    const hidden = [...toolbar(h).querySelectorAll<HTMLElement>('[data-overflow-group]')].map((group) => group.hidden);
    expect(hidden).toEqual([false, true, true]);
    await selectText(h.editor, 'coat', 'end');
    await click(more(h));
    expect(more(h).getAttribute('aria-expanded')).toBe('true');
    const items = [...menu().querySelectorAll<HTMLButtonElement>('[role^="menuitem"]')];
    expect(items.map((item) => item.querySelector('.block-menu__label')?.textContent)).toEqual([
      'Bulleted list',
      'Numbered list',
      'Quote',
      'Undo',
      'Redo',
    ]);
    expect(items.map((item) => item.disabled)).toEqual([false, false, false, true, true]);
    expect(document.activeElement).toBe(items[0]);
    await click(items[2]!);
    expect(allByRole(document.body, 'menu', 'More formatting')).toHaveLength(0);
    expect(h.markdown()).toBe('The tide turns at noon.\n\n> Bring a coat.\n');
    // The quote now shows as on in the menu.
    await click(more(h));
    const quote = [...menu().querySelectorAll<HTMLElement>('[role="menuitemcheckbox"]')].find((item) =>
      item.textContent?.includes('Quote'),
    );
    expect(quote?.getAttribute('aria-checked')).toBe('true');
  });

  it('opens on ArrowDown, moves with the arrows, and closes on Escape back to its button', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    await act(async () =>
      more(h).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true })),
    );
    const items = [...menu().querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)')];
    expect(document.activeElement).toBe(items[0]);
    await act(async () => menu().dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true })));
    expect(document.activeElement).toBe(items[items.length - 1]);
    await act(async () => menu().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(allByRole(document.body, 'menu', 'More formatting')).toHaveLength(0);
    expect(document.activeElement).toBe(more(h));
  });

  it('closes when the writer clicks elsewhere, changing nothing', async () => {
    harness = await mountEditor(BODY);
    const h = harness;
    await click(more(h));
    await act(async () => h.body.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    expect(allByRole(document.body, 'menu', 'More formatting')).toHaveLength(0);
    expect(h.markdown()).toBe(BODY);
  });
});
