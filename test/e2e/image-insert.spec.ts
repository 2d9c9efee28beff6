import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { noisyPng, redPng } from '../support/png';
import { test, expect } from './app-fixture';

// The Decap fixture site: media_folder static/images, public_folder /images.
test.use({ site: 'sites/decap' });

const POST = 'content/blog/2026-01-20-keeping-a-changelog-honest.md';
const TITLE = 'Keeping a Changelog Honest';
const CHART = redPng(48, 32);
const QUAY = redPng(30, 20, [0x20, 0x60, 0xc0]);
const SHOTS = '/tmp/shots-B';

async function openPost(app: Page) {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: new RegExp(TITLE) })
    .click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect(body).toBeVisible();
  return body;
}

/** The last paragraph's end: where a writer finishing a post adds a picture. */
async function caretAtEnd(app: Page) {
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.locator('p').last().click();
  await app.keyboard.press('End');
}

/** Dispatches `type` on the last paragraph with a DataTransfer holding a file (a PNG unless `mime` says otherwise), as a drop or a paste. */
async function sendFile(app: Page, type: 'drop' | 'paste', name: string, bytes: Buffer, mime = 'image/png') {
  const target = app.getByRole('textbox', { name: 'Post body' }).locator('p').last();
  await target.evaluate(
    (element, { type, name, data, mime }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type: mime }));
      const box = element.getBoundingClientRect();
      const at = { clientX: box.right - 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true };
      // When the file was handed over, for timing what the app does from there.
      (window as unknown as { sentAt: number }).sentAt = performance.now();
      if (type === 'drop') {
        element.dispatchEvent(new DragEvent('dragover', { ...at, dataTransfer: transfer }));
        element.dispatchEvent(new DragEvent('drop', { ...at, dataTransfer: transfer }));
      } else {
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    { type, name, data: bytes.toString('base64'), mime },
  );
}

function file(repo: { workTree: string }, path: string): Buffer {
  return readFileSync(join(repo.workTree, ...path.split('/')));
}

test('an image picked with the toolbar button is copied into the media folder, described inline, saved and published with the post', async ({
  app,
  repo,
}) => {
  const original = file(repo, POST).toString('utf8');
  const imagesBefore = readdirSync(join(repo.workTree, 'static/images')).sort();
  await openPost(app);
  await caretAtEnd(app);

  // The toolbar's image button (its file chooser); the picker's own file input if the toolbar lacks it.
  const button = app.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert image' });
  if ((await button.count()) > 0) {
    const chooser = app.waitForEvent('filechooser');
    await button.click();
    await (await chooser).setFiles({ name: 'Harbour Chart.png', mimeType: 'image/png', buffer: CHART });
  } else {
    await app
      .getByLabel('Choose images to insert')
      .setInputFiles({ name: 'Harbour Chart.png', mimeType: 'image/png', buffer: CHART });
  }

  // The picture shows at once, and its description is asked for right under it.
  const body = app.getByRole('textbox', { name: 'Post body' });
  const alt = body.getByRole('textbox', { name: 'Image description (alt text)' }).last();
  await expect(alt).toBeFocused();
  await expect
    .poll(() =>
      body
        .locator('img')
        .last()
        .evaluate((img) => (img as HTMLImageElement).naturalWidth),
    )
    .toBe(48);
  // Where the file went is said, in the site's own terms.
  await expect(
    app.getByRole('status').filter({ hasText: 'Added static/images/harbour-chart.png (the site’s media_folder).' }),
  ).toBeVisible();
  await alt.fill('Releases per month, 2025');

  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await app.screenshot({ path: `${SHOTS}/image-alt-prompt-${scheme}.png` });
  }
  await app.emulateMedia({ colorScheme: 'light' });

  await app.keyboard.press('Enter');
  await expect(alt).not.toBeFocused();
  await expect(app.getByRole('contentinfo')).toContainText('Unsaved changes');
  await app.keyboard.press('Control+S');
  // The status changes as the save starts; the file is complete once it names the new image.
  await expect.poll(() => file(repo, POST).toString('utf8')).toContain('](/images/');

  // The file is in Decap's media_folder, byte for byte; the post gained exactly one line.
  expect(file(repo, 'static/images/harbour-chart.png').equals(CHART)).toBe(true);
  expect(readdirSync(join(repo.workTree, 'static/images')).sort()).toEqual(
    [...imagesBefore, 'harbour-chart.png'].sort(),
  );
  const saved = file(repo, POST).toString('utf8');
  expect(saved).toBe(`${original.replace(/\n+$/, '')}\n\n![Releases per month, 2025](/images/harbour-chart.png)\n`);

  // Publish: the tab lists the new image with the changes; one commit holds both, nothing else.
  await app.getByRole('tab', { name: 'Publish' }).click();
  await expect(app.getByRole('list', { name: 'Images published with the post' })).toHaveText(
    'static/images/harbour-chart.png',
  );
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await app.screenshot({ path: `${SHOTS}/image-publish-${scheme}.png` });
  }
  await app.emulateMedia({ colorScheme: 'light' });
  await app.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  const head = repo.remoteLog()[0]!;
  expect(repo.remoteCommitFiles(head).sort()).toEqual([POST, 'static/images/harbour-chart.png'].sort());
  expect(repo.git('status', '--porcelain').trim()).toBe('');

  // Opened afresh, the picture loads from the repository by the src the post now holds.
  await app.reload();
  await openPost(app);
  const stored = app.getByRole('textbox', { name: 'Post body' }).getByRole('img', { name: 'Releases per month, 2025' });
  await expect.poll(() => stored.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(48);
  expect(await stored.getAttribute('src')).toMatch(/\/api\/media\?/);
});

test('a dropped image and a pasted one land in the media folder; the same bytes pasted again reuse the file', async ({
  app,
  repo,
}) => {
  const original = file(repo, POST).toString('utf8');
  await openPost(app);
  await caretAtEnd(app);

  await sendFile(app, 'drop', 'Quay at dusk.png', QUAY);
  const body = app.getByRole('textbox', { name: 'Post body' });
  const alts = body.getByRole('textbox', { name: 'Image description (alt text)' });
  await expect(alts.last()).toBeFocused();
  await alts.last().fill('The quay at dusk');
  await app.keyboard.press('Enter');
  expect(file(repo, 'static/images/quay-at-dusk.png').equals(QUAY)).toBe(true);

  const count = await alts.count();
  await caretAtEnd(app);
  await sendFile(app, 'paste', 'image.png', QUAY);
  await expect(alts).toHaveCount(count + 1);
  await expect(alts.last()).toBeFocused();
  await alts.last().fill('Again');
  await app.keyboard.press('Escape');
  await expect(alts.last()).not.toBeFocused();

  await expect(app.getByRole('contentinfo')).toContainText('Unsaved changes');
  // A file that is not an image is refused with a word, not swallowed.
  await sendFile(app, 'drop', 'minutes.pdf', Buffer.from('%PDF-1.4 not a picture'), 'application/pdf');
  await expect(app.getByRole('alert').filter({ hasText: 'Only images can be added to a post' })).toContainText(
    '“minutes.pdf” is not one.',
  );
  await expect(alts).toHaveCount(count + 1);

  await app.keyboard.press('Control+S');
  // The status changes as the save starts; the file is complete once it names the new image.
  await expect.poll(() => file(repo, POST).toString('utf8')).toContain('](/images/');
  // Same bytes: no pasted-image copy was written, the post points at the existing file twice.
  expect(readdirSync(join(repo.workTree, 'static/images')).filter((name) => name.startsWith('pasted-image'))).toEqual(
    [],
  );
  const saved = file(repo, POST).toString('utf8');
  expect(saved).toBe(
    `${original.replace(/\n+$/, '')}\n\n![The quay at dusk](/images/quay-at-dusk.png)\n\n![Again](/images/quay-at-dusk.png)\n`,
  );
});

test('an image field of the front-matter form picks an image by the same rules and gets its path', async ({
  app,
  repo,
}) => {
  const original = file(repo, POST).toString('utf8');
  await openPost(app);
  await app.getByRole('tab', { name: 'Fields' }).click();

  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Choose image for Cover image' }).click();
  await (await chooser).setFiles({ name: 'Changelog Cover.png', mimeType: 'image/png', buffer: CHART });
  await expect(app.getByRole('textbox', { name: 'Cover image' })).toHaveValue('/images/changelog-cover.png');
  expect(file(repo, 'static/images/changelog-cover.png').equals(CHART)).toBe(true);
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await app.getByRole('textbox', { name: 'Cover image' }).scrollIntoViewIfNeeded();
    await app.screenshot({ path: `${SHOTS}/image-field-${scheme}.png` });
  }

  await expect(app.getByRole('contentinfo')).toContainText('Unsaved changes');
  await app.keyboard.press('Control+S');
  await expect.poll(() => file(repo, POST).toString('utf8')).toContain('cover: /images/changelog-cover.png\n');
  // Only the new field's line was added.
  expect(file(repo, POST).toString('utf8').replace('cover: /images/changelog-cover.png\n', '')).toBe(original);

  // The checks know the new file (no "missing image"), and the cover is published with the post.
  await app.getByRole('tab', { name: 'Publish' }).click();
  await app.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  expect(repo.remoteCommitFiles(repo.remoteLog()[0]!).sort()).toEqual(
    [POST, 'static/images/changelog-cover.png'].sort(),
  );
});

test('a large image is flagged with its pixel size, by the social-image limits', async ({ app, repo }) => {
  await openPost(app);
  await caretAtEnd(app);
  await sendFile(app, 'drop', 'Panorama.png', redPng(5000, 300));
  const body = app.getByRole('textbox', { name: 'Post body' });
  await expect
    .poll(() =>
      body
        .locator('img')
        .last()
        .evaluate((img) => (img as HTMLImageElement).naturalWidth),
    )
    .toBe(5000);
  await expect(
    app.getByRole('status').filter({ hasText: 'This image is large: 5000 × 300 px (over 4096 px).' }),
  ).toBeVisible();
  expect(readFileSync(join(repo.workTree, 'static/images/panorama.png')).subarray(16, 24).readUInt32BE(0)).toBe(5000);

  // About 8.7 MB of photo-like noise: flagged by its bytes.
  const photo = noisyPng(1700, 1700);
  await caretAtEnd(app);
  await sendFile(app, 'drop', 'Harbour photo.png', photo);
  await expect
    .poll(() =>
      body
        .locator('img')
        .last()
        .evaluate((img) => (img as HTMLImageElement).naturalWidth),
    )
    .toBe(1700);
  const shownAfter = await app.evaluate(() => performance.now() - (window as unknown as { sentAt: number }).sentAt);
  console.log(
    `image-insert: a ${(photo.length / 1e6).toFixed(1)} MB PNG dropped to shown in at most ${Math.round(shownAfter)} ms`,
  );
  await expect(
    app.getByRole('status').filter({
      hasText: `This image is large: ${(Math.round(photo.length / 100_000) / 10).toString()} MB (over 5 MB).`,
    }),
  ).toBeVisible();
  expect(file(repo, 'static/images/harbour-photo.png').equals(photo)).toBe(true);
});
