import type { Page } from '@playwright/test';
import { startHttpGitServer, type HttpGitServer } from '../support/http-git-server';
import { test, expect } from './app-fixture';

const TITLE = 'Harbour Meetup 2026: Notes from the Quayside';
const USER = 'harbour-writer';
const TOKEN = 'ghp_QuaysideKey0123456789abcdefgh';

let server: HttpGitServer | undefined;
test.afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function typeAtEnd(app: Page, words: string): Promise<void> {
  await app
    .getByRole('textbox', { name: 'Post body' })
    .getByText(/^We will meet again in the autumn/)
    .click();
  await app.keyboard.press('Control+End');
  await app.keyboard.type(words);
}

test('publishing to a remote that wants a token asks for it once, keeps it, and can forget it', async ({
  app,
  repo,
}, testInfo) => {
  repo.remoteGit('config', 'http.receivepack', 'true');
  server = await startHttpGitServer({ projectRoot: repo.root, username: USER, token: TOKEN });
  repo.git('remote', 'set-url', 'origin', server.urlOf('remote.git'));
  const before = repo.remoteLog();

  // Git may ask at any moment (a background fetch, the publish): the writer answers whenever the
  // dialog shows — signing in at first, cancelling once the sign-in is forgotten.
  const dialog = app.getByRole('dialog', { name: `Sign in to ${server.host}` });
  const asked = { signIn: 0, cancel: 0 };
  let writer: 'sign-in' | 'cancel' = 'sign-in';
  await app.addLocatorHandler(dialog, async () => {
    if (writer === 'cancel') {
      asked.cancel += 1;
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      return;
    }
    asked.signIn += 1;
    await dialog.getByRole('textbox', { name: 'Username' }).fill(USER);
    await dialog.getByLabel('Access token').fill(TOKEN);
    await app.screenshot({ path: testInfo.outputPath('sign-in-dialog.png') });
    await dialog.getByRole('button', { name: 'Sign in' }).click();
  });

  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: new RegExp(TITLE) })
    .click();
  await typeAtEnd(app, ' Bring a coat.');
  await app.getByRole('tab', { name: 'Publish' }).click();
  await app.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  expect(repo.remoteLog().length).toBe(before.length + 1);
  expect(asked.signIn).toBe(1);
  // The token never shows in the page.
  expect(await app.content()).not.toContain(TOKEN);

  // Web mode keeps the sign-in in memory; the Publish tab offers to forget it.
  const forget = app.getByRole('button', { name: `Forget credentials for ${server.host}` });
  await expect(forget).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('publish-tab-signed-in.png') });
  writer = 'cancel';
  await forget.click();
  await expect(forget).toHaveCount(0);

  // Forgotten: git asks again; cancelling fails the publish in plain words, the commit kept.
  await typeAtEnd(app, ' And a flask.');
  await app.getByRole('button', { name: 'Publish', exact: true }).click();
  const failure = app.getByRole('alert').filter({ hasText: `Signing in to ${server.host} was cancelled` });
  await expect(failure).toBeVisible();
  await expect(failure).not.toContainText(TOKEN);
  expect(asked).toMatchObject({ signIn: 1, cancel: expect.any(Number) });
  expect(asked.cancel).toBeGreaterThan(0);
  expect(repo.git('log', '-1', '--format=%s').trim()).toBe(`Publish: ${TITLE}`);
  await app.screenshot({ path: testInfo.outputPath('sign-in-cancelled.png') });
});
