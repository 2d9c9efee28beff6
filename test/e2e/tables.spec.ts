import type { Locator, Page } from '@playwright/test';
import { test, expect } from './app-fixture';

const POST = 'content/posts/2025-11-02-release-checklist.md';

async function save(app: Page) {
  await app.keyboard.press('Control+S');
  await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');
}

/** The lines the working tree changed in the post, as `-old` / `+new`. */
function changedLines(repo: { git: (...args: string[]) => string }): string[] {
  return repo
    .git('diff', '--unified=0', '--', POST)
    .split('\n')
    .filter((line) => /^[-+](?![-+])/.test(line));
}

/**
 * Clicks just after the last word of a paragraph, as a writer does to carry on; the End key right
 * after a click can lose a race with the click's own selection on a busy machine.
 */
async function clickAtEnd(paragraph: Locator) {
  const box = await paragraph.boundingBox();
  if (!box) throw new Error('paragraph not visible');
  await paragraph.click({ position: { x: box.width - 2, y: box.height - 6 } });
}

async function openChecklist(app: Page) {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Release Checklist/ })
    .click();
  return app.getByRole('textbox', { name: 'Post body' });
}

test('a writer inserts a 3 × 2 table from the insert menu and fills it in', async ({ app, repo }) => {
  const body = await openChecklist(app);
  await clickAtEnd(body.locator('p', { hasText: /^The last step is always the same/ }));
  await app.keyboard.press('Enter');

  await app.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert', exact: true }).click();
  await app.getByRole('dialog', { name: 'Insert' }).getByRole('combobox').fill('table');
  await app.keyboard.press('Enter');
  const picker = app.getByRole('dialog', { name: 'Insert table' });
  await expect(picker).toBeVisible();
  await picker.getByRole('button', { name: '3 rows by 2 columns' }).hover();
  await expect(picker).toContainText('3 × 2');
  await app.screenshot({ path: '/tmp/shots-C/table-picker-light.png' });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: '/tmp/shots-C/table-picker-dark.png' });
  await app.emulateMedia({ colorScheme: 'light' });
  await picker.getByRole('button', { name: '3 rows by 2 columns' }).click();
  await expect(picker).toBeHidden();

  for (const text of ['Reviewer', 'When', 'Ines', 'Monday', 'Tom', 'Friday']) {
    await app.keyboard.type(text);
    await app.keyboard.press('Tab');
  }
  await expect(body.getByRole('table').nth(1).getByRole('columnheader', { name: 'Reviewer' })).toBeVisible();
  await save(app);
  expect(changedLines(repo)).toEqual([
    '+',
    '+| Reviewer | When   |',
    '+| -------- | ------ |',
    '+| Ines     | Monday |',
    '+| Tom      | Friday |',
  ]);
});

test('the size picker works from the keyboard, and Escape puts the caret back', async ({ app, repo }) => {
  const body = await openChecklist(app);
  await clickAtEnd(body.locator('p', { hasText: /^The last step is always the same/ }));
  await app.keyboard.press('Enter');
  await app.keyboard.type('/table');
  await expect(app.getByRole('listbox', { name: 'Insert' }).getByRole('option', { selected: true })).toHaveText(
    /Table/,
  );
  await app.keyboard.press('Enter');
  const picker = app.getByRole('dialog', { name: 'Insert table' });
  await expect(picker.getByRole('button', { name: '3 rows by 3 columns' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await app.keyboard.type('Thanks to');
  await expect(body.locator('p', { hasText: /^Thanks to$/ })).toBeVisible();

  await app.keyboard.press('Enter');
  await app.keyboard.type('/table');
  await expect(app.getByRole('listbox', { name: 'Insert' }).getByRole('option', { selected: true })).toHaveText(
    /Table/,
  );
  await app.keyboard.press('Enter');
  await expect(picker.getByRole('button', { name: '3 rows by 3 columns' })).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await app.keyboard.press('ArrowLeft');
  await expect(picker).toContainText('2 × 2');
  await app.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await app.keyboard.type('Who');
  await save(app);
  expect(changedLines(repo)).toEqual(['+', '+Thanks to', '+', '+| Who |   |', '+| --- | - |', '+|     |   |']);
});

test('the table toolbar adds a row and aligns a column; only the table’s lines change', async ({ app, repo }) => {
  const body = await openChecklist(app);
  const table = body.getByRole('table');
  await table.getByRole('cell', { name: 'Tag' }).click();
  const toolbar = app.getByRole('toolbar', { name: 'Table' });
  await expect(toolbar).toBeVisible();
  await app.screenshot({ path: '/tmp/shots-C/table-toolbar-light.png' });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: '/tmp/shots-C/table-toolbar-dark.png' });
  await app.emulateMedia({ colorScheme: 'light' });

  await toolbar.getByRole('button', { name: 'Add row below' }).click();
  await app.keyboard.type('Review');
  await app.keyboard.press('Tab');
  await app.keyboard.type('Ines');
  await app.keyboard.press('Tab');
  await app.keyboard.type('20 min');
  await save(app);
  expect(changedLines(repo)).toEqual(['+| Review | Ines | 20 min |']);

  // Alignment of the caret's column ("Time", right-aligned in the file) changes to center.
  await expect(toolbar.getByRole('button', { name: 'Align column right' })).toHaveAttribute('aria-pressed', 'true');
  await toolbar.getByRole('button', { name: 'Align column center' }).click();
  await expect(toolbar.getByRole('button', { name: 'Align column center' })).toHaveAttribute('aria-pressed', 'true');
  await save(app);
  const changed = changedLines(repo);
  expect(changed.filter((line) => line.startsWith('-'))).toEqual(['-|:-----|:-----:|-----:|']);
  // The delimiter row is written again, in the table's unpadded style.
  expect(changed.filter((line) => line.startsWith('+'))).toEqual(['+|:--|:-:|:-:|', '+| Review | Ines | 20 min |']);
});

test('the cell context menu deletes a column, keyboard only', async ({ app, repo }) => {
  const body = await openChecklist(app);
  await body.getByRole('table').getByRole('cell', { name: 'Mara' }).click();
  await app.keyboard.press('Shift+F10');
  const menu = app.getByRole('menu', { name: 'Table cell' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Add row above' })).toBeFocused();
  await expect(menu.getByRole('menuitemradio', { name: 'Align column center' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await app.screenshot({ path: '/tmp/shots-C/cell-menu-light.png' });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: '/tmp/shots-C/cell-menu-dark.png' });
  await app.emulateMedia({ colorScheme: 'light' });

  await menu.getByRole('menuitem', { name: 'Delete column' }).focus();
  await app.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(body.getByRole('table').getByRole('columnheader')).toHaveText(['Step', 'Time']);
  await save(app);
  const changed = changedLines(repo);
  expect(changed.filter((line) => line.startsWith('-'))).toEqual([
    '-| Step | Owner | Time |',
    '-|:-----|:-----:|-----:|',
    '-| Tag  | Mara  | 5 min |',
    '-| Build | CI   | 12 min |',
  ]);
  expect(changed.filter((line) => line.startsWith('+'))).toHaveLength(4);
  expect(changed.filter((line) => line.startsWith('+'))).toEqual([
    '+| Step | Time |',
    '+|:--|--:|',
    '+| Tag | 5 min |',
    '+| Build | 12 min |',
  ]);
});

test('right-clicking a cell offers the table actions; adding a column keeps the others’ alignment', async ({
  app,
  repo,
}) => {
  const body = await openChecklist(app);
  await body.getByRole('table').getByRole('cell', { name: 'Mara' }).click({ button: 'right' });
  const menu = app.getByRole('menu', { name: 'Table cell' });
  await menu.getByRole('menuitem', { name: 'Add column right' }).click();
  await expect(menu).toBeHidden();
  await app.keyboard.type('Notes');
  // The caret went to the new column's cell in the row that was clicked.
  await expect(body.getByRole('table').getByRole('columnheader')).toHaveText(['Step', 'Owner', '', 'Time']);
  await expect(body.getByRole('table').getByRole('row', { name: /Tag/ }).getByRole('cell')).toHaveText([
    'Tag',
    'Mara',
    'Notes',
    '5 min',
  ]);
  await save(app);
  // Owner stays centered and Time right-aligned; the new column has no alignment.
  expect(changedLines(repo).filter((line) => line.startsWith('+'))).toEqual([
    '+| Step | Owner |  | Time |',
    '+|:--|:-:|---|--:|',
    '+| Tag | Mara | Notes | 5 min |',
    '+| Build | CI |  | 12 min |',
  ]);
});

test('typing | a | b | and Enter starts a table with those headers', async ({ app, repo }) => {
  const body = await openChecklist(app);
  await clickAtEnd(body.locator('p', { hasText: /^The last step is always the same/ }));
  await app.keyboard.press('Enter');
  await app.keyboard.type('| Channel | **Audience** |');
  await app.keyboard.press('Enter');
  const table = body.getByRole('table').nth(1);
  await expect(table.getByRole('columnheader')).toHaveText(['Channel', 'Audience']);
  // The header's Markdown is read, as in a file: bold, not literal stars.
  await expect(table.getByRole('columnheader', { name: 'Audience' }).locator('strong, .ed-bold')).toHaveText(
    'Audience',
  );
  await app.keyboard.type('Newsletter');
  await app.keyboard.press('Tab');
  await app.keyboard.type('Everyone');
  await save(app);
  // The header line as typed, a plain delimiter row, and the row filled in.
  expect(changedLines(repo)).toEqual([
    '+',
    '+| Channel | **Audience** |',
    '+| --- | --- |',
    '+| Newsletter | Everyone |',
  ]);
});

test('the table toolbar shows only while the writer is in the post', async ({ app }) => {
  const body = await openChecklist(app);
  await body.getByRole('table').getByRole('cell', { name: 'Tag' }).click();
  const toolbar = app.getByRole('toolbar', { name: 'Table' });
  await expect(toolbar).toBeVisible();
  await app.getByRole('textbox', { name: 'Title' }).first().click();
  await expect(toolbar).toBeHidden();
  await body.getByRole('table').getByRole('cell', { name: 'CI' }).click();
  await expect(toolbar).toBeVisible();
  await body.getByText(/^Every release starts/).click();
  await expect(toolbar).toHaveCount(0);
});
