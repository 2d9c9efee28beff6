import { test, expect } from './app-fixture';

const POST = 'content/posts/2026-03-14-harbour-meetup.md';
const OLD_TITLE = 'Harbour Meetup 2026: Notes from the Quayside';
const NEW_TITLE = 'Harbour Meetup 2026: What the Quayside Taught Us';
const SENTENCE = 'Next time we will bring our own chairs.';

test('a writer edits a post and publishes it with one commit on the remote', async ({ app, repo }) => {
  const before = repo.remoteLog();
  const original = repo.remoteFile(POST);

  // The library lists both posts, newest first.
  const library = app.getByRole('navigation', { name: 'Library' });
  const posts = library.getByRole('listitem');
  await expect(posts).toHaveCount(3);
  await expect(posts.first()).toContainText(OLD_TITLE);
  await expect(posts.nth(1)).toContainText('Winter Reading for Tool Makers');

  await library.getByRole('button', { name: new RegExp(OLD_TITLE) }).click();

  const title = app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveValue(OLD_TITLE);
  await title.fill(NEW_TITLE);

  // Type a sentence at the end of the body's last paragraph.
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.getByText(/^We will meet again in the autumn/).click();
  await app.keyboard.press('Control+End');
  await app.keyboard.type(` ${SENTENCE}`);
  await expect(app.getByRole('contentinfo')).toContainText('Unsaved changes');

  await app.getByRole('tab', { name: 'Publish' }).click();
  await app.getByRole('button', { name: 'Publish', exact: true }).click();
  const published = app.getByRole('status').filter({ hasText: 'Published' });
  await expect(published).toBeVisible();

  // Exactly one new commit on the remote, touching only the post.
  const after = repo.remoteLog();
  expect(after.length).toBe(before.length + 1);
  expect(after.slice(1)).toEqual(before);
  const head = after[0]!;
  await expect(published).toContainText(head.slice(0, 7));
  expect(repo.remoteCommitFiles(head)).toEqual([POST]);
  expect(repo.remoteCommitMessage(head)).toBe(`Publish: ${NEW_TITLE}`);

  // The file holds the new title and sentence; every other front-matter byte is as before.
  const publishedFile = repo.remoteFile(POST);
  const [, originalFront, originalBody] = original.split(/^---$/m);
  const [, newFront, newBody] = publishedFile.split(/^---$/m);
  expect(newFront).toBe(originalFront!.replace(`title: "${OLD_TITLE}"\n`, `title: "${NEW_TITLE}"\n`));
  expect(newBody).toContain(
    `\nWe will meet again in the autumn, probably somewhere with fewer seagulls. ${SENTENCE}\n`,
  );
  // Nothing else in the body moved.
  expect(newBody!.replace(` ${SENTENCE}`, '')).toBe(originalBody);
});
