import type { Locator } from '@playwright/test';
import { test, expect } from './app-fixture';

const TITLE = 'Low Tide Notes';

test.use({
  repoFiles: {
    'content/posts/2026-05-02-low-tide-notes.md': [
      '---',
      `title: ${TITLE}`,
      'date: 2026-05-02T07:30:00.000Z',
      '---',
      '',
      'Teh harbour empties at dawn; check the [tide tables](https://example.org/tides) or <https://example.org/tides/today>.',
      '',
      'Sync the log with `git pul` first:',
      '',
      '```sh',
      'git pul --rebse origin main',
      '```',
      '',
      '<figure class="chart">Tide chart goes here</figure>',
      '',
    ].join('\n'),
  },
});

/** Whether the browser's spellchecker looks at `locator`: the nearest spellcheck attribute decides. */
function spellChecked(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.closest('[spellcheck]')?.getAttribute('spellcheck') !== 'false');
}

test('the browser checks the spelling of prose, but not of code, addresses or raw source', async ({ app }) => {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: new RegExp(TITLE) })
    .click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toHaveAttribute('spellcheck', 'true');

  expect(await spellChecked(body.getByText(/^Teh harbour empties/))).toBe(true);
  expect(await spellChecked(body.getByRole('link', { name: 'tide tables' }))).toBe(true);

  expect(await spellChecked(body.getByRole('link', { name: 'https://example.org/tides/today' }))).toBe(false);
  expect(await spellChecked(body.getByText('git pul', { exact: true }))).toBe(false);
  expect(await spellChecked(body.getByText('git pul --rebse origin main'))).toBe(false);
  expect(await spellChecked(body.getByText(/Tide chart goes here/))).toBe(false);
});
