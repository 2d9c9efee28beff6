import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './app-fixture';

// Posts the editor cannot open get a way in (the raw source view), and a post deleted on disk
// while open can be written back. Each test checks the bytes that end up on disk.

const FERRY = 'content/posts/2026-02-10-night-ferry.md';
const FERRY_TEXT =
  '---\ntitle: Night ferry\ndate: 2026-02-10\ntitle: The night ferry\n---\nWe crossed at midnight, the deck wet with spray.\n';
const CAFE = 'content/posts/2025-12-01-cafe.md';
// A post from an old blog engine, saved as Windows-1252: é, è, û and curly quotes are single bytes.
const CAFE_BYTES = Uint8Array.from(
  [...'---\ntitle: Caf\u00e9 \u0093Le Port\u0094\n---\nCr\u00e8me br\u00fbl\u00e9e by the water.\n'].map((char) =>
    char.charCodeAt(0),
  ),
);
const WINTER = 'content/posts/2026-01-09-winter-reading.md';

test.describe('a post whose front matter does not read', () => {
  test.use({ repoFiles: { [FERRY]: FERRY_TEXT } });

  test('opens as raw source with the line marked, and the fix is saved exactly and opens in the editor', async ({
    app,
    repo,
  }) => {
    await app
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /night.ferry/i })
      .click();
    const main = app.getByRole('main');
    await expect(main.getByRole('heading', { name: FERRY })).toBeVisible();
    await expect(main.getByRole('alert')).toContainText('Map keys must be unique');
    const source = main.getByRole('textbox', { name: `Source of ${FERRY}` });
    await expect(source).toHaveValue(FERRY_TEXT);
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      await app.screenshot({ path: `test-results/screens/raw-source-${scheme}.png` });
    }
    await app.emulateMedia({ colorScheme: 'light' });

    // "Go to line 4" selects the duplicate line; typing replaces it.
    await main.getByRole('button', { name: 'Go to line 4' }).click();
    await app.keyboard.press('Backspace');
    await app.keyboard.press('Backspace');
    await main.getByRole('button', { name: 'Save and open in the editor' }).click();

    await expect(main.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Night ferry');
    expect(readFileSync(join(repo.workTree, FERRY), 'utf8')).toBe(FERRY_TEXT.replace('title: The night ferry\n', ''));
  });
});

test.describe('a post that is not UTF-8', () => {
  test.use({ repoFiles: { [CAFE]: CAFE_BYTES } });

  test('is offered converted from Windows-1252 with a preview, and written as UTF-8 only when the writer converts', async ({
    app,
    repo,
  }) => {
    await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /cafe/i }).click();
    const main = app.getByRole('main');
    await expect(main.getByRole('alert')).toContainText('not UTF-8 text (byte 0xE9 on line 2)');
    await expect(main.getByRole('textbox', { name: 'Preview of the converted text' })).toHaveValue(
      '---\ntitle: Café “Le Port”\n---\nCrème brûlée by the water.\n',
    );
    // Nothing is written before the writer chooses.
    expect(readFileSync(join(repo.workTree, CAFE))).toEqual(Buffer.from(CAFE_BYTES));
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      await app.screenshot({ path: `test-results/screens/raw-convert-${scheme}.png` });
    }
    await app.emulateMedia({ colorScheme: 'light' });

    await main.getByRole('button', { name: 'Convert to UTF-8 and save' }).click();
    await expect(main.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Café “Le Port”');
    expect(readFileSync(join(repo.workTree, CAFE), 'utf8')).toBe(
      '---\ntitle: Café “Le Port”\n---\nCrème brûlée by the water.\n',
    );
  });
});

test('a post deleted on disk while open is saved back as a new file at the same path', async ({ app, repo }) => {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Winter Reading/ })
    .click();
  const main = app.getByRole('main');
  const body = main.getByRole('textbox', { name: 'Post body' });
  await expect(body).toBeVisible();
  await body.click();
  await app.keyboard.press('Control+End');
  await app.keyboard.type(' Written after the file was gone.');

  rmSync(join(repo.workTree, WINTER));
  // The watcher notices the file is gone (or the next save does): the page says so and offers to keep the text.
  await expect(main.getByRole('button', { name: 'Save as new file' }))
    .toBeVisible({ timeout: 15_000 })
    .catch(async () => {
      await app.keyboard.press('Control+S');
      await expect(main.getByRole('button', { name: 'Save as new file' })).toBeVisible();
    });
  await expect(main.getByRole('alert').first()).toContainText(/deleted|does not exist/);
  await app.screenshot({ path: 'test-results/screens/deleted-post-light.png' });
  await main.getByRole('button', { name: 'Save as new file' }).click();
  await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');
  expect(existsSync(join(repo.workTree, WINTER))).toBe(true);
  const text = readFileSync(join(repo.workTree, WINTER), 'utf8');
  expect(text).toContain('Written after the file was gone.');
  expect(text).toMatch(/^---\n[\s\S]*\ntitle: Winter Reading[\s\S]*\n---\n/);
});

test('a publish stopped by a stale index.lock names it and removes it with one click, then publishes', async ({
  app,
  repo,
}) => {
  const lock = join(repo.workTree, '.git', 'index.lock');
  writeFileSync(lock, '');
  // A lock a crashed git left a minute ago.
  const old = new Date(Date.now() - 60_000);
  utimesSync(lock, old, old);
  const before = repo.remoteLog();

  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Winter Reading/ })
    .click();
  const title = app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true });
  await title.fill('Winter Reading for Tool Makers, Revised');
  await app.getByRole('tab', { name: 'Publish' }).click();
  await app.getByRole('button', { name: 'Publish', exact: true }).click();

  const notice = app.getByRole('alert').filter({ hasText: 'index.lock' });
  await expect(notice).toContainText('No git program is running');
  await app.screenshot({ path: 'test-results/screens/stale-lock-light.png' });
  await notice.getByRole('button', { name: 'Remove the lock and publish' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  expect(existsSync(lock)).toBe(false);
  expect(repo.remoteLog().length).toBe(before.length + 1);
});
