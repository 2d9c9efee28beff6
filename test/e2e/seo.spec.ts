import { test, expect } from './app-fixture';
import type { Page } from '@playwright/test';
import { publishFromKeyboard } from './publish-keys';

// The SEO tab as a writer uses it: previews that follow the fields as they are typed, checks with
// their numbers, and publishing held back by SEO errors until fixed or confirmed.

async function openPost(app: Page, title: RegExp): Promise<void> {
  await app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: title }).click();
  await expect(app.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title);
}

function check(app: Page, title: string) {
  return app
    .getByRole('list', { name: 'SEO checks' })
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^\\W*(Error|Warning|Pass): ${title}(?! ?[a-z])`) });
}

test.describe('on a site without a CMS config', () => {
  test('a long title is cut in the Google preview and warned about; an empty description is advice that does not hold publishing back', async ({
    app,
    repo,
  }) => {
    const before = repo.remoteLog().length;
    await openPost(app, /Harbour Meetup 2026/);
    const long =
      'Harbour Meetup 2026: Notes from the Quayside, the Ferries, the Customs House and the Long Queue for Soup';
    await app.getByRole('textbox', { name: 'SEO Title' }).fill(long);

    await app.getByRole('tab', { name: 'SEO' }).click();
    const desktop = app.getByRole('figure', { name: /Google result \(desktop\)/ });
    await expect(desktop).toContainText('Harbour Meetup 2026: Notes from the Quayside');
    await expect(desktop).toContainText('…');
    await expect(desktop).not.toContainText('Long Queue for Soup');
    await expect(check(app, 'Title width')).toContainText('Warning');
    await expect(check(app, 'Title width')).toContainText(/\d+ px wide/);
    await expect(check(app, 'Title length')).toContainText(`${long.length} characters`);

    await app.getByRole('tab', { name: 'Fields' }).click();
    await app.getByRole('textbox', { name: 'SEO Description' }).fill('');
    await app.getByRole('tab', { name: 'SEO' }).click();
    // Every post of this site has a description, so a missing one is worth a word, but the page still works.
    await expect(check(app, 'Description')).toContainText('Warning');
    await expect(check(app, 'Description')).toContainText('No description');

    await publishFromKeyboard(app);
    await expect(app.getByRole('status').filter({ hasText: 'Published' })).toBeVisible({ timeout: 20_000 });
    expect(repo.remoteLog()).toHaveLength(before + 1);
    expect(repo.remoteFile('content/posts/2026-03-14-harbour-meetup.md')).toContain(`title: "${long}"`);
  });

  test('an image the repository does not have breaks the page: it blocks publishing until confirmed', async ({
    app,
    repo,
  }) => {
    const before = repo.remoteLog().length;
    await openPost(app, /Our Release Checklist/);
    // An edit, so publishing has something to commit.
    await app
      .getByRole('textbox', { name: 'Post body' })
      .getByText(/^Every release starts from the same list/)
      .click();
    await app.keyboard.press('Home');
    await app.keyboard.type('Still: ');
    await app.getByRole('tab', { name: 'SEO' }).click();
    await expect(check(app, 'Internal links')).toContainText('Error');
    await expect(check(app, 'Internal links')).toContainText('/img/checklist-board.png');

    await publishFromKeyboard(app);
    const blocked = app.getByRole('alert').filter({ hasText: 'The SEO checks found' });
    await expect(blocked).toContainText('/img/checklist-board.png');
    // Held back: nothing was committed or pushed.
    expect(repo.remoteLog()).toHaveLength(before);

    await blocked.getByRole('button', { name: 'Publish anyway' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Published' })).toBeVisible({ timeout: 20_000 });
    expect(repo.remoteLog()).toHaveLength(before + 1);
  });
});

test('the writer chooses which field feeds a preview, for every post of the collection, and it is remembered', async ({
  app,
}) => {
  await openPost(app, /Harbour Meetup 2026/);
  await app.getByRole('tab', { name: 'SEO' }).click();
  const desktop = app.getByRole('figure', { name: /Google result \(desktop\)/ });
  await expect(desktop).toContainText('Notes from the Quayside');

  await app.getByText('Which fields feed the previews').click();
  const title = app.getByRole('combobox', { name: 'Title', exact: true });
  await expect(title).toHaveValue('');
  await title.selectOption('author');
  await expect(desktop).toContainText('Mara Lindqvist');
  await expect(check(app, 'Title')).toContainText('“author”');

  // Another post of the same collection uses the same mapping, also after the app is reloaded.
  await app.reload();
  await openPost(app, /Winter Reading/);
  await app.getByRole('tab', { name: 'SEO' }).click();
  await expect(app.getByRole('figure', { name: /Google result \(desktop\)/ })).toContainText('Jonas Ebert');
});

test.describe('with an image only in the body', () => {
  test.use({
    repoFiles: {
      'static/img/checklist-board.png': Buffer.from(
        '89504e470d0a1a0a0000000d49484452000001f4000000fa0806000000',
        'hex',
      ),
    },
  });

  test('the cards fall back to the body’s first image, and its real size is checked', async ({ app }) => {
    await openPost(app, /Our Release Checklist/);
    await app.getByRole('tab', { name: 'SEO' }).click();
    await expect(app.getByRole('note')).toContainText('Image from the body');
    await expect(check(app, 'Open Graph image size')).toContainText('500 × 250');
    await expect(check(app, 'Open Graph image size')).toContainText('Warning');
  });
});

test.describe('on a Decap CMS site', () => {
  test.use({ site: 'sites/decap' });

  test('the social image is read from the repository: cards show it and the size check uses its real dimensions', async ({
    app,
  }) => {
    await openPost(app, /Offline-First Editing on the Ferry/);
    await app.getByRole('tab', { name: 'SEO' }).click();

    const og = app.getByRole('figure', { name: /Facebook \/ LinkedIn card/ });
    await expect(og.locator('img')).toHaveAttribute('src', /small-thumb\.jpg/);
    await expect(og.locator('img')).toHaveJSProperty('naturalWidth', 400);
    await expect(check(app, 'Open Graph image size')).toContainText('Warning');
    await expect(check(app, 'Open Graph image size')).toContainText('400 × 300');

    await app.getByRole('tab', { name: 'Fields' }).click();
    const seoGroup = app.getByRole('button', { name: /^SEO/, expanded: false });
    if (await seoGroup.count()) await seoGroup.first().click();
    await app.getByRole('textbox', { name: 'SEO Social image' }).fill('/images/harbour-cover.png');
    await app.getByRole('tab', { name: 'SEO' }).click();

    const x = app.getByRole('figure', { name: /X card \(large image\)/ });
    await expect(x.locator('img')).toHaveAttribute('src', /harbour-cover\.png/);
    await expect(x.locator('img')).toHaveJSProperty('naturalWidth', 1200);
    await expect(check(app, 'Open Graph image size')).toContainText('Pass');
    await expect(check(app, 'Open Graph image size')).toContainText('1200 × 630');
    await expect(check(app, 'X card image size')).toContainText('Pass');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`every preview in the ${scheme} theme`, async ({ app }) => {
      await app.emulateMedia({ colorScheme: scheme });
      await openPost(app, /Harbour Lights: What We Heard/);
      await app.getByRole('tab', { name: 'SEO' }).click();
      const names = [
        'Google result (desktop)',
        'Google result (mobile)',
        'X card (large image)',
        'X card (summary)',
        'Facebook / LinkedIn card',
        'Slack unfurl',
      ];
      for (const name of names) {
        const figure = app.getByRole('figure', { name: new RegExp(name.replace(/[()/]/g, '\\$&')) });
        await expect(figure).toBeVisible();
        await figure.scrollIntoViewIfNeeded();
        await figure.screenshot({
          path: `test-results/screens/seo-${name
            .toLowerCase()
            .replace(/[^a-z]+/g, '-')
            .replace(/-$/, '')}-${scheme}.png`,
        });
      }
      await expect(app.getByRole('list', { name: 'SEO checks' })).toBeVisible();
      await app.screenshot({ path: `test-results/screens/seo-tab-${scheme}.png` });
    });
  }
});
