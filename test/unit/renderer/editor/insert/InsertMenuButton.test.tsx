// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { allByRole, click, getByRole, typeInto } from '../../dom';
import { $getSelection, $isRangeSelection } from 'lexical';
import { mountEditor, selectText, update, type EditorHarness } from '../editor-harness';

let harness: EditorHarness | undefined;
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
});

async function open(body = 'First line.\n\nLast line.\n'): Promise<EditorHarness> {
  harness = await mountEditor(body);
  return harness;
}

const plus = (h: EditorHarness) => getByRole(getByRole(h.container, 'toolbar', 'Formatting'), 'button', 'Insert');
const popup = () => getByRole(document.body, 'dialog', 'Insert');
const filter = () => getByRole(popup(), 'combobox', 'Find a block to insert');
const optionLabels = () =>
  allByRole(popup(), 'option').map((option) => option.querySelector('.insert-menu__label')?.textContent);
const key = (name: string) =>
  act(async () => filter().dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true })));

describe('the insert menu', () => {
  it('lists every block, filters them by name and inserts the one chosen at the caret', async () => {
    const h = await open();
    await selectText(h.editor, 'First line.', 'end');
    await click(plus(h));
    expect(plus(h).getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(filter());
    expect(optionLabels()).toContain('Horizontal rule');
    expect(optionLabels()).toContain('Code block');
    await typeInto(filter(), 'quote');
    expect(optionLabels()).toEqual(['Quote']);
    await key('Enter');
    expect(allByRole(document.body, 'dialog', 'Insert')).toHaveLength(0);
    // The caret's line becomes the quote.
    expect(h.markdown()).toBe('> First line.\n\nLast line.\n');
  });

  it('moves with the arrow keys, wrapping at either end', async () => {
    const h = await open();
    await click(plus(h));
    const count = allByRole(popup(), 'option').length;
    await key('ArrowUp');
    expect(allByRole(popup(), 'option')[count - 1]!.getAttribute('aria-selected')).toBe('true');
    await key('ArrowDown');
    expect(allByRole(popup(), 'option')[0]!.getAttribute('aria-selected')).toBe('true');
    await key('ArrowDown');
    expect(filter().getAttribute('aria-activedescendant')).toBe(allByRole(popup(), 'option')[1]!.id);
  });

  it('follows the pointer over the options', async () => {
    const h = await open();
    await click(plus(h));
    const third = allByRole(popup(), 'option')[2]!;
    await act(async () => third.dispatchEvent(new MouseEvent('mousemove', { bubbles: true })));
    expect(third.getAttribute('aria-selected')).toBe('true');
    expect(allByRole(popup(), 'option')[0]!.getAttribute('aria-selected')).toBe('false');
  });

  it('says when nothing matches, and closes on Escape and on a second press of "+" without inserting', async () => {
    const h = await open();
    await click(plus(h));
    await typeInto(filter(), 'zzzz');
    expect(popup().textContent).toContain('Nothing matches');
    await key('Enter');
    await key('Escape');
    expect(allByRole(document.body, 'dialog', 'Insert')).toHaveLength(0);
    await click(plus(h));
    await click(plus(h));
    expect(allByRole(document.body, 'dialog', 'Insert')).toHaveLength(0);
    expect(h.markdown()).toBe('First line.\n\nLast line.\n');
  });

  it('inserts a clicked option, and closes on a click elsewhere', async () => {
    const h = await open();
    await selectText(h.editor, 'Last line.', 'end');
    await click(plus(h));
    const rule = allByRole(popup(), 'option').find((option) => option.textContent?.startsWith('Horizontal rule'))!;
    await click(rule);
    expect(h.markdown()).toMatch(/^First line\.\n\nLast line\.\n\n(\*\*\*|---|___)\n/);
    await click(plus(h));
    await act(async () => h.body.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    expect(allByRole(document.body, 'dialog', 'Insert')).toHaveLength(0);
  });
});

describe('the table size picker', () => {
  const picker = () => getByRole(document.body, 'dialog', 'Insert table');

  async function openPicker(h: EditorHarness) {
    await selectText(h.editor, 'First line.', 'end');
    await click(plus(h));
    await typeInto(filter(), 'table');
    await key('Enter');
    return picker();
  }

  it('starts at 3 × 3, grows with the arrow keys and inserts a table with a header row', async () => {
    const h = await open();
    const dialog = await openPicker(h);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('3 rows by 3 columns');
    const grid = getByRole(dialog, 'group', 'Table size');
    await act(async () => grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })));
    await act(async () => grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true })));
    expect(dialog.textContent).toContain('2 × 2');
    await click(document.activeElement as HTMLElement);
    expect(allByRole(document.body, 'dialog', 'Insert table')).toHaveLength(0);
    const markdown = h.markdown();
    expect(markdown.split('\n').filter((line) => line.startsWith('|'))).toHaveLength(3);
    expect(
      markdown
        .split('\n')
        .find((line) => line.startsWith('|'))
        ?.split('|'),
    ).toHaveLength(4);
  });

  it('takes an exact size from its number boxes', async () => {
    const h = await open();
    const dialog = await openPicker(h);
    const [rows, columns] = [...dialog.querySelectorAll<HTMLInputElement>('input[type="number"]')];
    await typeInto(rows!, '5');
    await typeInto(columns!, '1');
    await click(getByRole(dialog, 'button', 'Insert table'));
    const lines = h
      .markdown()
      .split('\n')
      .filter((line) => line.startsWith('|'));
    // A header row, the delimiter row, then four body rows.
    expect(lines).toHaveLength(6);
    expect(lines[0]!.split('|')).toHaveLength(3);
  });

  it('closes on Escape, inserting nothing', async () => {
    const h = await open();
    const dialog = await openPicker(h);
    await act(async () => dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(allByRole(document.body, 'dialog', 'Insert table')).toHaveLength(0);
    expect(h.markdown()).toBe('First line.\n\nLast line.\n');
  });
});

describe('each block the insert menu offers', () => {
  const cases: [string, string][] = [
    ['Heading 1', '# Second line.\n'],
    ['Heading 4', '#### Second line.\n'],
    ['Numbered list', '1. Second line.\n'],
    ['Task list', '- [ ] Second line.\n'],
    ['Code block', '```\n'],
  ];
  for (const [label, expected] of cases) {
    it(`inserts ${label} at the caret`, async () => {
      const h = await open('First line.\n\nSecond line.\n');
      await selectText(h.editor, 'Second line.', 'end');
      await click(plus(h));
      await typeInto(filter(), label);
      await key('Enter');
      expect(h.markdown().startsWith('First line.\n\n')).toBe(true);
      expect(h.markdown().slice('First line.\n\n'.length)).toContain(expected);
    });
  }

  it('inserts a raw HTML block with the caret in it, saved as typed', async () => {
    const h = await open('First line.\n\nSecond line.\n');
    await selectText(h.editor, 'First line.', 'end');
    await click(plus(h));
    await typeInto(filter(), 'raw');
    await key('Enter');
    expect(h.body.querySelector('pre[data-md-raw="html"]')).not.toBeNull();
    await update(h.editor, () => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.insertText('<aside>Note</aside>');
    });
    expect(h.markdown()).toBe('First line.\n\n<aside>Note</aside>\n\nSecond line.\n');
  });

  it('Image opens the file chooser at the caret', async () => {
    const h = await open();
    const input = h.container.querySelector<HTMLInputElement>('input[type="file"]')!;
    let opened = 0;
    input.addEventListener('click', (event) => {
      event.preventDefault();
      opened += 1;
    });
    await click(plus(h));
    await typeInto(filter(), 'image');
    await key('Enter');
    expect(opened).toBe(1);
  });

  it('lists leave a table first, so the list goes after it', async () => {
    const h = await open('| A | B |\n| - | - |\n| 1 | 2 |\n');
    await selectText(h.editor, '2', 'end');
    await click(plus(h));
    await typeInto(filter(), 'bulleted');
    await key('Enter');
    expect(h.markdown()).toBe('| A | B |\n| - | - |\n| 1 | 2 |\n\n-\n');
  });
});
