import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './app-fixture';
import type { Locator, Page } from '@playwright/test';
import { publishFromKeyboard } from './publish-keys';

// A bilingual Decap CMS site (test/fixtures/sites/decap-i18n): the library tells the locales of a
// post apart, the open post shows which translations exist, and a missing one is added through
// the form and published with the values Decap would write into it.

test.use({ site: 'sites/decap-i18n' });

function library(app: Page): Locator {
  return app.getByRole('navigation', { name: 'Library' });
}

function fields(app: Page): Locator {
  return app.getByRole('tabpanel', { name: 'Fields' });
}

test('the library tags each translation with its locale, and a missing translation is added, filled and published', async ({
  app,
  repo,
}) => {
  const posts = library(app).getByRole('list', { name: 'Posts' });
  // The English and German files of one post sit together, each named with its language.
  await expect(posts.getByRole('button', { name: /^Smoking Trout on a Balcony\W+English\W/ })).toBeVisible();
  await expect(posts.getByRole('button', { name: /^Forelle räuchern auf dem Balkon\W+German\W/ })).toBeVisible();
  const names = await posts.getByRole('button').allTextContents();
  expect(names.findIndex((name) => name.startsWith('Forelle'))).toBe(
    names.findIndex((name) => name.startsWith('Smoking Trout')) + 1,
  );
  // A page keeping every language in one file shows them all.
  await expect(posts.getByRole('button', { name: /^About the Kitchen\W+English\W+German$/ })).toBeVisible();
  await expect(posts.getByText('de', { exact: true })).toHaveCount(3);

  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await library(app).screenshot({ path: `test-results/screens/library-locales-${scheme}.png` });
  }
  await app.emulateMedia({ colorScheme: 'light' });

  await posts.getByRole('button', { name: /^Notes from the Night Market/ }).click();
  await expect(app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    'Notes from the Night Market',
  );
  await app.getByRole('tab', { name: 'Fields' }).click();
  const translations = fields(app).getByRole('region', { name: /^Translations/ });
  await expect(translations).toContainText('2 missing');
  await expect(translations.getByRole('listitem').filter({ hasText: 'English' })).toContainText('Open now');
  await expect(translations.getByRole('listitem').filter({ hasText: 'German' })).toContainText('Missing');
  await translations.screenshot({ path: 'test-results/screens/translations-light.png' });

  await translations.getByRole('button', { name: 'Add translation in German' }).click();
  const title = app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveValue('');
  // The German file carries the translated and duplicated fields only; the author is English-only.
  await expect(fields(app).getByRole('textbox', { name: 'Description' })).toHaveValue('');
  await expect(fields(app).getByRole('textbox', { name: 'Author' })).toHaveCount(0);
  await expect(
    fields(app)
      .getByRole('region', { name: /^Translations/ })
      .getByRole('button', { name: 'Open English' }),
  ).toBeVisible();

  await title.fill('Notizen vom Nachtmarkt');
  await fields(app)
    .getByRole('textbox', { name: 'Description' })
    .fill('Fladenbrot, Moltebeerenmarmelade und der beste Stand am Hafen.');
  await app.getByRole('textbox', { name: 'Post body' }).click();
  await app.keyboard.type('Der Markt öffnet, wenn die Fähren nicht mehr fahren.');
  await publishFromKeyboard(app);
  await expect(app.getByRole('status').filter({ hasText: 'Published' })).toBeVisible({ timeout: 20_000 });

  // The title the translation started empty is written plain; the date and tags are the English post's.
  expect(repo.remoteFile('content/posts/de/night-market.md')).toBe(
    [
      '---',
      'title: Notizen vom Nachtmarkt',
      'date: 2026-03-05T19:30:00.000Z',
      'description: Fladenbrot, Moltebeerenmarmelade und der beste Stand am Hafen.',
      'tags:',
      '  - markets',
      '---',
      'Der Markt öffnet, wenn die Fähren nicht mehr fahren.',
      '',
    ].join('\n'),
  );
});

test('changing a field kept the same in every language changes it in the translation too, published together', async ({
  app,
  repo,
}) => {
  const german = 'content/posts/de/smoked-trout.md';
  const before = repo.remoteFile(german);
  await library(app)
    .getByRole('list', { name: 'Posts' })
    .getByRole('button', { name: /^Smoking Trout on a Balcony/ })
    .click();
  await app.getByRole('tab', { name: 'Fields' }).click();
  const translations = fields(app).getByRole('region', { name: /^Translations/ });
  await expect(translations).toContainText('Date and Tags are the same in every language');
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await fields(app).screenshot({ path: `test-results/screens/translations-fields-${scheme}.png` });
  }
  await app.emulateMedia({ colorScheme: 'light' });

  const tags = fields(app).getByRole('textbox', { name: 'New item for Tags' });
  await tags.fill('dill');
  await tags.press('Enter');
  await publishFromKeyboard(app);
  await expect(app.getByRole('status').filter({ hasText: 'Published' })).toBeVisible({ timeout: 20_000 });

  // One commit holds both files; in the German one only the tag list grew.
  expect(repo.remoteGit('show', '--name-only', '--format=', 'main').trim().split('\n').sort()).toEqual([
    german,
    'content/posts/en/smoked-trout.md',
  ]);
  expect(repo.remoteFile(german)).toBe(before.replace('  - smoking\n', '  - smoking\n  - dill\n'));
});

test('a page keeping every language in one file is edited language by language, and a save changes one line', async ({
  app,
  repo,
}) => {
  const page = 'content/pages/about.md';
  await library(app)
    .getByRole('list', { name: 'Posts' })
    .getByRole('button', { name: /^About the Kitchen/ })
    .click();
  const main = app.getByRole('main');
  await expect(main).toContainText('Every language of this post lives in its front matter');
  const german = main.getByRole('group', { name: 'German (de)' });
  // Languages other than the default start folded.
  const toggle = german.getByRole('button', { name: 'German (de)' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  const body = german.getByRole('textbox', { name: 'Body' });
  await expect(body).toHaveValue('Wir kochen auf einem kleinen Herd am Fjord und schreiben auf, was gelingt.');
  await body.fill('Wir kochen auf einem kleinen Herd am Fjord und schreiben alles auf, was gelingt.');
  await app.keyboard.press('Control+S');
  await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');
  const changed = repo
    .git('diff', '--unified=0', '--', page)
    .split('\n')
    .filter((line) => /^[-+](?![-+])/.test(line));
  expect(changed).toEqual([
    '-    Wir kochen auf einem kleinen Herd am Fjord und schreiben auf, was gelingt.',
    '+    Wir kochen auf einem kleinen Herd am Fjord und schreiben alles auf, was gelingt.',
  ]);
});

test.describe('a translation whose front matter is broken', () => {
  test.use({
    repoFiles: {
      'content/posts/de/smoked-trout.md': '---\ntitle: [unclosed\ndate: 2026-02-10T17:00:00.000Z\n---\nText.\n',
    },
  });

  test('is left as it is, and the writer is told after saving', async ({ app, repo }) => {
    await library(app)
      .getByRole('list', { name: 'Posts' })
      .getByRole('button', { name: /^Smoking Trout on a Balcony/ })
      .click();
    await app.getByRole('tab', { name: 'Fields' }).click();
    const tags = fields(app).getByRole('textbox', { name: 'New item for Tags' });
    await tags.fill('dill');
    await tags.press('Enter');
    await app.keyboard.press('Control+S');
    await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');
    const notice = app.getByRole('main').getByRole('alert');
    await expect(notice).toContainText('Saved — but not every translation was brought in step');
    await expect(notice).toContainText('content/posts/de/smoked-trout.md: The front matter has a mistake');
    await app.getByRole('main').screenshot({ path: 'test-results/screens/translation-not-updated-light.png' });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    expect(readFileSync(join(repo.workTree, 'content/posts/de/smoked-trout.md'), 'utf8')).toBe(
      '---\ntitle: [unclosed\ndate: 2026-02-10T17:00:00.000Z\n---\nText.\n',
    );
  });
});
