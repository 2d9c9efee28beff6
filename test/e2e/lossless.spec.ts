import { test, expect } from './app-fixture';

const POST = 'content/posts/2025-11-02-release-checklist.md';

test('typing into one paragraph of a rich post changes only that line on disk', async ({ app, repo }) => {
  await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Release Checklist/ }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });

  // Everything the post holds is visible in the editor: the image, the task list, the table (as a
  // grid of cells) and the HTML block (as text, never as live HTML).
  await expect(body.getByRole('img', { name: 'The checklist pinned above the harbour office desk' })).toBeVisible();
  await expect(body.getByRole('checkbox', { name: /Changelog written in plain words/ })).toBeChecked();
  await expect(body.getByRole('checkbox', { name: /Announcement drafted/ })).not.toBeChecked();
  const table = body.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Owner' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Build\s*CI\s*12 min/ })).toBeVisible();
  await expect(body).toContainText('<summary>Why a table?</summary>');
  await expect(body.locator('details')).toHaveCount(0);

  await app.screenshot({ path: 'test-results/screens/rich-post.png', fullPage: true });

  await body.getByText(/^Every release starts from the same list/).click();
  await app.keyboard.press('Home');
  await app.keyboard.type('Nearly ');
  await app.keyboard.press('Control+S');
  await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');

  const diff = repo.git('diff', '--unified=0', '--', POST);
  const changed = diff.split('\n').filter((line) => /^[-+](?![-+])/.test(line));
  expect(changed).toEqual([
    '-Every release starts from the same list. We keep it in the repository so that it changes through review like everything else.',
    '+Nearly Every release starts from the same list. We keep it in the repository so that it changes through review like everything else.',
  ]);
});

test('a writer describes an image, and only the image line changes', async ({ app, repo }) => {
  await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Release Checklist/ }).click();
  const description = app.getByRole('textbox', { name: 'Image description (alt text)' });
  await expect(description).toHaveValue('The checklist pinned above the harbour office desk');

  await description.fill('The release checklist, pinned above the desk in the harbour office');
  await app.keyboard.press('Control+S');
  await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');

  const diff = repo.git('diff', '--unified=0', '--', POST);
  const changed = diff.split('\n').filter((line) => /^[-+](?![-+])/.test(line));
  expect(changed).toEqual([
    '-![The checklist pinned above the harbour office desk](/img/checklist-board.png "The board")',
    '+![The release checklist, pinned above the desk in the harbour office](/img/checklist-board.png "The board")',
  ]);
});

test('typing into one table cell changes only that row on disk', async ({ app, repo }) => {
  await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Release Checklist/ }).click();
  const table = app.getByRole('textbox', { name: 'Post body' }).getByRole('table');
  const row = table.getByRole('row', { name: /Build/ });
  await expect(row.getByRole('cell', { name: '12 min' })).toBeVisible();

  // Tab moves from cell to cell: from "Build" over "CI" to "12 min".
  await row.getByRole('cell', { name: 'Build' }).click();
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await app.keyboard.press('End');
  await app.keyboard.type(' or less');
  await expect(row.getByRole('cell', { name: '12 min or less' })).toBeVisible();
  await app.keyboard.press('Control+S');
  await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');

  const diff = repo.git('diff', '--unified=0', '--', POST);
  const changed = diff.split('\n').filter((line) => /^[-+](?![-+])/.test(line));
  expect(changed).toEqual(['-| Build | CI   | 12 min |', '+| Build | CI   | 12 min or less |']);
});
