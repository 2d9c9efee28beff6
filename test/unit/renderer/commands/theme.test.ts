// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, storedTheme, storeTheme } from '../../../../renderer/commands/theme';

const DARK = '@media (prefers-color-scheme: dark) { body { color: white; } }';
const LIGHT = '@media screen and (prefers-color-scheme: light) { body { color: black; } }';

function addSheet(css: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return style;
}

function mediaOf(style: HTMLStyleElement): string {
  return (style.sheet!.cssRules[0] as CSSMediaRule).media.mediaText;
}

afterEach(() => {
  applyTheme('system');
  document.head.innerHTML = '';
  localStorage.clear();
});

describe('the theme', () => {
  it('makes the dark rules always apply for Dark and never for Light, and puts them back for the system', () => {
    const dark = addSheet(DARK);
    const light = addSheet(LIGHT);
    applyTheme('dark');
    expect(mediaOf(dark)).toBe('all');
    expect(mediaOf(light)).toBe('screen and not all');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    expect(document.documentElement.style.colorScheme).toBe('dark');
    applyTheme('light');
    expect(mediaOf(dark)).toBe('not all');
    expect(mediaOf(light)).toBe('screen and all');
    applyTheme('system');
    expect(mediaOf(dark)).toBe('(prefers-color-scheme: dark)');
    expect(mediaOf(light)).toBe('screen and (prefers-color-scheme: light)');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });

  it('rewrites a stylesheet added later, as a lazily loaded view adds its own', async () => {
    applyTheme('dark');
    const late = addSheet(DARK);
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(mediaOf(late)).toBe('all');
  });

  it('remembers the choice on this computer, and forgets it for the system', () => {
    expect(storedTheme()).toBe('system');
    storeTheme('dark');
    expect(storedTheme()).toBe('dark');
    storeTheme('system');
    expect(localStorage.getItem('masthead.theme')).toBeNull();
    localStorage.setItem('masthead.theme', 'purple');
    expect(storedTheme()).toBe('system');
  });
});
