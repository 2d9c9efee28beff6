/**
 * Light, dark or system theme. Every stylesheet states its dark colours under
 * `@media (prefers-color-scheme: dark)`; choosing a theme rewrites those rules' media to always or
 * never apply, so the stylesheets keep one way of saying "dark" and need no second copy of it.
 */
import type { ThemeChoice } from './tools-state';

const STORAGE_KEY = 'masthead.theme';
// Media rules this module rewrote, with the media text they had, so "system" can put it back.
const original = new WeakMap<CSSMediaRule, string>();

/** The theme the writer chose last on this computer (system when never chosen). */
export function storedTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Remembers the choice on this computer. */
export function storeTheme(theme: ThemeChoice): void {
  try {
    if (theme === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage can be unavailable (private windows): the choice then lasts this session.
  }
}

let current: ThemeChoice = 'system';
let watching = false;

/** Applies `theme` to every stylesheet, including those added later (a lazily loaded view's). */
export function applyTheme(theme: ThemeChoice): void {
  current = theme;
  rewriteAll(theme);
  if (watching || typeof MutationObserver === 'undefined') return;
  watching = true;
  new MutationObserver(() => current !== 'system' && rewriteAll(current)).observe(document.head, { childList: true });
  // A <link> stylesheet has no rules until it has loaded.
  document.head.addEventListener('load', () => current !== 'system' && rewriteAll(current), true);
}

function rewriteAll(theme: ThemeChoice): void {
  const root = document.documentElement;
  root.style.colorScheme = theme === 'system' ? '' : theme;
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // A cross-origin sheet cannot be read; the app has none of its own.
    }
    rewrite(rules, theme);
  }
}

function rewrite(rules: CSSRuleList, theme: ThemeChoice): void {
  for (const rule of Array.from(rules)) {
    if (!(rule instanceof CSSMediaRule)) continue;
    const text = original.get(rule) ?? rule.media.mediaText;
    if (!text.includes('prefers-color-scheme')) continue;
    original.set(rule, text);
    const wanted =
      theme === 'system'
        ? text
        : text
            .replace(/\(\s*prefers-color-scheme:\s*dark\s*\)/g, theme === 'dark' ? 'all' : 'not all')
            .replace(/\(\s*prefers-color-scheme:\s*light\s*\)/g, theme === 'light' ? 'all' : 'not all');
    if (rule.media.mediaText !== wanted) rule.media.mediaText = wanted;
  }
}
