import type { BrowserWindow as ElectronWindow, MenuItemConstructorOptions, Session } from 'electron';
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applySpellcheckLanguages,
  contextMenuTemplate,
  installContextMenu,
  SPELLCHECK_LANGUAGES_KEY,
  toggleSpellcheckLanguage,
  type MenuParams,
} from '../../../../main/electron/spellcheck';
import { createFileSettings } from '../../../../main/settings';
import { makeTempDir } from '../workspace/temp-dir';
import { BrowserWindow, FakeSession, Menu } from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

const ALL_EDITS = {
  canUndo: true,
  canRedo: true,
  canCut: true,
  canCopy: true,
  canPaste: true,
  canDelete: true,
  canSelectAll: true,
  canEditRichly: true,
};

/** A right-click in the editor on "recieve", as Chromium reports it. */
function onMisspelt(overrides: Partial<MenuParams> = {}): MenuParams {
  return {
    isEditable: true,
    misspelledWord: 'recieve',
    dictionarySuggestions: ['receive', 'relieve', 'reprieve'],
    selectionText: '',
    spellcheckEnabled: true,
    editFlags: ALL_EDITS,
    ...overrides,
  };
}

/** What a person sees: labels (roles for the built-in items), separators as "—". */
function shown(items: MenuItemConstructorOptions[]): string[] {
  return items.map((item) => (item.type === 'separator' ? '—' : (item.label ?? item.role ?? '?')));
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label === label);
  if (!found) throw new Error(`No “${label}” in ${shown(items).join(', ')}`);
  return found;
}

const click = (entry: MenuItemConstructorOptions): void => (entry.click as () => void)();

let dir: string;
beforeEach(() => {
  vi.clearAllMocks();
  dir = makeTempDir();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('contextMenuTemplate', () => {
  it('offers the suggestions, Add to Dictionary and the edit commands on a misspelt word', () => {
    const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    const items = contextMenuTemplate(onMisspelt(), actions);
    expect(shown(items)).toEqual([
      'receive',
      'relieve',
      'reprieve',
      '—',
      'Add to Dictionary',
      '—',
      'cut',
      'copy',
      'paste',
      '—',
      'selectAll',
    ]);

    click(item(items, 'relieve'));
    expect(actions.replaceMisspelling).toHaveBeenCalledExactlyOnceWith('relieve');
    click(item(items, 'Add to Dictionary'));
    expect(actions.addToDictionary).toHaveBeenCalledExactlyOnceWith('recieve');
  });

  it('says when there is no suggestion, and keeps at most six', () => {
    expect(
      shown(
        contextMenuTemplate(onMisspelt({ misspelledWord: 'Masthead', dictionarySuggestions: [] }), {
          replaceMisspelling: vi.fn(),
          addToDictionary: vi.fn(),
        }),
      ).slice(0, 3),
    ).toEqual(['No Suggestions', '—', 'Add to Dictionary']);
    const many = contextMenuTemplate(onMisspelt({ dictionarySuggestions: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] }), {
      replaceMisspelling: vi.fn(),
      addToDictionary: vi.fn(),
    });
    expect(shown(many).indexOf('—')).toBe(6);
  });

  it('greys out edit commands the page cannot do', () => {
    const items = contextMenuTemplate(
      onMisspelt({ misspelledWord: '', editFlags: { ...ALL_EDITS, canCut: false, canCopy: false } }),
      { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() },
    );
    expect(items.filter((entry) => entry.role).map((entry) => [entry.role, entry.enabled])).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', true],
      ['selectAll', true],
    ]);
  });

  it('lists the spelling languages with the checked ones ticked, and toggles one', () => {
    const toggle = vi.fn();
    const items = contextMenuTemplate(onMisspelt(), {
      replaceMisspelling: vi.fn(),
      addToDictionary: vi.fn(),
      languages: { available: ['en-GB', 'en-US', 'fr'], current: ['en-GB'], toggle },
    });
    const submenu = item(items, 'Spelling Languages').submenu as MenuItemConstructorOptions[];
    expect(submenu.map((entry) => [entry.label, entry.type, entry.checked])).toEqual([
      ['British English', 'checkbox', true],
      ['American English', 'checkbox', false],
      ['French', 'checkbox', false],
    ]);
    click(submenu[2]!);
    expect(toggle).toHaveBeenCalledExactlyOnceWith('fr');
  });

  it('offers only Copy on selected text outside an editable field, and nothing on bare page', () => {
    const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    expect(
      shown(
        contextMenuTemplate(
          onMisspelt({ isEditable: false, misspelledWord: '', selectionText: 'Published 3 May' }),
          actions,
        ),
      ),
    ).toEqual(['copy']);
    expect(contextMenuTemplate(onMisspelt({ isEditable: false, misspelledWord: '' }), actions)).toEqual([]);
  });
});

describe('installContextMenu', () => {
  function rightClick(window: BrowserWindow, params: MenuParams): MenuItemConstructorOptions[] {
    window.webContents.emit('context-menu', {}, params);
    const built = Menu.buildFromTemplate.mock.results.at(-1)!.value as {
      template: MenuItemConstructorOptions[];
      popup: ReturnType<typeof vi.fn>;
    };
    expect(built.popup).toHaveBeenCalledExactlyOnceWith({ window });
    return built.template;
  }

  it('pops the menu up in the window; its items fix the word, teach the dictionary and store the languages', async () => {
    const window = new BrowserWindow({});
    const session = window.webContents.session;
    session.languages = ['en-US'];
    const settings = createFileSettings(dir);
    installContextMenu(window as unknown as ElectronWindow, settings, 'linux');

    const items = rightClick(window, onMisspelt());
    click(item(items, 'receive'));
    expect(window.webContents.replaceMisspelling).toHaveBeenCalledExactlyOnceWith('receive');
    click(item(items, 'Add to Dictionary'));
    expect(session.words).toEqual(['recieve']);

    click(item(item(items, 'Spelling Languages').submenu as MenuItemConstructorOptions[], 'French'));
    expect(session.languages).toEqual(['en-US', 'fr']);
    await vi.waitFor(() => expect(createFileSettings(dir).get(SPELLCHECK_LANGUAGES_KEY)).toEqual(['en-US', 'fr']));
  });

  it('shows no language list on macOS, where the system picks the languages', () => {
    const window = new BrowserWindow({});
    installContextMenu(window as unknown as ElectronWindow, createFileSettings(dir), 'darwin');
    expect(shown(rightClick(window, onMisspelt()))).not.toContain('Spelling Languages');
  });

  it('pops nothing up where there is nothing to offer', () => {
    const window = new BrowserWindow({});
    installContextMenu(window as unknown as ElectronWindow, createFileSettings(dir), 'linux');
    window.webContents.emit('context-menu', {}, onMisspelt({ isEditable: false, misspelledWord: '' }));
    expect(Menu.buildFromTemplate).not.toHaveBeenCalled();
  });
});

describe('spelling languages', () => {
  it('are restored at start from the settings, keeping only languages with a dictionary', async () => {
    const settings = createFileSettings(dir);
    await settings.set(SPELLCHECK_LANGUAGES_KEY, ['en-GB', 'tlh', 'fr']);
    const session = new FakeSession();
    applySpellcheckLanguages(session as unknown as Session, createFileSettings(dir), 'win32');
    expect(session.languages).toEqual(['en-GB', 'fr']);
  });

  it('stay Chromium’s default (the system language) when none was chosen, and are left to macOS there', async () => {
    const session = new FakeSession();
    applySpellcheckLanguages(session as unknown as Session, createFileSettings(dir), 'linux');
    expect(session.setSpellCheckerLanguages).not.toHaveBeenCalled();
    await createFileSettings(dir).set(SPELLCHECK_LANGUAGES_KEY, ['fr']);
    applySpellcheckLanguages(session as unknown as Session, createFileSettings(dir), 'darwin');
    expect(session.setSpellCheckerLanguages).not.toHaveBeenCalled();
  });

  it('never leave nothing to check: unticking the last one keeps it', () => {
    const session = new FakeSession();
    session.languages = ['en-GB'];
    const settings = { set: vi.fn(async () => undefined) };
    expect(toggleSpellcheckLanguage(session as unknown as Session, settings, 'en-GB')).toEqual(['en-GB']);
    expect(session.setSpellCheckerLanguages).not.toHaveBeenCalled();
    expect(settings.set).not.toHaveBeenCalled();
  });
});
