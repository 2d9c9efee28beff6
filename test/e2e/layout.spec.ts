import { mkdirSync } from 'node:fs';
import { test, expect } from './app-fixture';
import type { Locator, Page } from '@playwright/test';

// Narrow windows: below ~1200 px the inspector floats over the page (a button shows and hides it),
// below ~900 px the library does too; the toolbar stays on one line (what does not fit is in a
// "More formatting" menu); SEO previews open at 100% on demand. Screenshots go to /tmp/shots-A/.

const SHOTS = '/tmp/shots-A';
const library = (app: Page): Locator => app.getByRole('navigation', { name: 'Library' });
const inspector = (app: Page): Locator => app.getByRole('complementary', { name: 'Inspector' });
const page = (app: Page): Locator => app.getByRole('main', { name: 'Page' });

async function openPost(app: Page): Promise<void> {
  const show = app.getByRole('button', { name: 'Show library' });
  if (await show.isVisible()) await show.click();
  await library(app)
    .getByRole('button', { name: /Winter Reading/ })
    .click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toContainText('Every January');
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not visible');
  return found;
}

/** Every toolbar control sits on one line. */
async function expectOneLine(app: Page): Promise<void> {
  const tops = await app
    .getByRole('toolbar', { name: 'Formatting' })
    .locator('button:visible')
    .evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
  expect(tops.length).toBeGreaterThan(2);
  expect(new Set(tops).size).toBe(1);
}

async function shoot(app: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await app.screenshot({ path: `${SHOTS}/${name}-${scheme}.png` });
  }
  await app.emulateMedia({ colorScheme: 'light' });
}

test('at 1000 px the inspector is an overlay over the page, shown and hidden by its button', async ({ app }) => {
  await app.setViewportSize({ width: 1000, height: 760 });
  await openPost(app);
  // Starts closed, as a rail: the page keeps the room.
  await expect(inspector(app)).toHaveCount(0);
  await expect(library(app)).toBeVisible();
  const before = await box(page(app));
  await expectOneLine(app);
  await shoot(app, 'w1000-closed');

  await app.getByRole('button', { name: 'Show inspector' }).click();
  await expect(inspector(app)).toBeVisible();
  const over = await box(inspector(app));
  // It lies over the page instead of squeezing it.
  expect(over.x).toBeLessThan(before.x + before.width - 100);
  expect((await box(page(app))).width).toBe(before.width);
  await shoot(app, 'w1000-inspector');

  // Escape closes it and gives focus back to the button that opened it.
  await app.getByRole('tab', { name: 'Fields' }).focus();
  await app.keyboard.press('Escape');
  await expect(inspector(app)).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Show inspector' })).toBeFocused();

  // The toggle shows it again, and "Hide inspector" hides it.
  await app.getByRole('button', { name: 'Show inspector' }).click();
  await app.getByRole('button', { name: 'Hide inspector' }).click();
  await expect(inspector(app)).toHaveCount(0);

  // Wide again: the inspector is back as it was before, a column beside the page.
  await app.setViewportSize({ width: 1400, height: 760 });
  await expect(inspector(app)).toBeVisible();
  // (Polled: the grid's columns animate into place.)
  await expect
    .poll(async () => (await box(inspector(app))).x - ((await box(page(app))).x + (await box(page(app))).width))
    .toBeGreaterThanOrEqual(-1);
});

test('at 800 px the library is an overlay too, and a click on the page closes it', async ({ app }) => {
  await app.setViewportSize({ width: 800, height: 700 });
  await expect(library(app)).toHaveCount(0);
  await expect(inspector(app)).toHaveCount(0);
  await app.getByRole('button', { name: 'Show library' }).click();
  await expect(library(app)).toBeVisible();
  const pageBox = await box(page(app));
  const over = await box(library(app));
  expect(over.x + over.width).toBeGreaterThan(pageBox.x + 100);
  await shoot(app, 'w800-library');
  // A click on the page closes it.
  await page(app).click({ position: { x: pageBox.width - 20, y: pageBox.height / 2 } });
  await expect(library(app)).toHaveCount(0);
  // Opening a post from it closes it too: the post is what the writer wants to see.
  await app.getByRole('button', { name: 'Show library' }).click();
  await library(app)
    .getByRole('button', { name: /Winter Reading/ })
    .click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toContainText('Every January');
  await expect(library(app)).toHaveCount(0);
  await expectOneLine(app);
  await shoot(app, 'w800-page');
});

test('in a window too narrow for the toolbar, the rest of it is in a More formatting menu', async ({ app, repo }) => {
  await app.setViewportSize({ width: 560, height: 700 });
  await app.getByRole('button', { name: 'Show library' }).click();
  await library(app)
    .getByRole('button', { name: /Winter Reading/ })
    .click();
  await expect(library(app)).toHaveCount(0);
  await app.getByRole('textbox', { name: 'Post body' }).getByText('Every January', { exact: false }).click();
  await expectOneLine(app);
  const more = app.getByRole('button', { name: 'More formatting' });
  await expect(more).toBeVisible();
  await app.keyboard.press('Home');
  await app.keyboard.press('Shift+End');
  await more.click();
  const menu = app.getByRole('menu', { name: 'More formatting' });
  await expect(menu).toBeVisible();
  await shoot(app, 'w560-more-menu');
  await menu.getByRole('menuitemcheckbox', { name: /Quote/ }).click();
  await expect(menu).toHaveCount(0);
  await app.keyboard.press('Control+S');
  await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');
  expect(repo.git('diff', '--', 'content/posts/2026-01-09-winter-reading.md')).toContain('+> Every January');
});

test('SEO previews squeezed into the narrow inspector open at 100% in an overlay', async ({ app }) => {
  await app.setViewportSize({ width: 1000, height: 760 });
  await openPost(app);
  await app.getByRole('button', { name: 'Show inspector' }).click();
  await app.getByRole('tab', { name: 'SEO' }).click();
  const figure = inspector(app).getByRole('figure', { name: /Google result \(desktop\)/ });
  await expect(figure).toContainText(/shown at \d+%/);
  await figure.getByRole('button', { name: /View Google result \(desktop\) at 100%/ }).click();
  const dialog = app.getByRole('dialog', { name: /Google result \(desktop\) at 100%/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Winter Reading');
  // Drawn at its real width (Google's 600 px column), not zoomed.
  const drawn = await dialog
    .locator('.seo-figure__dialog-body > *')
    .first()
    .evaluate((element) => element.getBoundingClientRect().width);
  expect(drawn).toBeGreaterThanOrEqual(590);
  await shoot(app, 'w1000-seo-full');
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(inspector(app)).toBeVisible();
});
