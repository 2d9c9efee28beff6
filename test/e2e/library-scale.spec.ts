import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { createRepoWithRemote, type RepoWithRemote } from '../support/git-fixtures';
import { startWebMode } from './app-fixture';

// A documentation site the size of the ones that broke the library: 60 sections under content/
// (each a collection), 1,981 pages in nested folders. The library must keep the posts in view,
// let the writer pick a collection by keyboard, and reach any page.

const TOPICS = ['install', 'config', 'deploy', 'search', 'images', 'routing', 'forms', 'cache', 'auth', 'i18n'];
const KINDS = ['guides', 'reference', 'howto', 'recipes', 'faq', 'notes'];
const SUBS = ['basics', 'advanced', 'troubleshooting'];
const PER_SUB = 11;
const DEEP_TITLE = 'The Lighthouse Keeper’s Almanac';

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** The site's files: content/<topic>-<kind>/<sub>/<page>.md, plus one page buried deeper in the last section. */
function siteFiles(): Record<string, string> {
  const files: Record<string, string> = { 'README.md': '# Field manual\n' };
  let day = 0;
  for (const kind of KINDS) {
    for (const topic of TOPICS) {
      const section = `${topic}-${kind}`;
      SUBS.forEach((sub, subIndex) => {
        for (let page = 1; page <= PER_SUB; page++) {
          day += 1;
          const date = new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
          const title = `${capital(topic)} ${kind}: ${sub} note ${subIndex * PER_SUB + page}`;
          files[`content/${section}/${sub}/page-${page}.md`] =
            `---\ntitle: "${title}"\ndate: ${date}\n---\nA short page about ${topic} ${kind}.\n`;
        }
      });
    }
  }
  files['content/i18n-notes/archive/2019/winter/almanac.md'] =
    `---\ntitle: "${DEEP_TITLE}"\ndate: 2019-01-15\n---\nTides, lamps and the long winter watch.\n`;
  return files;
}

let site: { url: string; repo: RepoWithRemote; server: ChildProcess; configDir: string } | undefined;

test.beforeAll(async () => {
  // The site is generated and served here, in web mode (playwright.config.ts keeps the Electron project out).
  test.setTimeout(120_000);
  const repo = createRepoWithRemote({ files: siteFiles() });
  const configDir = mkdtempSync(join(tmpdir(), 'masthead-config-'));
  const { url, server } = await startWebMode(repo.workTree, configDir);
  site = { url, repo, server, configDir };
});

test.afterAll(() => {
  site?.server.kill('SIGTERM');
  if (site) rmSync(site.configDir, { recursive: true, force: true });
  site?.repo.cleanup();
});

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(site!.url);
});

const library = (app: Page): Locator => app.getByRole('navigation', { name: 'Library' });
const posts = (app: Page): Locator => library(app).getByRole('list', { name: 'Posts' });
const collections = (app: Page): Locator => library(app).getByRole('group', { name: 'Collections' });
const TOTAL = TOPICS.length * KINDS.length * SUBS.length * PER_SUB + 1;

test('with 60 collections and ~2,000 posts the post list keeps most of the pane and draws only what is in view', async ({
  page: app,
}) => {
  await expect(posts(app).getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(TOTAL));
  await expect(collections(app).getByRole('button')).toHaveCount(61);
  const pane = await library(app).boundingBox();
  // The list's box is its scrolling viewport (the <ul> inside is as tall as every row together).
  const viewport = await posts(app).locator('xpath=..').boundingBox();
  expect(pane && viewport).toBeTruthy();
  expect(viewport!.height).toBeGreaterThan(pane!.height * 0.5);
  const drawn = await posts(app).getByRole('listitem').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(80);

  // Collapsed, the section is one line that still names the chosen collection.
  await library(app).getByRole('button', { name: 'Collections', exact: false, expanded: true }).click();
  await expect(collections(app)).toBeHidden();
  const collapsed = await posts(app).locator('xpath=..').boundingBox();
  expect(collapsed!.height).toBeGreaterThan(pane!.height * 0.75);
  await expect(library(app).getByText('All posts')).toBeVisible();
});

test('a collection chosen by keyboard shows exactly its posts, and the choice stays in view', async ({ page: app }) => {
  await expect(posts(app).getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(TOTAL));
  const filter = library(app).getByRole('searchbox', { name: 'Filter collections' });
  await filter.focus();
  await app.keyboard.type('cache faq');
  await expect(collections(app).getByRole('button')).toHaveCount(1);
  await app.keyboard.press('Enter');
  await expect(collections(app).getByRole('button', { name: /^Cache Faq/ })).toHaveAttribute('aria-pressed', 'true');
  const rows = posts(app).getByRole('listitem');
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(SUBS.length * PER_SUB));
  for (const title of await posts(app).getByRole('button').allTextContents()) expect(title).toMatch(/^Cache faq: /);

  // Arrow keys walk the rows from the chosen one; Enter (a button's own key) chooses.
  await collections(app)
    .getByRole('button', { name: /^Cache Faq/ })
    .focus();
  await app.keyboard.press('ArrowDown');
  const next = app.locator(':focus');
  const nextName = (await next.locator('.library__collection-label').textContent()) ?? '';
  await app.keyboard.press('Enter');
  await expect(next).toHaveAttribute('aria-pressed', 'true');
  await expect(library(app).locator('.collections__current')).toHaveText(new RegExp(`${nextName}$`));
  await expect(next).toBeInViewport();
  const [topic, kind] = nextName.toLowerCase().split(' ');
  for (const title of await posts(app).getByRole('button').allTextContents())
    expect(title.startsWith(`${capital(topic!)} ${kind}: `)).toBe(true);

  // Back to all posts from the keyboard: Home, then Enter.
  await app.keyboard.press('Home');
  await app.keyboard.press('Enter');
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(TOTAL));
});

test('search finds a page deep in the list and opens it', async ({ page: app }) => {
  await library(app).getByRole('searchbox', { name: 'Search posts' }).fill('lighthouse almanac');
  await expect(posts(app).getByRole('button')).toHaveCount(1);
  await posts(app)
    .getByRole('button', { name: new RegExp(`^${DEEP_TITLE}`) })
    .click();
  await expect(app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(DEEP_TITLE);
  await expect(posts(app).getByRole('button', { name: new RegExp(`^${DEEP_TITLE}`) })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('arrow keys, Page Down and End reach every post, and a list keeps its scroll position', async ({ page: app }) => {
  await expect(posts(app).getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(TOTAL));
  await library(app).getByRole('searchbox', { name: 'Search posts' }).focus();
  await app.keyboard.press('ArrowDown');
  const focusedRow = app.locator('.post-list li:has(> button:focus)');
  await expect(focusedRow).toHaveAttribute('aria-posinset', '1');
  await app.keyboard.press('ArrowDown');
  await expect(focusedRow).toHaveAttribute('aria-posinset', '2');
  await app.keyboard.press('PageDown');
  const afterPage = Number(await focusedRow.getAttribute('aria-posinset'));
  expect(afterPage).toBeGreaterThan(5);
  await app.keyboard.press('End');
  await expect(focusedRow).toHaveAttribute('aria-posinset', String(TOTAL));
  await expect(focusedRow).toBeInViewport();
  await app.keyboard.press('ArrowUp');
  await expect(focusedRow).toHaveAttribute('aria-posinset', String(TOTAL - 1));
  await app.keyboard.press('Home');
  await expect(focusedRow).toHaveAttribute('aria-posinset', '1');

  // Scrolled halfway down, then away to a collection and back: the list is where it was.
  const scroller = posts(app).locator('xpath=..');
  await scroller.evaluate((element) => element.scrollTo({ top: 30_000 }));
  // Rows measured on the way may nudge the offset by a few pixels; wait until it settles.
  let left = -1;
  await expect
    .poll(async () => {
      const now = await scroller.evaluate((element) => element.scrollTop);
      const settled = now === left;
      left = now;
      return settled;
    })
    .toBe(true);
  expect(Math.abs(left - 30_000)).toBeLessThan(200);
  const shown = await posts(app).getByRole('listitem').nth(3).textContent();
  await collections(app)
    .getByRole('button', { name: /^Auth Guides/ })
    .click();
  await expect(posts(app).getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(SUBS.length * PER_SUB));
  await collections(app)
    .getByRole('button', { name: /^All posts/ })
    .click();
  await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBe(left);
  await expect(posts(app).getByRole('listitem').nth(3)).toHaveText(shown ?? '');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot: the library of a big site in the ${scheme} theme`, async ({ page: app }) => {
    await app.emulateMedia({ colorScheme: scheme });
    await collections(app)
      .getByRole('button', { name: /^Routing Recipes/ })
      .click();
    await posts(app).getByRole('button').nth(2).click();
    await expect(app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
      /Routing recipes/,
    );
    await library(app).getByRole('searchbox', { name: 'Filter collections' }).fill('rout');
    await app.screenshot({ path: `test-results/screens/library-scale-${scheme}.png` });
    await library(app).getByRole('button', { name: 'Collections', exact: false, expanded: true }).click();
    await app.screenshot({ path: `test-results/screens/library-scale-collapsed-${scheme}.png` });
  });
}
