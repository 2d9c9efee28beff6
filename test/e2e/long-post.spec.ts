import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './app-fixture';
import type { Locator, Page } from '@playwright/test';

// A long post opens in parts (its first screens at once, the rest in slices): the writer types
// and saves straight away, and every byte of the rest is still written, as it was.

const LOG = 'content/posts/2026-06-01-lighthouse-log.md';

/** One day of the log: prose with hard wraps and trailing spaces, a list, code with blank lines, a quote. */
const day = (n: number): string =>
  [
    `## Day ${n}`,
    `The keeper climbed the stairs at dusk on day ${n}, trimmed the wick  \nand wrote the time in the log, as his father had before him.`,
    '*   gulls circle the rock\n*   the tide *comes* in',
    '~~~\nlamp: lit\n\nwick: trimmed\n~~~',
    `> Wind from the west, force ${n % 9}.`,
  ].join('\n\n');

const BODY = `${Array.from({ length: 150 }, (_, index) => day(index + 1)).join('\n\n\n')}\n`;
const TEXT = `---\ntitle: Lighthouse log\ndate: 2026-06-01T08:00:00.000Z\n---\n${BODY}`;

test.use({ repoFiles: { [LOG]: TEXT } });

const body = (app: Page): Locator => app.getByRole('textbox', { name: 'Post body' });
const saveState = (app: Page): Locator => app.getByRole('contentinfo').getByRole('status').first();
const onDisk = (root: string): string => readFileSync(join(root, LOG), 'utf8');

test('a long post takes typing and a save at once, and writes every byte of the rest as it was', async ({
  app,
  repo,
}) => {
  expect(BODY.length).toBeGreaterThan(30_000);
  const errors: string[] = [];
  app.on('pageerror', (error) => errors.push(error.message));
  app.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Lighthouse log/ })
    .click();
  const first = body(app).getByText(/on day 1, trimmed the wick/);
  await first.click();
  await app.keyboard.press('End');
  await app.keyboard.type(' Typed at once.');
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  expect(onDisk(repo.workTree)).toBe(
    TEXT.replace('on day 1, trimmed the wick  \n', 'on day 1, trimmed the wick Typed at once.  \n'),
  );

  // The end of the post is its real end, and undo takes back only what was typed.
  await app.keyboard.press('Control+End');
  await app.keyboard.type(' Last words.');
  await expect(body(app)).toContainText('Wind from the west, force 6. Last words.');
  await app.keyboard.press('Control+Z');
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  expect(onDisk(repo.workTree)).toBe(
    TEXT.replace('on day 1, trimmed the wick  \n', 'on day 1, trimmed the wick Typed at once.  \n'),
  );
  await expect(body(app)).toContainText('Day 150');
  expect(errors).toEqual([]);
});
