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
  await library(app).getByRole('group', { name: 'Collections' }).getByRole('button', { name: new RegExp(`^${label}\\b`) }).click();
}

/** Checks that the library's post list shows exactly these titles. */
async function expectListed(app: Page, titles: string[]): Promise<void> {
  const list = library(app).getByRole('list', { name: 'Posts' });
  await expect(list.getByRole('button')).toHaveCount(titles.length);
  for (const title of titles) await expect(list.getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) })).toBeVisible();
}

/** Lines added or removed in the work tree's diff of `path`. */
function changedLines(diff: string): string[] {
  return diff.split('\n').filter((line) => /^[-+](?![-+])/.test(line));
}

test.describe('a Hugo docs site edited through Decap (filtered collections over one folder)', () => {
  test.use({ site: 'sites/decap-docs' });

  test('each collection lists exactly its posts; a guide opens with its fields and one word changes one line', async ({ app, repo }) => {
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
    await library(app).getByRole('button', { name: /Calibrating the sounder/ }).click();
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
    expect(readFileSync(join(repo.workTree, 'content/docs/sounder-codes.md'), 'utf8')).toMatch(/^---\ntitle: Sounder codes\ngroup: reference\n/);
    await chooseCollection(app, 'Reference');
    await expectListed(app, ['Command line', 'Sounder codes', 'The config file']);
  });
});
