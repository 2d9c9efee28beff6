// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { $getSelection, $isRangeSelection } from 'lexical';
import { click, getByRole, typeInto } from '../dom';
import { selectText } from '../editor/editor-harness';
import {
  BODY,
  fake,
  labels,
  open,
  options,
  palette,
  paletteField,
  press,
  useWriterToolsHarness,
} from './writer-tools-harness';
import { collectionId } from '../../../../shared/content/collection-ids';

vi.mock('../../../../renderer/api', () => ({ invoke: vi.fn(), on: vi.fn(), mediaUrl: vi.fn(() => '') }));

useWriterToolsHarness();

describe('the command palette', () => {
  it('opens on Ctrl+Shift+P, finds a command by a fuzzy name and runs it on the selection', async () => {
    const h = await open();
    await selectText(h.editor, 'tide');
    const event = await press('P', { ctrlKey: true, shiftKey: true, code: 'KeyP' });
    expect(event.defaultPrevented).toBe(true);
    expect(palette().open).toBe(true);
    expect(palette().getAttribute('aria-label')).toBe('Command palette');
    expect(labels()).toContain('Save');
    await typeInto(paletteField(), 'bold');
    expect(labels()[0]).toBe('Bold');
    expect(options()[0]!.querySelector('mark')?.textContent).toBe('Bold');
    await act(async () =>
      paletteField().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })),
    );
    expect(palette().open).toBe(false);
    expect(h.markdown()).toBe(BODY.replace('tide', '**tide**'));
  });

  it('moves through the rows with the arrow keys and closes on Escape', async () => {
    await open();
    await press('F1');
    expect(palette().open).toBe(true);
    const field = paletteField();
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    await act(async () => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    await act(async () => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true })));
    expect(options()[9]!.getAttribute('aria-selected')).toBe('true');
    expect(field.getAttribute('aria-activedescendant')).toBe(options()[9]!.id);
    await act(async () => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true })));
    expect(options()[8]!.getAttribute('aria-selected')).toBe('true');
    await typeInto(field, 'zzzzqqq');
    expect(options()).toHaveLength(0);
    expect(palette().textContent).toContain('Nothing matches.');
    await act(async () => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(palette().open).toBe(false);
  });

  it('lists the post’s headings as an outline and puts the caret on the one chosen', async () => {
    const h = await open();
    await press('O', { ctrlKey: true, shiftKey: true, code: 'KeyO' });
    expect(palette().getAttribute('aria-label')).toBe('Outline');
    expect(labels()).toEqual(['Boats', 'Knots']);
    expect(options().map((option) => option.querySelector('.palette__detail')?.textContent)).toEqual(['H2', 'H3']);
    await typeInto(paletteField(), 'kno');
    await click(options()[0]!);
    const caret = h.editor.read(() => {
      const selection = $getSelection();
      return $isRangeSelection(selection) ? selection.anchor.getNode().getTextContent() : null;
    });
    expect(caret).toBe('Knots');
  });

  it('goes to a post by title, and switches collection, opening the library', async () => {
    const h = await open();
    await act(async () =>
      h.store.dispatch({
        type: 'posts-loaded',
        posts: [
          {
            path: 'content/posts/harbour.md',
            collection: collectionId('posts'),
            title: 'Harbour',
            date: null,
            draft: false,
          },
          {
            path: 'content/posts/lighthouse.md',
            collection: collectionId('posts'),
            title: 'Lighthouse keepers',
            date: null,
            draft: false,
          },
        ],
      }),
    );
    await press('p', { ctrlKey: true, code: 'KeyP' });
    expect(palette().getAttribute('aria-label')).toBe('Go to post');
    await typeInto(paletteField(), 'light');
    expect(labels()).toEqual(['Lighthouse keepers']);
    await click(options()[0]!);
    await act(async () => undefined);
    expect(fake.requests.some(([, arg]) => JSON.stringify(arg).includes('content/posts/lighthouse.md'))).toBe(true);

    await act(async () => h.store.dispatch({ type: 'toggle-library' }));
    expect(h.store.getState().libraryOpen).toBe(false);
    await press('P', { ctrlKey: true, shiftKey: true, code: 'KeyP' });
    await typeInto(paletteField(), 'switch coll');
    await click(options()[0]!);
    expect(palette().getAttribute('aria-label')).toBe('Switch collection');
    expect(labels()).toEqual(['Posts', 'Pages']);
    await click(options()[1]!);
    expect(h.store.getState().libraryOpen).toBe(true);
  });

  it('chooses a theme, applies it to the page and remembers it', async () => {
    await open();
    await press('P', { ctrlKey: true, shiftKey: true, code: 'KeyP' });
    await typeInto(paletteField(), 'theme…');
    await click(options()[0]!);
    expect(palette().getAttribute('aria-label')).toBe('Theme');
    expect(labels()).toEqual(['Light', 'Dark', 'Follow the system']);
    await click(options()[1]!);
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    expect(localStorage.getItem('masthead.theme')).toBe('dark');
    await press('P', { ctrlKey: true, shiftKey: true, code: 'KeyP' });
    await typeInto(paletteField(), 'follow the system');
    await click(options()[0]!);
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    expect(localStorage.getItem('masthead.theme')).toBeNull();
  });

  it('closes when focus leaves it for the page', async () => {
    const h = await open();
    await press('F1');
    await act(async () =>
      paletteField().dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: h.body })),
    );
    expect(palette().open).toBe(false);
  });

  it('inserts a block from the palette at the caret', async () => {
    const h = await open('Before.\n');
    await selectText(h.editor, 'Before.', 'end');
    await press('P', { ctrlKey: true, shiftKey: true, code: 'KeyP' });
    await typeInto(paletteField(), 'insert horizontal rule');
    expect(labels()[0]).toBe('Insert horizontal rule');
    await click(options()[0]!);
    expect(h.markdown()).toMatch(/^Before\.\n\n(\*\*\*|---|___)\n/);
  });
});

describe('commands from the palette', () => {
  async function run(label: string) {
    await press('P', { ctrlKey: true, shiftKey: true, code: 'KeyP' });
    await typeInto(paletteField(), label);
    const index = labels().indexOf(label);
    expect(index, `${label} in ${JSON.stringify(labels())}`).toBeGreaterThanOrEqual(0);
    await click(options()[index]!);
  }
  it('formats from the palette: a heading, and the link popover', async () => {
    const h = await open();
    await selectText(h.editor, 'coat', 'end');
    await run('Heading 2');
    expect(h.markdown()).toBe(BODY.replace('Bring a coat.', '## Bring a coat.'));
    await selectText(h.editor, 'tide');
    await run('Link');
    expect(getByRole(document.body, 'dialog', 'Add link')).toBeTruthy();
  });

  it('opens replace, and steps through matches only while the find bar is open', async () => {
    await open();
    await press('P', { ctrlKey: true, shiftKey: true, code: 'KeyP' });
    await typeInto(paletteField(), 'Next match');
    expect(labels()).not.toContain('Next match');
    await act(async () => paletteField().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await run('Replace');
    const bar = getByRole(document.body, 'search', 'Find and replace');
    expect(getByRole(bar, 'textbox', 'Replace with')).toBeTruthy();
    await typeInto(getByRole(bar, 'textbox', 'Find'), 'o');
    expect(getByRole(bar, 'status').textContent).toBe('1 of 6');
    await press('F3');
    expect(getByRole(bar, 'status').textContent).toBe('2 of 6');
    await press('F3', { shiftKey: true });
    await run('Previous match');
    expect(getByRole(bar, 'status').textContent).toBe('6 of 6');
  });

  it('shows the history tab, and turns the publish question off', async () => {
    const h = await open();
    await run('Show history');
    expect(h.store.getState().tab).toBe('history');
    await run('Publish from the keyboard without asking');
    expect(fake.saved).toContainEqual({ publishWithoutAsking: true });
    await press('Enter', { ctrlKey: true, shiftKey: true });
    expect(document.querySelector('dialog.publish-confirm[open]')).toBeNull();
    expect(fake.requests.map(([name]) => name)).toContain('post:publish');
  });

  it('shows the fields and publish tabs, and picks the light theme', async () => {
    const h = await open();
    await run('Show fields');
    expect(h.store.getState().tab).toBe('fields');
    await run('Show publish panel');
    expect(h.store.getState().tab).toBe('publish');
    await run('Theme: Light');
    expect(document.documentElement.getAttribute('data-theme')).toBe('light');
    await run('Theme: Follow the system');
  });
});
