import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ContentRepo } from '../support/content-repo';
import { closedPort } from '../support/git-fixtures';
import { test, expect } from './app-fixture';

const POST = 'content/posts/2026-03-14-harbour-meetup.md';
const TITLE = 'Harbour Meetup 2026: Notes from the Quayside';
const FIRST = 'The spring meetup took place in the old customs house by the harbour.';
const LAST = 'We will meet again in the autumn, probably somewhere with fewer seagulls.';

/** A co-author edits the post in their own clone and pushes it. */
function coAuthorPushes(repo: ContentRepo, edit: (text: string) => string, message: string): void {
  const other = repo.cloneElsewhere();
  const file = join(other.workTree, ...POST.split('/'));
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error('the co-author’s edit changed nothing');
  writeFileSync(file, after);
  other.git('commit', '--quiet', '-am', message);
  other.git('push', '--quiet');
}

const statusBar = (app: Page) => app.getByRole('contentinfo');
const body = (app: Page) => app.getByRole('textbox', { name: 'Post body' });

/** Opens the post and puts the caret at the end of its last paragraph. */
async function openAtEnd(app: Page): Promise<void> {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: new RegExp(TITLE) })
    .click();
  await body(app)
    .getByText(/^We will meet again in the autumn/)
    .click();
  await app.keyboard.press('Control+End');
}

async function publish(app: Page): Promise<void> {
  await app.getByRole('tab', { name: 'Publish' }).click();
  await app.getByRole('button', { name: 'Publish', exact: true }).click();
}

async function screens(app: Page, name: string, target: () => ReturnType<Page['locator']>): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await target().screenshot({ path: `test-results/screens/${name}-${scheme}.png` });
  }
  await app.emulateMedia({ colorScheme: 'light' });
}

test('a co-author’s change to another paragraph merges on publish, and both changes reach the remote', async ({
  app,
  repo,
}) => {
  await expect(statusBar(app)).toContainText('Up to date');
  coAuthorPushes(
    repo,
    (text) => text.replace(FIRST, `${FIRST} The harbour master lent us the key.`),
    'Mention the key',
  );

  await openAtEnd(app);
  await app.keyboard.type(' Bring a coat.');
  await publish(app);
  const done = app.getByRole('status').filter({ hasText: 'Published' });
  await expect(done).toBeVisible();
  await expect(app.getByRole('region', { name: 'Someone else changed this post too' })).toHaveCount(0);

  const remote = repo.remoteFile(POST);
  expect(remote).toContain(`${FIRST} The harbour master lent us the key.`);
  expect(remote).toContain(`${LAST} Bring a coat.\n`);
  expect(repo.remoteCommitMessage(repo.remoteLog()[0]!)).toBe(`Publish: ${TITLE}`);
  // The editor shows what was published: the co-author's sentence too.
  await expect(body(app)).toContainText('The harbour master lent us the key.');
  await expect(statusBar(app)).toContainText('Up to date');
});

test('a co-author’s change to the same paragraph opens the conflict view; the writer’s merged text is published', async ({
  app,
  repo,
}) => {
  coAuthorPushes(repo, (text) => text.replace('in the autumn', 'in October'), 'Set the date');

  await openAtEnd(app);
  await app.keyboard.type(' Bring a coat.');
  await publish(app);

  const view = app.getByRole('region', { name: 'Someone else changed this post too' });
  await expect(view).toBeVisible();
  const clash = view.getByRole('group').first();
  await expect(clash.getByRole('figure').filter({ hasText: 'Theirs' })).toContainText('in October');
  await expect(clash.getByRole('figure').filter({ hasText: 'Mine' })).toContainText('Bring a coat.');
  await expect(view.getByRole('button', { name: 'Publish merged' })).toBeDisabled();
  await screens(app, 'sync-conflict', () => view);

  // Keyboard only: Edit starts from the writer's text.
  await clash.getByRole('button', { name: 'Edit' }).focus();
  await app.keyboard.press('Enter');
  const edit = clash.getByRole('textbox');
  await expect(edit).toHaveValue(/in the autumn, probably somewhere with fewer seagulls\. Bring a coat\.$/);
  await edit.fill('We will meet again in October, probably somewhere with fewer seagulls. Bring a coat.');
  await screens(app, 'sync-conflict-edit', () => view);
  await view.getByRole('button', { name: 'Publish merged' }).click();

  await expect(view).toHaveCount(0);
  await expect(app.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  expect(repo.remoteFile(POST)).toContain(
    '\nWe will meet again in October, probably somewhere with fewer seagulls. Bring a coat.\n',
  );
  await expect(body(app)).toContainText(
    'We will meet again in October, probably somewhere with fewer seagulls. Bring a coat.',
  );
  await expect(statusBar(app)).toContainText('Saved');
});

test('publishing offline commits locally, waits to push, and Sync pushes once the remote is back', async ({
  app,
  repo,
}) => {
  await expect(statusBar(app)).toContainText('Up to date');
  await screens(app, 'sync-status-up-to-date', () => statusBar(app));
  const before = repo.remoteLog();
  // Offline: the remote's address answers nothing (a port on this machine nobody listens on).
  repo.git('remote', 'set-url', 'origin', `http://127.0.0.1:${await closedPort()}/blog.git`);

  await openAtEnd(app);
  await app.keyboard.type(' Bring a coat.');
  await publish(app);
  await expect(app.getByRole('status').filter({ hasText: 'Published locally' })).toContainText('will push when online');
  await expect(statusBar(app)).toContainText('1 post waiting to be pushed');
  await screens(app, 'sync-status-waiting', () => statusBar(app));
  await screens(app, 'sync-publish-offline', () => app.getByRole('complementary', { name: 'Inspector' }));

  repo.git('remote', 'set-url', 'origin', repo.bareRemote);
  await statusBar(app).getByRole('button', { name: 'Sync' }).click();
  await expect(statusBar(app)).toContainText('Up to date');
  const after = repo.remoteLog();
  expect(after.slice(1)).toEqual(before);
  expect(repo.remoteFile(POST)).toContain(`${LAST} Bring a coat.\n`);
});

test('a co-author’s change pulled by Sync reloads the open post in place, keeping the caret', async ({ app, repo }) => {
  coAuthorPushes(
    repo,
    (text) => text.replace(FIRST, `${FIRST} The harbour master lent us the key.`),
    'Mention the key',
  );
  // Coming back to the app fetches: the status bar tells of the change.
  await app.reload();
  await expect(statusBar(app)).toContainText('1 change from others');
  await screens(app, 'sync-status-behind', () => statusBar(app));

  await openAtEnd(app);
  await statusBar(app).getByRole('button', { name: 'Sync' }).click();
  await expect(body(app)).toContainText('The harbour master lent us the key.');
  await expect(statusBar(app)).toContainText('Up to date');
  await expect(statusBar(app)).toContainText('Saved');
  // The caret is where it was: typing goes on at the end of the last paragraph.
  await app.keyboard.type(' Bring a coat.');
  await expect(body(app).getByText(`${LAST} Bring a coat.`)).toBeVisible();
});

test('a branch that tracks nothing is linked to the remote from the publish error, and the post is published there', async ({
  app,
  repo,
}) => {
  repo.git('checkout', '--quiet', '-b', 'spring-drafts');
  await openAtEnd(app);
  await app.keyboard.type(' Coats were optional.');
  await publish(app);

  const notice = app.getByRole('alert').filter({ hasText: 'Not published' });
  await expect(notice).toContainText('not linked to a branch on the remote');
  // Refused before anything was written: the edits wait in the editor.
  expect(readFileSync(join(repo.workTree, ...POST.split('/')), 'utf8')).not.toContain('Coats were optional.');
  await screens(app, 'publish-no-upstream', () => notice);
  await app.getByRole('button', { name: 'Link branch and publish' }).click();

  await expect(app.getByRole('status').filter({ hasText: 'Published' })).toContainText('origin/spring-drafts');
  expect(repo.remoteGit('show', `spring-drafts:${POST}`)).toContain(`${LAST} Coats were optional.`);
  expect(repo.git('rev-parse', '--abbrev-ref', '@{upstream}').trim()).toBe('origin/spring-drafts');
  expect(repo.remoteGit('rev-parse', 'main').trim()).not.toBe(repo.remoteGit('rev-parse', 'spring-drafts').trim());
});
