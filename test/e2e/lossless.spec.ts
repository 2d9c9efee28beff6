import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './app-fixture';

const POST = 'content/posts/2025-11-02-release-checklist.md';

test('typing into one paragraph of a rich post changes only that line on disk', async ({ app, repo }) => {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Release Checklist/ })
    .click();
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
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Release Checklist/ })
    .click();
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
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Release Checklist/ })
    .click();
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

test.describe('a table inside a block quote', () => {
  const QUOTED = 'content/posts/2026-02-01-tide-notes.md';
  const ORIGINAL = [
    '---',
    'title: Tide Notes',
    'date: 2026-02-01T08:00:00.000Z',
    '---',
    '',
    'From the harbour master’s board:',
    '',
    '> | Day | High water |',
    '> |:----|-----------:|',
    '> | Mon | 06:12 |',
    '> | Tue | 06:55 |',
    '',
    'Times are local.',
    '',
  ].join('\n');
  test.use({ repoFiles: { [QUOTED]: ORIGINAL } });

  test('is a grid of cells, and typing into one changes only its row on disk', async ({ app, repo }) => {
    await app
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /Tide Notes/ })
      .click();
    const table = app.getByRole('textbox', { name: 'Post body' }).getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'High water' })).toBeVisible();
    await table.getByRole('row', { name: /Tue/ }).getByRole('cell', { name: '06:55' }).click();
    await app.keyboard.press('End');
    await app.keyboard.type(' (spring tide)');
    await app.keyboard.press('Control+S');
    await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');
    expect(readFileSync(join(repo.workTree, QUOTED), 'utf8')).toBe(
      ORIGINAL.replace('> | Tue | 06:55 |', '> | Tue | 06:55 (spring tide) |'),
    );
  });
});
