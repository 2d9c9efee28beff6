import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './app-fixture';
import type { Locator, Page } from '@playwright/test';

// Real site shapes end to end: each fixture site opens with the collections and posts its CMS (or
// its generator's conventions) says it has, a post opens with the right kinds of fields, and one
// edited word changes exactly one line on disk.

function library(app: Page): Locator {
  return app.getByRole('navigation', { name: 'Library' });
}

/** Shows one collection's posts in the library. */
async function chooseCollection(app: Page, label: string): Promise<void> {
  await library(app)
    .getByRole('group', { name: 'Collections' })
    .getByRole('button', { name: new RegExp(`^${label}\\b`) })
    .click();
}

/** Checks that the library's post list shows exactly these titles. */
async function expectListed(app: Page, titles: string[]): Promise<void> {
  const list = library(app).getByRole('list', { name: 'Posts' });
  await expect(list.getByRole('button')).toHaveCount(titles.length);
  for (const title of titles)
    await expect(
      list.getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) }),
    ).toBeVisible();
}

/** Lines added or removed in the work tree's diff of `path`. */
function changedLines(diff: string): string[] {
  return diff.split('\n').filter((line) => /^[-+](?![-+])/.test(line));
}

test.describe('a Hugo docs site edited through Decap (filtered collections over one folder)', () => {
  test.use({ site: 'sites/decap-docs' });

  test('each collection lists exactly its posts; a guide opens with its fields and one word changes one line', async ({
    app,
    repo,
  }) => {
    await expect(library(app)).toContainText('Fields from Decap CMS config static/admin/config.yml');
    // The config's flow lists close at a shallower indent: Decap loads it, and so do we.
    await expect(library(app).getByText(/problem/)).toHaveCount(0);

    await chooseCollection(app, 'Guides');
    await expectListed(app, ['Calibrating the sounder', 'Exporting charts', 'Surveying at night']);
    await chooseCollection(app, 'Reference');
    await expectListed(app, ['Command line', 'The config file']);
    await chooseCollection(app, 'Blog');
    await expectListed(app, ['First light on the new boat', 'Release notes 1.3', 'Why we print tide tables']);
    await chooseCollection(app, 'Pages');
    await expectListed(app, ['About us', 'Lanternfish', 'The team', 'Visit the harbour office']);

    await chooseCollection(app, 'Guides');
    await library(app)
      .getByRole('button', { name: /Calibrating the sounder/ })
      .click();
    const form = app.getByRole('tabpanel', { name: 'Fields' });
    await expect(form.getByRole('spinbutton', { name: 'Weight' })).toHaveValue('10');
    await expect(form.getByRole('group', { name: /^Steps/ }).first()).toBeVisible();
    // The filter's field is hidden in this collection: it is what puts the guide here.
    await expect(form.getByRole('textbox', { name: 'Group' })).toHaveCount(0);

    const body = app.getByRole('textbox', { name: 'Post body' });
    await body.getByText(/^A sounder drifts/).click();
    // The guide's only paragraph: the end of the post is the end of it (End alone stops at the wrapped line's end).
    await app.keyboard.press('Control+End');
    await app.keyboard.type(' Always.');
    await app.keyboard.press('Control+S');
    await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');
    expect(changedLines(repo.git('diff', '--unified=0', '--', 'content/docs/calibrate.md'))).toEqual([
      '-A sounder drifts with water temperature. Calibrate it at the start of every survey day.',
      '+A sounder drifts with water temperature. Calibrate it at the start of every survey day. Always.',
    ]);
  });

  test('a new post of a filtered collection stays in it', async ({ app, repo }) => {
    await chooseCollection(app, 'Reference');
    await library(app).getByRole('button', { name: 'New post' }).click();
    const dialog = app.getByRole('dialog', { name: 'New post' });
    await expect(dialog.getByRole('combobox', { name: 'Collection' })).toHaveValue('reference');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Sounder codes');
    await expect(dialog.getByText('Saved as')).toHaveText('Saved as content/docs/sounder-codes.md');
    await dialog.getByRole('button', { name: 'Create post' }).click();
    await expect(app.getByRole('textbox', { name: 'Title' }).first()).toHaveValue('Sounder codes');
    await expect.poll(() => repo.git('status', '--porcelain')).toContain('content/docs/sounder-codes.md');
    expect(readFileSync(join(repo.workTree, 'content/docs/sounder-codes.md'), 'utf8')).toMatch(
      /^---\ntitle: Sounder codes\ngroup: reference\n/,
    );
    await chooseCollection(app, 'Reference');
    await expectListed(app, ['Command line', 'Sounder codes', 'The config file']);
  });
});

/** Checks how many posts the list shows and that these titles are among them. */
async function expectListedAmong(app: Page, count: number, titles: string[]): Promise<void> {
  const list = library(app).getByRole('list', { name: 'Posts' });
  await expect(list.getByRole('button')).toHaveCount(count);
  for (const title of titles)
    await expect(list.getByRole('button', { name: new RegExp(`^${title}\\b`) })).toBeVisible();
}

/** Saves with the keyboard and waits for the status bar to say so. */
async function save(app: Page): Promise<void> {
  await app.keyboard.press('Control+S');
  await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');
}

test.describe('a Jekyll site (posts, drafts, a docs collection, pages; Jekyll dates)', () => {
  test.use({ site: 'sites/jekyll' });

  test('posts, docs and pages are separate collections, drafts are marked, and a picked date keeps Jekyll’s shape', async ({
    app,
    repo,
  }) => {
    await expect(library(app)).toContainText('Fields inferred from your posts');
    await chooseCollection(app, 'Docs');
    await expectListed(app, ['Cooking from this site', 'Ordering spices']);
    await chooseCollection(app, 'Pages');
    await expectListed(app, ['About the kitchen', 'Cardamom Kitchen', 'Write to us']);
    await chooseCollection(app, 'Posts');
    await expectListed(app, ['Monsoon rasam', 'Winter market chutney', 'Ten-minute upma', 'A spice tin inventory']);
    await expect(library(app).getByRole('button', { name: /^A spice tin inventory.*Draft/ })).toBeVisible();

    await library(app)
      .getByRole('button', { name: /^Monsoon rasam/ })
      .click();
    const form = app.getByRole('tabpanel', { name: 'Fields' });
    const date = form.getByRole('textbox', { name: 'Date', exact: true });
    await date.fill('2025-02-01T19:00:00');
    await date.blur();
    await save(app);
    const changed = changedLines(repo.git('diff', '--unified=0', '--', '_posts/2025-01-29-monsoon-rasam.md'));
    expect(changed[0]).toBe('-date: 2025-01-29 18:15:32 +0530');
    expect(changed[1]).toMatch(/^\+date: 2025-02-0[12] \d\d:\d\d:00 [+-]\d{4}$/);
    expect(changed).toHaveLength(2);
  });
});

test.describe('a Hugo docs site without a CMS (TOML front matter, nested sections, shortcodes)', () => {
  test.use({ site: 'sites/hugo-docs' });

  test('top-level sections are the collections, section pages are listed, and an edit beside a shortcode changes one line', async ({
    app,
    repo,
  }) => {
    await expect(library(app).getByRole('group', { name: 'Collections' }).getByRole('button')).toHaveCount(4); // All posts + Blog, Docs, Pages
    await chooseCollection(app, 'Docs');
    await expectListedAmong(app, 13, ['Documentation', 'Configuration', 'Site settings', 'Page bundles', 'Shortcodes']);
    await chooseCollection(app, 'Blog');
    await expectListed(app, ['Tideway 1.0', 'Winter timetables without tears', 'Tideway 0.9', 'Harbour log']);

    await chooseCollection(app, 'Docs');
    await library(app)
      .getByRole('button', { name: /^Site settings/ })
      .click();
    const form = app.getByRole('tabpanel', { name: 'Fields' });
    await expect(form.getByRole('spinbutton', { name: 'Weight' })).toHaveValue('10');
    const body = app.getByRole('textbox', { name: 'Post body' });
    await expect(body).toContainText('{{< code-toggle file="tideway" >}}');
    await body.getByText(/^Settings can be written in/).click();
    await app.keyboard.press('End');
    await app.keyboard.type(' Pick one.');
    await save(app);
    expect(changedLines(repo.git('diff', '--unified=0', '--', 'content/docs/configuration/site-settings.md'))).toEqual([
      '-Settings can be written in TOML, YAML or JSON:',
      '+Settings can be written in TOML, YAML or JSON: Pick one.',
    ]);

    // Inside the shortcode the TOML is kept as written: one edited value is one changed line, and
    // its `[harbour]` tables are never escaped.
    await body.getByText('timezone = "Europe/Oslo"').click();
    await app.keyboard.press('End');
    await app.keyboard.press('ArrowLeft');
    await app.keyboard.type('-Bergen');
    await save(app);
    expect(changedLines(repo.git('diff', '--unified=0', '--', 'content/docs/configuration/site-settings.md'))).toEqual([
      '-Settings can be written in TOML, YAML or JSON:',
      '+Settings can be written in TOML, YAML or JSON: Pick one.',
      '-timezone = "Europe/Oslo"',
      '+timezone = "Europe/Oslo-Bergen"',
    ]);
  });
});

test.describe('an Astro blog with a content collection schema and MDX posts', () => {
  test.use({ site: 'sites/astro-content' });

  test('the schema’s fields and the MDX components show, and a typed word changes one line', async ({ app, repo }) => {
    await expect(library(app)).toContainText('Fields from Astro content config src/content/config.ts');
    await chooseCollection(app, 'Blog');
    await expectListed(app, [
      'A Quiet Winter',
      'Autumn Arrivals',
      'Reading the Tide Tables',
      'Mending the Boardwalk',
      'First Light on the Marsh',
    ]);
    await chooseCollection(app, 'Authors');
    await expectListed(app, ['Idris Okafor', 'Maren Holt']);

    await chooseCollection(app, 'Blog');
    await library(app)
      .getByRole('button', { name: /^Autumn Arrivals/ })
      .click();
    const form = app.getByRole('tabpanel', { name: 'Fields' });
    await expect(form.getByRole('checkbox', { name: 'Draft' })).toBeChecked();
    await expect(form.getByRole('combobox', { name: 'Author' })).toBeVisible();
    const body = app.getByRole('textbox', { name: 'Post body' });
    await expect(body.locator('pre[data-md-raw="mdx-import"]')).toContainText(
      "import Aside from '../../components/Aside.astro';",
    );
    await expect(body.locator('[data-md-raw="mdx-component"]').first()).toContainText('<Aside kind="warning">');

    await body.getByText(/^We will post the full count/).click();
    await app.keyboard.press('End');
    await app.keyboard.type(' Soon.');
    await save(app);
    expect(changedLines(repo.git('diff', '--unified=0', '--', 'src/content/blog/autumn-arrivals.mdx'))).toEqual([
      '-We will post the full count once the numbers are checked.',
      '+We will post the full count once the numbers are checked. Soon.',
    ]);
  });
});
