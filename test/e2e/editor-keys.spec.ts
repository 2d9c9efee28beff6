import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './app-fixture';
import type { Locator, Page } from '@playwright/test';

// Keyboard behaviour of the editor that once lost or misplaced text: Tab leaving the editor,
// lists nested from the keyboard, "Unsaved changes" after undoing back to the file's text.

const NOTES = 'content/posts/2026-04-20-keyboard-notes.md';
const NOTES_TEXT = [
  '---',
  'title: Keyboard notes',
  'date: 2026-04-20T08:00:00.000Z',
  '---',
  'A paragraph to type into.',
  '',
  '* Pack the charts',
  '* Check the tide',
  '* Untie the bow line',
  '',
  'The end.',
  '',
].join('\n');

test.use({ repoFiles: { [NOTES]: NOTES_TEXT } });

const body = (app: Page): Locator => app.getByRole('textbox', { name: 'Post body' });
const saveState = (app: Page): Locator => app.getByRole('contentinfo').getByRole('status').first();
const onDisk = (root: string): string => readFileSync(join(root, NOTES), 'utf8');

async function openNotes(app: Page): Promise<void> {
  await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Keyboard notes/ }).click();
  await expect(body(app)).toContainText('Untie the bow line');
}

/** Puts the caret at the end of the block whose text is `text`. */
async function caretAtEnd(app: Page, text: string): Promise<void> {
  await body(app).getByText(text, { exact: true }).click();
  await app.keyboard.press('End');
}

const editorHasFocus = (app: Page): Promise<boolean> =>
  app.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Post body');

test('Tab in a paragraph keeps focus in the editor and the next keys land in the post', async ({ app, repo }) => {
  await openNotes(app);
  await caretAtEnd(app, 'A paragraph to type into.');
  await app.keyboard.press('Tab');
  expect(await editorHasFocus(app)).toBe(true);
  await app.keyboard.type(' Still here.');
  await app.keyboard.press('Enter');
  await app.keyboard.type('New line');
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  expect(onDisk(repo.workTree)).toBe(NOTES_TEXT.replace('A paragraph to type into.\n', 'A paragraph to type into. Still here.\n\nNew line\n'));
});

test('Tab and Shift+Tab nest and un-nest list items, saved as a nested list in the file’s bullet style', async ({ app, repo }) => {
  await openNotes(app);
  await caretAtEnd(app, 'Check the tide');
  await app.keyboard.press('Tab');
  expect(await editorHasFocus(app)).toBe(true);
  await caretAtEnd(app, 'Untie the bow line');
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab'); // one level deeper than the item above
  await app.keyboard.type(' first');
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  expect(onDisk(repo.workTree)).toBe(
    NOTES_TEXT.replace('* Check the tide\n* Untie the bow line\n', '  * Check the tide\n    * Untie the bow line first\n'),
  );

  // Shift+Tab brings the deepest item back out one level.
  await app.keyboard.press('Shift+Tab');
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  expect(onDisk(repo.workTree)).toBe(NOTES_TEXT.replace('* Check the tide\n* Untie the bow line\n', '  * Check the tide\n  * Untie the bow line first\n'));
});

test('Tab on the first item of a list does nothing rather than leave the editor', async ({ app, repo }) => {
  await openNotes(app);
  await caretAtEnd(app, 'Pack the charts');
  await app.keyboard.press('Tab');
  await app.keyboard.type('!');
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  expect(onDisk(repo.workTree)).toBe(NOTES_TEXT.replace('* Pack the charts\n', '* Pack the charts!\n'));
});

test('Escape then Tab leaves the editor; F6 and Shift+F6 move between the panes', async ({ app }) => {
  await openNotes(app);
  await caretAtEnd(app, 'The end.');
  await app.keyboard.press('F6');
  await expect(app.locator('[data-pane="inspector"]')).toContainText(''); // the pane exists
  expect(await app.evaluate(() => document.activeElement?.closest('[data-pane]')?.getAttribute('data-pane'))).toBe('inspector');
  await app.keyboard.press('Shift+F6');
  expect(await editorHasFocus(app)).toBe(true);
  await app.keyboard.press('Shift+F6');
  expect(await app.evaluate(() => document.activeElement?.closest('[data-pane]')?.getAttribute('data-pane'))).toBe('library');
  await app.keyboard.press('F6');
  expect(await editorHasFocus(app)).toBe(true);

  await app.keyboard.press('Escape');
  await app.keyboard.press('Tab');
  expect(await editorHasFocus(app)).toBe(false);
});

test('undoing back to the saved text clears “Unsaved changes”', async ({ app, repo }) => {
  await openNotes(app);
  await caretAtEnd(app, 'The end.');
  await app.keyboard.type(' Or is it?');
  await expect(saveState(app)).toHaveText('Unsaved changes');
  await app.keyboard.press('Control+Z');
  await expect(body(app)).not.toContainText('Or is it?');
  await expect(saveState(app)).toHaveText('Saved');
  expect(onDisk(repo.workTree)).toBe(NOTES_TEXT);
});
