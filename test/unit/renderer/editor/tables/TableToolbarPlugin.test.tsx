// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { allByRole, click, getByRole } from '../../dom';
import { mountEditor, pressKey, selectText, type EditorHarness } from '../editor-harness';

const TABLE = '| Boat | Crew |\n| ---- | ---- |\n| Gull | Ada  |\n| Tern | Tom  |\n';
const BODY = `Before the table.\n\n${TABLE}\nAfter the table.\n`;

let harness: EditorHarness | undefined;
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
  vi.restoreAllMocks();
});

async function open(): Promise<EditorHarness> {
  harness = await mountEditor(BODY);
  return harness;
}

const tableBar = () => getByRole(document.body, 'toolbar', 'Table');
const cellMenu = () => getByRole(document.body, 'menu', 'Table cell');

describe('the table toolbar', () => {
  it('shows while the caret is in a table, and only then', async () => {
    const h = await open();
    await selectText(h.editor, 'Before', 'end');
    expect(allByRole(document.body, 'toolbar', 'Table')).toHaveLength(0);
    await selectText(h.editor, 'Ada', 'end');
    expect(allByRole(tableBar(), 'button').map((button) => button.getAttribute('aria-label'))).toEqual([
      'Add row above',
      'Add row below',
      'Delete row',
      'Add column left',
      'Add column right',
      'Delete column',
      'Align column left',
      'Align column center',
      'Align column right',
      'No column alignment',
      'Delete table',
    ]);
    expect(getByRole(tableBar(), 'button', 'No column alignment').getAttribute('aria-pressed')).toBe('true');
  });

  it('adds a row below and aligns the caret’s column, as the saved Markdown shows', async () => {
    const h = await open();
    await selectText(h.editor, 'Ada', 'end');
    await click(getByRole(tableBar(), 'button', 'Add row below'));
    await selectText(h.editor, 'Ada', 'end');
    await click(getByRole(tableBar(), 'button', 'Align column center'));
    expect(h.markdown()).toBe(
      'Before the table.\n\n| Boat | Crew |\n| ---- | :--: |\n| Gull | Ada  |\n|      |      |\n| Tern | Tom  |\n\nAfter the table.\n',
    );
    expect(getByRole(tableBar(), 'button', 'Align column center').getAttribute('aria-pressed')).toBe('true');
    // The alignment reaches the page through a CSS variable on the table.
    const wrapper = h.body.querySelector('table')!.closest('[style]') as HTMLElement;
    expect(wrapper.style.getPropertyValue('--ed-col-2-align')).toBe('center');
  });

  it('deletes the table', async () => {
    const h = await open();
    await selectText(h.editor, 'Tom', 'end');
    await click(getByRole(tableBar(), 'button', 'Delete table'));
    expect(h.markdown()).not.toContain('|');
    expect(h.markdown()).toContain('Before the table.');
    expect(h.markdown()).toContain('After the table.');
  });

  it('moves between its buttons with the arrow keys', async () => {
    const h = await open();
    await selectText(h.editor, 'Ada', 'end');
    const first = getByRole(tableBar(), 'button', 'Add row above');
    first.focus();
    await act(async () => first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })));
    expect(document.activeElement).toBe(getByRole(tableBar(), 'button', 'Delete table'));
    await act(async () => tableBar().dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })));
    expect(document.activeElement).toBe(first);
    expect(h.markdown()).toBe(BODY);
  });

  it('keeps Enter in a cell from splitting it into a second line', async () => {
    const h = await open();
    await selectText(h.editor, 'Gu', 'end');
    const event = await pressKey(h.editor, 'Enter');
    expect(event.defaultPrevented).toBe(true);
    expect(h.markdown()).toBe(BODY);
  });
});

describe('the cell menu', () => {
  it('opens on a right-click in a cell and deletes that cell’s column', async () => {
    const h = await open();
    const cell = [...h.body.querySelectorAll('td')].find((td) => td.textContent === 'Ada')!;
    await act(async () =>
      cell.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 40, clientY: 60 })),
    );
    expect(allByRole(document.body, 'toolbar', 'Table')).toHaveLength(0);
    const items = allByRole(cellMenu(), 'menuitem').concat(allByRole(cellMenu(), 'menuitemradio'));
    expect(items).toHaveLength(11);
    expect(document.activeElement?.textContent).toContain('Add row above');
    await click(getByRole(cellMenu(), 'menuitem', 'Delete column'));
    expect(h.markdown()).toBe('Before the table.\n\n| Boat |\n| ---- |\n| Gull |\n| Tern |\n\nAfter the table.\n');
    expect(allByRole(document.body, 'menu', 'Table cell')).toHaveLength(0);
  });

  it('opens from the keyboard (Shift+F10), moves with the arrows and closes on Escape', async () => {
    const h = await open();
    await selectText(h.editor, 'Tom', 'end');
    const event = await pressKey(h.editor, 'F10', { shift: true });
    expect(event.defaultPrevented).toBe(true);
    const menu = cellMenu();
    await act(async () => menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
    expect(document.activeElement?.textContent).toContain('Delete table');
    await act(async () => menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(document.activeElement?.textContent).toContain('Add row above');
    await act(async () => menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(allByRole(document.body, 'menu', 'Table cell')).toHaveLength(0);
    expect(h.markdown()).toBe(BODY);
  });

  it('closes on a click elsewhere', async () => {
    const h = await open();
    await selectText(h.editor, 'Tom', 'end');
    await pressKey(h.editor, 'ContextMenu');
    expect(allByRole(document.body, 'menu', 'Table cell')).toHaveLength(1);
    await act(async () => h.body.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    expect(allByRole(document.body, 'menu', 'Table cell')).toHaveLength(0);
  });
});

describe('where the table toolbar sits', () => {
  it('hugs the table’s top while the writer is in the post, and hides while focus is elsewhere', async () => {
    // happy-dom lays nothing out: the page shows 0–800 px, the table sits at 100–200 px.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const box = this.classList.contains('page__scroll') ? { top: 0, bottom: 800 } : { top: 100, bottom: 200 };
      return { ...box, left: 24, right: 400, width: 376, height: box.bottom - box.top, x: 24, y: box.top } as DOMRect;
    });
    const h = await open();
    await selectText(h.editor, 'Ada', 'end');
    h.body.focus();
    await act(async () => window.dispatchEvent(new Event('scroll')));
    expect(tableBar().style.visibility).toBe('visible');
    expect(tableBar().style.top).toBe('96px');
    expect(tableBar().style.left).toBe('24px');
    const field = document.createElement('input');
    document.body.append(field);
    try {
      await act(async () => field.focus());
      expect(tableBar().style.visibility).toBe('hidden');
    } finally {
      field.remove();
    }
  });
});
