// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { $getSelection, $isRangeSelection } from 'lexical';
import type { RepoSettings, RepoSummary } from '../../../../shared/api';
import { invoke, on } from '../../../../renderer/api';
import { WriterTools } from '../../../../renderer/commands/WriterTools';
import { accessibleName, allByRole, click, getByRole, typeInto } from '../dom';
import { mountEditor, selectText, type EditorHarness } from '../editor/editor-harness';

vi.mock('../../../../renderer/api', () => ({ invoke: vi.fn(), on: vi.fn(), mediaUrl: vi.fn(() => '') }));

const repo: RepoSummary = {
  path: '/tmp/blog',
  name: 'blog',
  branch: 'main',
  collections: [
    { id: 'posts', folder: 'content/posts', label: 'Posts', postCount: 2 },
    { id: 'pages', folder: 'content/pages', label: 'Pages', postCount: 1 },
  ],
};
const BODY = 'The tide turns at noon.\n\n## Boats\n\nBring a coat.\n\n### Knots\n\nA bowline.\n';

let settings: RepoSettings;
let saved: Partial<RepoSettings>[];
let menuListener: ((payload: { command: string }) => void) | undefined;
let requests: [string, unknown][];
let harness: EditorHarness | undefined;
const sync = vi.fn();

beforeEach(() => {
  settings = { autosave: false, publishWithoutAsking: false, focusMode: false, typewriterScrolling: false };
  saved = [];
  requests = [];
  localStorage.clear();
  vi.mocked(invoke).mockReset();
  vi.mocked(invoke).mockImplementation((async (name: string, arg: unknown) => {
    if (name === 'settings:get') return settings;
    if (name === 'settings:set') {
      saved.push(arg as Partial<RepoSettings>);
      return settings;
    }
    if (name === 'post:committed') return null;
    throw new Error(`unexpected ${name}`);
  }) as typeof invoke);
  vi.mocked(on).mockReset();
  vi.mocked(on).mockImplementation(((name: string, listener: (payload: { command: string }) => void) => {
    if (name === 'menu:command') menuListener = listener;
    return () => undefined;
  }) as typeof on);
});
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
});

async function open(body = BODY): Promise<EditorHarness> {
  harness = await mountEditor(body, {
    repo,
    invoke: async (name, arg) => {
      requests.push([name, arg]);
      return new Promise(() => undefined);
    },
    wrap: (page) => <WriterTools sync={sync}>{page}</WriterTools>,
  });
  return harness;
}

/** Presses keys where the writer is: the workspace listens on the window. */
async function press(key: string, init: KeyboardEventInit = {}): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  await act(async () => (document.activeElement ?? document.body).dispatchEvent(event));
  return event;
}

const palette = () => document.querySelector<HTMLDialogElement>('dialog.palette')!;
const paletteField = () => getByRole(palette(), 'combobox');
const options = () => allByRole(palette(), 'option');
const labels = () =>
  options().map((option) => {
    const label = option.querySelector('.palette__label')!.cloneNode(true) as HTMLElement;
    label.querySelector('.palette__detail')?.remove();
    return label.textContent;
  });
/** The open dialog named `name` (by aria-labelledby or aria-label), as a person finds it. */
const dialogNamed = (name: string) => {
  const found = allByRole(document.body, 'dialog', name).concat(
    [...document.querySelectorAll<HTMLElement>('dialog[open]')].filter((dialog) => accessibleName(dialog) === name),
  );
  if (found.length !== 1) throw new Error(`Expected one open dialog named ${name}, found ${found.length}`);
  return found[0]!;
};

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
          { path: 'content/posts/harbour.md', collection: 'posts', title: 'Harbour', date: null, draft: false },
          {
            path: 'content/posts/lighthouse.md',
            collection: 'posts',
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
    expect(requests.some(([, arg]) => JSON.stringify(arg).includes('content/posts/lighthouse.md'))).toBe(true);

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
});

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
});

describe('writer modes', () => {
  it('F8 turns focus mode on, marks the caret’s block and keeps the setting; F8 again turns it off', async () => {
    const h = await open();
    await selectText(h.editor, 'coat', 'end');
    await press('F8');
    expect(document.documentElement.hasAttribute('data-focus-mode')).toBe(true);
    expect(saved).toContainEqual({ focusMode: true });
    expect(h.body.querySelector('[data-focus-current]')?.textContent).toBe('Bring a coat.');
    await selectText(h.editor, 'tide', 'end');
    expect(h.body.querySelector('[data-focus-current]')?.textContent).toBe('The tide turns at noon.');
    await press('F8');
    expect(document.documentElement.hasAttribute('data-focus-mode')).toBe(false);
    expect(h.body.querySelector('[data-focus-current]')).toBeNull();
    expect(saved).toContainEqual({ focusMode: false });
  });

  it('F9 turns typewriter scrolling on and keeps the setting', async () => {
    await open();
    await press('F9');
    expect(document.documentElement.hasAttribute('data-typewriter')).toBe(true);
    expect(saved).toContainEqual({ typewriterScrolling: true });
  });

  it('starts in the modes the repository’s settings say', async () => {
    settings = { ...settings, focusMode: true, typewriterScrolling: true };
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
    expect(requests.filter(([name]) => name === 'post:publish')).toHaveLength(0);
  });

  it('publishes on Publish, and stops asking when the writer ticks the box', async () => {
    await open();
    await press('Enter', { ctrlKey: true, shiftKey: true });
    const dialog = dialogNamed('Publish “Harbour”?');
    await click(getByRole(dialog, 'checkbox'));
    await act(async () =>
      dialog.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })),
    );
    expect(saved).toContainEqual({ publishWithoutAsking: true });
    expect(requests.map(([name]) => name)).toContain('post:publish');
    // Next time, no question.
    await act(async () => undefined);
    requests.length = 0;
    await press('Enter', { ctrlKey: true, shiftKey: true });
    expect(document.querySelector('dialog.publish-confirm')?.hasAttribute('open')).toBe(false);
  });
});

describe('the native menu and other keys', () => {
  it('runs the menu’s commands: find opens the find bar, publish asks first', async () => {
    await open();
    expect(menuListener).toBeDefined();
    await act(async () => menuListener!({ command: 'find' }));
    expect(getByRole(document.body, 'search', 'Find and replace')).toBeTruthy();
    await act(async () => menuListener!({ command: 'publish' }));
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
    sync.mockClear();
    await open();
    await press('Y', { ctrlKey: true, shiftKey: true, code: 'KeyY' });
    expect(sync).toHaveBeenCalledTimes(1);
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

describe('more commands from the palette', () => {
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
    expect(saved).toContainEqual({ publishWithoutAsking: true });
    await press('Enter', { ctrlKey: true, shiftKey: true });
    expect(document.querySelector('dialog.publish-confirm')?.hasAttribute('open')).toBe(false);
    expect(requests.map(([name]) => name)).toContain('post:publish');
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
