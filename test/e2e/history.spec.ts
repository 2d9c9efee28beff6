import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './app-fixture';

const POST = 'content/posts/2026-03-14-harbour-meetup.md';
const TITLE = 'Harbour Meetup 2026: Notes from the Quayside';
const NEW_TITLE = 'Harbour Meetup 2026: Forty Chairs and a Kettle';

const inspector = (app: Page) => app.getByRole('complementary', { name: 'Inspector' });
const saveState = (app: Page) => app.getByRole('contentinfo').getByRole('status').first();

/** Two more commits of the post on top of the fixture's initial one. */
function commitTwoEdits(repo: {
  workTree: string;
  write(files: Record<string, string>): void;
  git(...args: string[]): string;
}): void {
  const file = join(repo.workTree, POST);
  const original = readFileSync(file, 'utf8');
  const withKettle = original.replace(
    'borrowing chairs from the café next door',
    'borrowing chairs and a kettle from the café next door',
  );
  repo.write({ [POST]: withKettle });
  repo.git('commit', '--quiet', '-am', 'Mention the borrowed kettle');
  repo.write({
    [POST]: withKettle.replace(
      'probably somewhere with fewer seagulls',
      'probably in the boathouse, with fewer seagulls',
    ),
  });
  repo.git('commit', '--quiet', '-am', 'Say where we meet in the autumn');
}

async function typeAtEnd(app: Page, text: string): Promise<void> {
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.getByText(/^We will meet again in the autumn/).click();
  await app.keyboard.press('Control+End');
  await app.keyboard.type(text);
}

test('History lists commits and local saves, shows the words that differ, and restores a version as an unsaved edit', async ({
  app,
  repo,
}) => {
  commitTwoEdits(repo);
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: new RegExp(TITLE) })
    .click();
  await expect(app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(TITLE);

  // Two saves, each kept as a local version.
  await typeAtEnd(app, ' Bring a coat.');
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  await typeAtEnd(app, ' And a scarf.');
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  const onDisk = readFileSync(join(repo.workTree, POST), 'utf8');
  expect(onDisk).toContain('fewer seagulls. Bring a coat. And a scarf.');

  await app.getByRole('tab', { name: 'History' }).click();
  const versions = inspector(app).getByRole('group', { name: 'Versions' });
  const radios = versions.getByRole('radio');
  await expect(radios).toHaveCount(6);
  const names = await radios.evaluateAll((inputs) => inputs.map((input) => input.closest('label')?.textContent ?? ''));
  expect(names.map((name) => name.replace(/ · .*/, ''))).toEqual([
    expect.stringMatching(/^Saved on this computer/),
    expect.stringMatching(/^Saved on this computer/),
    expect.stringMatching(/^The file before a save/),
    expect.stringMatching(/^Say where we meet in the autumnTest Writer/),
    expect.stringMatching(/^Mention the borrowed kettleTest Writer/),
    expect.stringMatching(/^Initial commitTest Writer/),
  ]);
  const head = repo.git('rev-parse', '--short', 'HEAD').trim();
  await expect(versions.getByRole('radio', { name: /Say where we meet in the autumn/ })).toBeVisible();
  await expect(versions.getByText(head)).toBeVisible();

  // The first commit: everything added since is marked, in words.
  await versions.getByRole('radio', { name: /Initial commit/ }).check();
  const changes = inspector(app).getByRole('region', { name: /^Changes since commit / });
  await expect(changes).toBeVisible();
  const added = changes.getByRole('insertion');
  await expect(added.filter({ hasText: 'kettle' })).toHaveCount(1);
  await expect(added.filter({ hasText: 'boathouse' })).toHaveCount(1);
  await expect(added.filter({ hasText: 'Bring a coat' })).toHaveCount(1);
  await expect(changes.getByRole('deletion').filter({ hasText: 'somewhere' })).toHaveCount(1);
  // Markdown a reader never sees is not part of the diff.
  await expect(changes).not.toContainText('##');

  // Arrow keys walk the versions (one radio group, one tab stop).
  await versions.getByRole('radio', { name: /Initial commit/ }).press('ArrowUp');
  await expect(versions.getByRole('radio', { name: /Mention the borrowed kettle/ })).toBeChecked();
  await versions.getByRole('radio', { name: /Mention the borrowed kettle/ }).press('ArrowDown');
  await expect(versions.getByRole('radio', { name: /Initial commit/ })).toBeChecked();
  await expect(changes.getByRole('insertion').filter({ hasText: 'kettle' })).toHaveCount(1);

  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await inspector(app).screenshot({ path: `test-results/screens/history-${scheme}.png` });
  }
  await app.emulateMedia({ colorScheme: 'light' });
  await app.screenshot({ path: 'test-results/screens/history-window-light.png' });

  await inspector(app).getByRole('button', { name: 'Restore this version' }).click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toContainText('borrowing chairs from the café next door');
  await expect(body).toContainText('probably somewhere with fewer seagulls.');
  await expect(body).not.toContainText('Bring a coat');
  await expect(saveState(app)).toHaveText('Unsaved changes');
  await expect(inspector(app).getByRole('status').filter({ hasText: 'Restored as an unsaved edit' })).toBeVisible();
  await expect(inspector(app).getByRole('heading', { name: 'Same as your text now' })).toBeVisible();
  // Nothing was written: the file is as the last save left it.
  expect(readFileSync(join(repo.workTree, POST), 'utf8')).toBe(onDisk);
});

test('the Publish tab shows what will be published: changed fields as old → new and the changed words', async ({
  app,
  repo,
}) => {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: new RegExp(TITLE) })
    .click();
  const title = app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveValue(TITLE);

  await app.getByRole('tab', { name: 'Publish' }).click();
  const publish = inspector(app).getByRole('region', { name: 'Changes to publish' });
  await expect(publish).toContainText('Nothing changed since the last commit');

  await title.fill(NEW_TITLE);
  await typeAtEnd(app, ' Bring a coat.');
  const changes = publish.getByRole('region', { name: 'Changes since the last commit' });
  await expect(changes.getByRole('listitem').filter({ hasText: /^title:/ })).toHaveText(
    `title: was ${TITLE} → now ${NEW_TITLE}`,
  );
  await expect(changes.getByRole('insertion').filter({ hasText: 'Bring a coat' })).toHaveCount(1);
  // The message and the button stay below the diff.
  await expect(inspector(app).getByText(`Publish: ${NEW_TITLE}`)).toBeVisible();

  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await inspector(app).screenshot({ path: `test-results/screens/publish-diff-${scheme}.png` });
  }
  await app.emulateMedia({ colorScheme: 'light' });

  // Publishing makes the commit the diff described; afterwards nothing is left to publish.
  await inspector(app).getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(inspector(app).getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  await expect(publish).toContainText('Nothing changed since the last commit');
  expect(repo.remoteFile(POST)).toContain(`title: "${NEW_TITLE}"`);
});
