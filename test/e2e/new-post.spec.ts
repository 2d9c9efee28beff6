import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './app-fixture';
import type { Locator, Page } from '@playwright/test';

// "New post" on a site whose config lists Authors first: the dialog starts on the collection in
// view, else the one with the most posts, shows the folder it will write to, and the file's name
// follows the site's Decap slug settings with nothing invisible left in it.

const library = (app: Page): Locator => app.getByRole('navigation', { name: 'Library' });

test.use({ site: 'sites/authors-first' });

test('with all posts in view, a new post goes to the busiest collection, not the first in the config', async ({
  app,
  repo,
}) => {
  await expect(library(app).getByRole('list', { name: 'Posts' }).getByRole('button')).toHaveCount(5);
  await library(app).getByRole('button', { name: 'New post' }).click();
  const dialog = app.getByRole('dialog', { name: 'New post' });
  const collection = dialog.getByRole('combobox', { name: 'Collection' });
  await expect(collection).toHaveValue('posts');
  // The folder is shown before a title is typed, and follows the chosen collection.
  await expect(dialog.getByText('Saved in')).toContainText('content/posts/');
  await collection.selectOption({ label: 'Authors' });
  await expect(dialog.getByText('Saved in')).toContainText('content/authors/');
  await collection.selectOption({ label: 'Posts' });

  // Decap `slug: { encoding: ascii, clean_accents: true }`; the heart's U+FE0F must not survive.
  await dialog.getByRole('textbox', { name: 'Title' }).fill('We ❤️ the café\u200b quay');
  await expect(dialog.getByText('Saved as')).toHaveText('Saved as content/posts/we-the-cafe-quay.md');
  await dialog.getByRole('button', { name: 'Create post' }).click();
  await expect(app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    'We ❤️ the café\u200b quay',
  );

  const written = join(repo.workTree, 'content/posts/we-the-cafe-quay.md');
  await expect.poll(() => existsSync(written)).toBe(true);
  expect(readFileSync(written, 'utf8')).toMatch(/^---\ntitle: .*We ❤️ the caf/);
  expect(existsSync(join(repo.workTree, 'content/authors/we-the-cafe-quay.md'))).toBe(false);
});

test('with a collection in view, a new post starts in that collection', async ({ app }) => {
  await library(app).getByRole('group', { name: 'Collections' }).getByRole('button', { name: /Pages/ }).click();
  await library(app).getByRole('button', { name: 'New post' }).click();
  const dialog = app.getByRole('dialog', { name: 'New post' });
  await expect(dialog.getByRole('combobox', { name: 'Collection' })).toHaveValue('pages');
  await expect(dialog.getByText('Saved in')).toContainText('content/pages/');
});
