/**
 * Spell checking on the desktop: Chromium's spellchecker underlines misspelt words in the editor
 * (webPreferences.spellcheck), and this module gives it a right-click menu — suggestions, "Add to
 * Dictionary", the usual edit commands — and the languages to check, kept in the app's settings.
 * Code, URLs and raw source opt out in the page itself (spellcheck="false" on their elements).
 */
import {
  Menu,
  type BrowserWindow,
  type ContextMenuParams,
  type MenuItemConstructorOptions,
  type Session,
} from 'electron';
import type { JsonValue } from '../../shared/api';
import type { SettingsStore } from '../settings';

/** The settings key holding the chosen spell-check languages (e.g. ["en-GB", "fr"]). */
export const SPELLCHECK_LANGUAGES_KEY = 'spellcheckLanguages';

/** More suggestions than this crowd the menu and are rarely the word meant. */
const MAX_SUGGESTIONS = 6;

/** The parts of a right-click the menu depends on. */
export type MenuParams = Pick<
  ContextMenuParams,
  'isEditable' | 'misspelledWord' | 'dictionarySuggestions' | 'selectionText' | 'spellcheckEnabled' | 'editFlags'
>;

/** What the menu's items do; plain callbacks, so the template is testable without Electron. */
export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  /** Languages offered under "Spelling Languages"; omitted where the system chooses (macOS). */
  languages?: { available: readonly string[]; current: readonly string[]; toggle(language: string): void };
}

/** The editor's right-click menu as a template: empty when there is nothing to offer. */
export function contextMenuTemplate(params: MenuParams, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const word = params.misspelledWord;
  if (params.isEditable && word) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: 'No Suggestions', enabled: false });
    for (const suggestion of suggestions)
      items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    items.push(separator, { label: 'Add to Dictionary', click: () => actions.addToDictionary(word) }, separator);
  }
  if (params.isEditable) {
    const flags = params.editFlags;
    items.push(
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      separator,
      { role: 'selectAll', enabled: flags.canSelectAll },
    );
    const languages = actions.languages;
    if (params.spellcheckEnabled && languages !== undefined && languages.available.length > 0) {
      items.push(separator, {
        label: 'Spelling Languages',
        submenu: languages.available.map((language) => ({
          label: languageName(language),
          type: 'checkbox',
          checked: languages.current.includes(language),
          click: () => languages.toggle(language),
        })),
      });
    }
  } else if (params.selectionText.trim() !== '') {
    items.push({ role: 'copy' });
  }
  return items;
}

/** "en-GB" → "British English", in English (the app's interface language); the code if unknown. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The languages stored in settings, keeping only those this Chromium has dictionaries for. */
export function storedLanguages(settings: Pick<SettingsStore, 'get'>, available: readonly string[]): string[] {
  const value = settings.get(SPELLCHECK_LANGUAGES_KEY);
  if (!Array.isArray(value)) return [];
  return value.filter((language): language is string => typeof language === 'string' && available.includes(language));
}

/**
 * Applies the stored languages to `session` at start. Without a stored choice Chromium checks the
 * system's language. macOS always uses the system's own checker and languages, so nothing is set there.
 */
export function applySpellcheckLanguages(
  session: Pick<Session, 'availableSpellCheckerLanguages' | 'setSpellCheckerLanguages'>,
  settings: Pick<SettingsStore, 'get'>,
  platform: NodeJS.Platform,
): void {
  if (platform === 'darwin') return;
  const languages = storedLanguages(settings, session.availableSpellCheckerLanguages);
  if (languages.length > 0) session.setSpellCheckerLanguages(languages);
}

/** Turns `language` on or off for checking and remembers the choice; at least one stays on. */
export function toggleSpellcheckLanguage(
  session: Pick<Session, 'getSpellCheckerLanguages' | 'setSpellCheckerLanguages'>,
  settings: Pick<SettingsStore, 'set'>,
  language: string,
): string[] {
  const current = session.getSpellCheckerLanguages();
  const next = current.includes(language) ? current.filter((code) => code !== language) : [...current, language];
  if (next.length === 0) return current;
  session.setSpellCheckerLanguages(next);
  void settings.set(SPELLCHECK_LANGUAGES_KEY, next as JsonValue).catch((error: unknown) => {
    console.warn('Masthead: the spelling languages could not be saved.', error);
  });
  return next;
}

/** Shows the spell-check and edit menu on right-click in `window`'s page. */
export function installContextMenu(
  window: BrowserWindow,
  settings: Pick<SettingsStore, 'set'>,
  platform: NodeJS.Platform,
): void {
  const contents = window.webContents;
  contents.on('context-menu', (_event, params) => {
    const session = contents.session;
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => {
        session.addWordToSpellCheckerDictionary(word);
      },
      ...(platform === 'darwin'
        ? {}
        : {
            languages: {
              available: session.availableSpellCheckerLanguages,
              current: session.getSpellCheckerLanguages(),
              toggle: (language: string) => toggleSpellcheckLanguage(session, settings, language),
            },
          }),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window });
  });
}
