// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { click, getByRole, typeInto } from '../dom';
import { selectText } from '../editor/editor-harness';
import { dialogNamed, fake, open, options, paletteField, press, useWriterToolsHarness } from './writer-tools-harness';

vi.mock('../../../../renderer/api', () => ({ invoke: vi.fn(), on: vi.fn(), mediaUrl: vi.fn(() => '') }));

useWriterToolsHarness();

describe('the shortcuts sheet', () => {
  it('opens on Ctrl+/, lists each group’s keys as the writer reads them, and closes', async () => {
    await open();
    await press('/', { ctrlKey: true, code: 'Slash' });
    const sheet = dialogNamed('Keyboard shortcuts');
    const file = getByRole(sheet, 'region', 'File');
    expect(file.textContent).toContain('SaveCtrl+S');
    expect(file.textContent).toContain('Publish…Ctrl+Shift+Enter');
    const view = getByRole(sheet, 'region', 'View');
    expect(view.textContent).toContain('Command Palette…Ctrl+Shift+P or F1');
    expect(getByRole(sheet, 'region', 'Format').textContent).toContain('BoldCtrl+B');
    await click(getByRole(sheet, 'button', 'Close'));
    expect(document.querySelector('dialog.shortcuts')?.hasAttribute('open')).toBe(false);
  });

  it('closes the shortcuts sheet on Escape (the dialog’s cancel) and on a click beside it', async () => {
    await open();
    await press('/', { ctrlKey: true, code: 'Slash' });
    const sheet = document.querySelector<HTMLDialogElement>('dialog.shortcuts')!;
    await act(async () => sheet.dispatchEvent(new Event('cancel', { cancelable: true })));
    expect(sheet.hasAttribute('open')).toBe(false);
    await press('/', { ctrlKey: true, code: 'Slash' });
    expect(sheet.hasAttribute('open')).toBe(true);
    await act(async () => sheet.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(sheet.hasAttribute('open')).toBe(false);
  });
});

describe('writer modes', () => {
  it('F8 turns focus mode on, marks the caret’s block and keeps the setting; F8 again turns it off', async () => {
    const h = await open();
    await selectText(h.editor, 'coat', 'end');
    await press('F8');
    expect(document.documentElement.hasAttribute('data-focus-mode')).toBe(true);
    expect(fake.saved).toContainEqual({ focusMode: true });
    expect(h.body.querySelector('[data-focus-current]')?.textContent).toBe('Bring a coat.');
    await selectText(h.editor, 'tide', 'end');
    expect(h.body.querySelector('[data-focus-current]')?.textContent).toBe('The tide turns at noon.');
    await press('F8');
    expect(document.documentElement.hasAttribute('data-focus-mode')).toBe(false);
    expect(h.body.querySelector('[data-focus-current]')).toBeNull();
    expect(fake.saved).toContainEqual({ focusMode: false });
  });

  it('F9 turns typewriter scrolling on and keeps the setting', async () => {
    await open();
    await press('F9');
    expect(document.documentElement.hasAttribute('data-typewriter')).toBe(true);
    expect(fake.saved).toContainEqual({ typewriterScrolling: true });
  });

  it('starts in the modes the repository’s settings say', async () => {
    fake.settings = { ...fake.settings, focusMode: true, typewriterScrolling: true };
    await open();
    await act(async () => undefined);
    expect(document.documentElement.hasAttribute('data-focus-mode')).toBe(true);
    expect(document.documentElement.hasAttribute('data-typewriter')).toBe(true);
  });
});

describe('publishing from the keyboard', () => {
  it('asks first, showing the post, and Cancel publishes nothing', async () => {
    await open();
    await press('Enter', { ctrlKey: true, shiftKey: true });
    const dialog = dialogNamed('Publish “Harbour”?');
    expect(dialog.textContent).toContain('Commits content/posts/harbour.md and pushes it to its upstream');
    await click(getByRole(dialog, 'button', 'Cancel'));
    expect(document.querySelector('dialog.publish-confirm')?.hasAttribute('open')).toBe(false);
    expect(fake.requests.filter(([name]) => name === 'post:publish')).toHaveLength(0);
  });

  it('publishes on Publish, and stops asking when the writer ticks the box', async () => {
    await open();
    await press('Enter', { ctrlKey: true, shiftKey: true });
    const dialog = dialogNamed('Publish “Harbour”?');
    await click(getByRole(dialog, 'checkbox'));
    await act(async () =>
      dialog.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })),
    );
    expect(fake.saved).toContainEqual({ publishWithoutAsking: true });
    expect(fake.requests.map(([name]) => name)).toContain('post:publish');
    // Next time, no question.
    await act(async () => undefined);
    fake.requests.length = 0;
    await press('Enter', { ctrlKey: true, shiftKey: true });
    expect(document.querySelector('dialog.publish-confirm')?.hasAttribute('open')).toBe(false);
  });

  it('says in the publish question that unsaved changes are saved first, and where the post goes', async () => {
    const h = await open();
    await act(async () =>
      h.store.dispatch({
        type: 'sync',
        status: { branch: 'main', upstream: 'origin/main' } as never,
      }),
    );
    await act(async () => h.store.dispatch({ type: 'body-edited' }));
    await press('Enter', { ctrlKey: true, shiftKey: true });
    const dialog = dialogNamed('Publish “Harbour”?');
    expect(dialog.textContent).toContain(
      'Commits content/posts/harbour.md (saving your unsaved changes first) and pushes it to origin/main from main.',
    );
    await act(async () => dialog.dispatchEvent(new Event('cancel', { cancelable: true })));
    expect(document.querySelector('dialog.publish-confirm')?.hasAttribute('open')).toBe(false);
  });
});

describe('the native menu and other keys', () => {
  it('runs the menu’s commands: find opens the find bar, publish asks first', async () => {
    await open();
    expect(fake.menuListener).toBeDefined();
    await act(async () => fake.menuListener!({ command: 'find' }));
    expect(getByRole(document.body, 'search', 'Find and replace')).toBeTruthy();
    await act(async () => fake.menuListener!({ command: 'publish' }));
    expect(dialogNamed('Publish “Harbour”?')).toBeTruthy();
  });

  it('toggles the library and the inspector, and shows an inspector tab', async () => {
    const h = await open();
    const library = h.store.getState().libraryOpen;
    await press('L', { ctrlKey: true, shiftKey: true, code: 'KeyL' });
    expect(h.store.getState().libraryOpen).toBe(!library);
    await press('K', { ctrlKey: true, shiftKey: true, code: 'KeyK' });
    expect(h.store.getState().inspectorOpen).toBe(false);
    await press('P', { ctrlKey: true, shiftKey: true, code: 'KeyP' });
    await typeInto(paletteField(), 'show seo');
    await click(options()[0]!);
    expect(h.store.getState().tab).toBe('seo');
    expect(h.store.getState().inspectorOpen).toBe(true);
  });

  it('syncs from Ctrl+Shift+Y', async () => {
    fake.sync.mockClear();
    await open();
    await press('Y', { ctrlKey: true, shiftKey: true, code: 'KeyY' });
    expect(fake.sync).toHaveBeenCalledTimes(1);
  });

  it('puts the caret in the library’s search field', async () => {
    await open();
    const search = document.createElement('input');
    search.id = 'library-search';
    document.body.append(search);
    try {
      await press('F', { ctrlKey: true, shiftKey: true, code: 'KeyF' });
      expect(document.activeElement).toBe(search);
    } finally {
      search.remove();
    }
  });

  it('F6 and Shift+F6 move between the panes', async () => {
    await open();
    const library = document.createElement('div');
    library.setAttribute('data-pane', 'library');
    library.innerHTML = '<input id="library-search">';
    const inspector = document.createElement('div');
    inspector.id = 'inspector';
    inspector.setAttribute('data-pane', 'inspector');
    inspector.innerHTML = '<button role="tab" aria-selected="true">Fields</button>';
    document.body.append(library, inspector);
    try {
      (library.firstChild as HTMLElement).focus();
      await press('F6');
      expect(document.activeElement?.textContent).toBe('Fields');
      await press('F6', { shiftKey: true });
      expect(document.activeElement?.id).toBe('library-search');
    } finally {
      library.remove();
      inspector.remove();
    }
  });
});
