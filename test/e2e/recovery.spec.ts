import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createContentRepo } from '../support/content-repo';
import { CRASH_POST, crashPostFiles, describeFigures, runCrashLoop } from './crash-loop';
import { expect, startWebMode, stopWebMode, test } from './app-fixture';

// "Never lose a word": edits are journalled within a second, so a reload or a killed back end
// gives them back, with a calm bar above the page, and Keep then Save writes what a save without
// the crash would have written.

const POST = 'content/posts/2026-01-09-winter-reading.md';
const TYPED = ' We also read a slim book on lighthouse maintenance.';
const JOURNAL_WAIT_MS = 1_200;

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const body = (page: Page) => page.getByRole('textbox', { name: 'Post body' });
const bar = (page: Page) => page.getByRole('region', { name: 'Recovered work' });
const saveState = (page: Page) => page.getByRole('contentinfo').getByRole('status').first();

/** Opens Winter Reading and types TYPED at the end of its last paragraph. */
async function typeIntoWinterReading(page: Page): Promise<void> {
  await library(page)
    .getByRole('button', { name: /Winter Reading/ })
    .click();
  await body(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(TYPED);
  await expect(saveState(page)).toHaveText('Unsaved changes');
}

test('a reload brings back what was typed, and Keep then Save writes exactly what a save without the reload would have', async ({
  app,
  repo,
  browser,
}) => {
  await typeIntoWinterReading(app);
  await app.waitForTimeout(JOURNAL_WAIT_MS);
  await app.reload();

  await expect(bar(app)).toContainText(/Recovered unsaved changes from \d{1,2}:\d{2}/);
  await expect(body(app)).toContainText(TYPED.trim());
  await expect(saveState(app)).toHaveText('Unsaved changes');
  // The library marks the post as edited.
  await expect(library(app).getByRole('button', { name: /Winter Reading.*edited/ })).toBeVisible();
  await bar(app).getByRole('button', { name: 'Keep', exact: true }).click();
  await expect(bar(app)).toBeHidden();
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  const recovered = readFileSync(join(repo.workTree, POST));

  // The control: the same keys in a fresh repository, saved with no reload in between.
  const control = createContentRepo();
  const configDir = mkdtempSync(join(tmpdir(), 'masthead-config-'));
  const { url, server } = await startWebMode(control.workTree, configDir);
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await typeIntoWinterReading(page);
    await page.keyboard.press('Control+S');
    await expect(saveState(page)).toHaveText('Saved');
    expect(recovered.equals(readFileSync(join(control.workTree, POST)))).toBe(true);
    expect(recovered.toString('utf8')).toContain(`a sign.${TYPED}\n`);
  } finally {
    await page.close();
    await stopWebMode(server);
    rmSync(configDir, { recursive: true, force: true });
    control.cleanup();
  }

  // Saved: nothing is offered again.
  await app.reload();
  await expect(library(app)).toBeVisible();
  await expect(bar(app)).toBeHidden();
});

test('Discard after a reload puts the file’s text back and forgets the edits', async ({ app, repo }) => {
  const before = readFileSync(join(repo.workTree, POST), 'utf8');
  await typeIntoWinterReading(app);
  await app.waitForTimeout(JOURNAL_WAIT_MS);
  await app.reload();
  await bar(app).getByRole('button', { name: 'Discard' }).click();
  await expect(bar(app)).toBeHidden();
  await expect(body(app)).not.toContainText('lighthouse');
  await expect(body(app)).toContainText('which we take as a sign.');
  await expect(saveState(app)).toHaveText('Saved');
  expect(readFileSync(join(repo.workTree, POST), 'utf8')).toBe(before);

  await app.reload();
  await expect(library(app).getByRole('button', { name: /Winter Reading/ })).toBeVisible();
  await expect(bar(app)).toBeHidden();
  await expect(app.getByText('No post open')).toBeVisible();
});

test('switching posts never asks: the edits wait in the journal and come back on return', async ({ app, repo }) => {
  const before = readFileSync(join(repo.workTree, POST), 'utf8');
  await typeIntoWinterReading(app);
  await library(app)
    .getByRole('button', { name: /Harbour Meetup/ })
    .click();
  await expect(body(app)).toContainText('customs house');
  await expect(app.getByRole('dialog')).toHaveCount(0);
  await expect(library(app).getByRole('button', { name: /Winter Reading.*edited/ })).toBeVisible();
  expect(readFileSync(join(repo.workTree, POST), 'utf8')).toBe(before);

  await library(app)
    .getByRole('button', { name: /Winter Reading/ })
    .click();
  await expect(body(app)).toContainText(TYPED.trim());
  await expect(saveState(app)).toHaveText('Unsaved changes');
  await expect(bar(app)).toBeHidden();
});

test('with Save automatically on, the file is written about two seconds after typing stops, and the setting stays with the repository', async ({
  app,
  repo,
}) => {
  const before = readFileSync(join(repo.workTree, POST), 'utf8');
  const autosave = app.getByRole('contentinfo').getByRole('checkbox', { name: 'Save automatically' });
  await autosave.check();
  await typeIntoWinterReading(app);
  await app.waitForTimeout(1_000);
  expect(readFileSync(join(repo.workTree, POST), 'utf8')).toBe(before);
  await expect(saveState(app)).toHaveText('Saved', { timeout: 5_000 });
  expect(readFileSync(join(repo.workTree, POST), 'utf8')).toBe(before.replace('a sign.\n', `a sign.${TYPED}\n`));

  await app.reload();
  await expect(app.getByRole('contentinfo').getByRole('checkbox', { name: 'Save automatically' })).toBeChecked();
});

test.describe('a killed back end', () => {
  test.use({ repoFiles: crashPostFiles });

  test('loses nothing typed a second before the kill (a few random kills)', async ({ app, repo, restartServer }) => {
    test.setTimeout(120_000);
    const figures = await runCrashLoop({
      page: app,
      workTree: repo.workTree,
      url: app.url(),
      kills: 4,
      restart: () => restartServer('SIGKILL'),
      log: (line) => console.log(line),
    });
    console.log(describeFigures(figures));
    expect(figures.problems).toEqual([]);
    expect(figures.kills).toBe(4);
    expect(figures.wordsTyped).toBeGreaterThan(8);
    expect(readFileSync(join(repo.workTree, CRASH_POST), 'utf8')).toMatch(/^---\n/);
  });
});

// The recovery bar in its three states, in both themes, for a person to look at.
for (const scheme of ['light', 'dark'] as const) {
  test(`the recovery bar: exact, merged and conflicting edits (${scheme})`, async ({ app, repo }) => {
    await app.emulateMedia({ colorScheme: scheme });
    const file = join(repo.workTree, POST);
    const original = readFileSync(file, 'utf8');
    const shot = async (state: string) => {
      await expect(bar(app)).toBeVisible();
      await app.screenshot({
        path: `test-results/screens/recovery-${state}-${scheme}.png`,
        clip: { x: 0, y: 0, width: 1440, height: 520 },
      });
    };

    await typeIntoWinterReading(app);
    await library(app)
      .getByRole('button', { name: /Harbour Meetup/ })
      .click();
    await app.waitForTimeout(JOURNAL_WAIT_MS);
    await app.reload();
    await expect(bar(app)).toHaveText(/Recovered unsaved changes from .*\.KeepDiscard/);
    await shot('exact');

    // Someone changed the title on disk: the edits merge with it.
    writeFileSync(
      file,
      original.replace('title: Winter Reading for Tool Makers', 'title: Winter Reading for Toolmakers'),
    );
    await app.reload();
    await expect(bar(app)).toContainText('merged with changes made on disk since');
    await expect(app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
      'Winter Reading for Toolmakers',
    );
    await shot('merged');

    // …and then the same paragraph the writer edited: a conflict, named.
    writeFileSync(file, original.replace('which we take as a sign.', 'which we take as a good sign.'));
    await app.reload();
    await expect(bar(app)).toContainText('the file changed on disk since, in the same places');
    await expect(bar(app).getByRole('button', { name: 'Keep mine' })).toBeVisible();
    await expect(bar(app).getByRole('button', { name: 'Keep the file’s' })).toBeVisible();
    await shot('conflict');

    // The autosave setting lives in the status bar, off until the writer turns it on.
    const autosave = app.getByRole('contentinfo').getByRole('checkbox', { name: 'Save automatically' });
    await expect(autosave).not.toBeChecked();
    await app.getByRole('contentinfo').screenshot({ path: `test-results/screens/status-bar-autosave-${scheme}.png` });
  });
}
