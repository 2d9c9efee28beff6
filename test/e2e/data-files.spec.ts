import { test, expect } from './app-fixture';

// Data entries of a Decap site: an author's YAML file (a `format: yaml` folder collection) and the
// categories JSON of a file collection open as forms, and save only what the writer changed.

test.use({ site: 'sites/decap' });

test('an author opens as a form without a body, and Ctrl+S changes exactly one line', async ({ app, repo }) => {
  const library = app.getByRole('navigation', { name: 'Library' });
  await library
    .getByRole('group', { name: 'Collections' })
    .getByRole('button', { name: /^Authors/ })
    .click();
  await library
    .getByRole('list', { name: 'Posts' })
    .getByRole('button', { name: /Mara Lindqvist/ })
    .click();

  const page = app.getByRole('article', { name: 'Mara Lindqvist' });
  await expect(page).toBeVisible();
  await expect(page).toContainText('Data file (YAML) — no body');
  // No Markdown editor and no page title input: the whole entry is the form.
  await expect(app.getByRole('textbox', { name: 'Post body' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Mara Lindqvist');

  const handle = page.getByRole('textbox', { name: 'Handle', exact: true });
  await expect(handle).toHaveValue('@maralind');
  await handle.fill('@mara');
  const saveState = app.getByRole('contentinfo').getByRole('status').first();
  await expect(saveState).toHaveText('Unsaved changes');
  await app.keyboard.press('Control+S');
  await expect(saveState).toHaveText('Saved');

  const diff = repo.git('diff', '--unified=0', '--', 'content/authors/mara-lindqvist.yml');
  const changed = diff.split('\n').filter((line) => /^[-+][^-+]/.test(line));
  expect(changed).toEqual(['-handle: "@maralind"', '+handle: "@mara"']);
  expect(repo.git('status', '--porcelain').trimEnd()).toBe(' M content/authors/mara-lindqvist.yml');
});

test('the categories file of a file collection opens from the library and shows its list', async ({ app }) => {
  const library = app.getByRole('navigation', { name: 'Library' });
  await library
    .getByRole('group', { name: 'Collections' })
    .getByRole('button', { name: /^Settings/ })
    .click();
  const entries = library.getByRole('list', { name: 'Posts' }).getByRole('button');
  await expect(entries).toHaveText([/Categories/, /Site/]);
  await entries.filter({ hasText: 'Categories' }).click();

  const page = app.getByRole('article', { name: 'Categories' });
  await expect(page).toContainText('Data file (JSON) — no body');
  const items = page.getByRole('group', { name: /^Categories \d$/ });
  await expect(items).toHaveCount(4);
  await expect(items.first()).toContainText('category-Hb7kQ2mc');
  await page.getByRole('button', { name: 'Expand Categories 1' }).click();
  await expect(page.getByRole('textbox', { name: 'Categories 1 Name', exact: true })).toHaveValue('Community');
  await expect(page.getByRole('textbox', { name: 'Categories 1 Id', exact: true })).toHaveValue('category-Hb7kQ2mc');
  // The inspector does not show the same form a second time.
  await expect(app.getByRole('tabpanel', { name: 'Fields' })).toContainText('fields are on the page');
});
