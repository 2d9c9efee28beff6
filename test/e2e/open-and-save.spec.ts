import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startWebMode } from './app-fixture';
import { publishFromKeyboard } from './publish-keys';

const POST = 'content/posts/2026-01-09-winter-reading.md';

test.describe('starting without a repository', () => {
  test.use({ openAtLaunch: false });

  test('a writer opens a repository by path, and it is offered again next time', async ({ app, repo, browser }) => {
    await expect(app.getByRole('heading', { name: 'Open a content repository' })).toBeVisible();
    await app.getByRole('textbox', { name: 'Repository folder' }).fill(join(repo.workTree, 'does-not-exist'));
    await app.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(app.getByRole('alert')).toContainText(
      `There is no folder at “${join(repo.workTree, 'does-not-exist')}”`,
    );

    await app.getByRole('textbox', { name: 'Repository folder' }).fill(repo.workTree);
    await app.getByRole('button', { name: 'Open', exact: true }).click();
    const posts = app.getByRole('navigation', { name: 'Library' }).getByRole('list', { name: 'Posts' });
    await expect(posts.getByRole('button')).toHaveCount(3);

    // A second launch with the same settings offers the repository on the start screen.
    const configDir = mkdtempSync(join(tmpdir(), 'masthead-config-'));
    try {
      const first = await startWebMode(null, configDir);
      const page = await browser.newPage();
      await page.goto(first.url);
      await page.getByRole('textbox', { name: 'Repository folder' }).fill(repo.workTree);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
      first.server.kill('SIGTERM');

      const second = await startWebMode(null, configDir);
      await page.goto(second.url);
      await page
        .getByRole('button', { name: new RegExp(repo.workTree.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
        .click();
      await expect(
        page.getByRole('navigation', { name: 'Library' }).getByRole('list', { name: 'Posts' }).getByRole('button'),
      ).toHaveCount(3);
      second.server.kill('SIGTERM');
      await page.close();
    } finally {
      rmSync(configDir, { recursive: true, force: true });
    }
  });
});

test('Ctrl+S saves the post to disk without committing it', async ({ app, repo }) => {
  const before = readFileSync(join(repo.workTree, POST), 'utf8');
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Winter Reading/ })
    .click();

  await app.getByRole('tab', { name: 'Fields' }).click();
  const author = app.getByRole('combobox', { name: 'Author', exact: true });
  await expect(author).toHaveValue('Jonas Ebert');
  await author.fill('Jonas Ebert-Lind');
  const saveState = app.getByRole('contentinfo').getByRole('status').first();
  await expect(saveState).toHaveText('Unsaved changes');

  await app.keyboard.press('Control+S');
  await expect(saveState).toHaveText('Saved');

  const after = readFileSync(join(repo.workTree, POST), 'utf8');
  expect(after).toBe(before.replace('author: Jonas Ebert\n', 'author: Jonas Ebert-Lind\n'));
  expect(repo.git('status', '--porcelain')).toBe(` M ${POST}\n`);
  expect(repo.remoteLog()).toHaveLength(1);
});

test('the library shows a saved title, and keeps showing it through saves that change no title', async ({ app }) => {
  const library = app.getByRole('navigation', { name: 'Library' });
  const title = app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true });
  const saveState = app.getByRole('contentinfo').getByRole('status').first();
  const saveNow = async () => {
    await app.keyboard.press('Control+S');
    await expect(saveState).toHaveText('Saved');
  };
  await library.getByRole('button', { name: /Winter Reading/ }).click();

  await title.fill('Winter Reading, Abridged');
  await saveNow();
  await expect(library.getByRole('button', { name: /Winter Reading, Abridged/ })).toBeVisible();

  // Saves of the body alone: the back end answers that the list did not change.
  for (const word of ['Snow', 'Frost']) {
    await app.getByRole('textbox', { name: 'Post body' }).click();
    await app.keyboard.press('Control+End');
    await app.keyboard.type(` ${word}.`);
    await saveNow();
    await expect(library.getByRole('button', { name: /Winter Reading, Abridged/ })).toBeVisible();
  }

  await title.fill('Winter Reading, Complete');
  await saveNow();
  await expect(library.getByRole('button', { name: /Winter Reading, Complete/ })).toBeVisible();
  await expect(library.getByRole('button', { name: /Winter Reading, Abridged/ })).toHaveCount(0);
});

test('when someone else published first, publishing pulls their change, puts ours on top and says so', async ({
  app,
  repo,
}) => {
  // Someone else publishes first, so a plain push would be rejected as out of date.
  const other = repo.cloneElsewhere();
  other.git('commit', '--allow-empty', '--quiet', '-m', 'Another writer');
  other.git('push', '--quiet');

  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Winter Reading/ })
    .click();
  await app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true }).fill('Winter Reading, Revised');
  await app.getByRole('tab', { name: 'Publish' }).click();
  await publishFromKeyboard(app);

  await expect(app.getByRole('tabpanel', { name: 'Publish' })).toContainText('1 change from others was pulled first.');
  // The remote has both: the other writer's commit, then ours on top of it — no merge commit, nothing forced.
  await expect.poll(() => repo.remoteLog().length).toBe(3);
  const [ours, theirs] = repo.remoteLog();
  expect(repo.remoteCommitMessage(ours!)).toBe('Publish: Winter Reading, Revised');
  expect(repo.remoteCommitMessage(theirs!)).toBe('Another writer');
  expect(repo.remoteGit('rev-parse', `${ours}^`).trim()).toBe(theirs);
  expect(repo.remoteFile(POST)).toContain('title: Winter Reading, Revised\n');
  expect(readFileSync(join(repo.workTree, POST), 'utf8')).toContain('title: Winter Reading, Revised\n');
  expect(repo.git('status', '--porcelain')).toBe('');
});
