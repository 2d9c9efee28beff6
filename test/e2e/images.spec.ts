import { redPng } from '../support/png';
import { test, expect } from './app-fixture';

const TITLE = 'Lighthouse Sketches';
const ALT = 'A red lighthouse';

test.use({
  repoFiles: {
    'static/img/lighthouse.png': redPng(12, 8),
    'content/posts/2026-04-01-lighthouse-sketches.md': `---\ntitle: ${TITLE}\ndate: 2026-04-01T09:00:00.000Z\ndraft: false\n---\n\nDrawn on the pier.\n\n![${ALT}](/img/lighthouse.png)\n\n![A missing sketch](/img/missing.png)\n`,
  },
});

test('an image stored in the repository shows in the editor, offline', async ({ app }) => {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: new RegExp(TITLE) })
    .click();
  const body = app.getByRole('textbox', { name: 'Post body' });

  const image = body.getByRole('img', { name: ALT });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(12);
  expect(await image.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/media\?/);

  // A path with no file behind it falls back to the placeholder naming it.
  const missing = body.getByRole('img', { name: 'Image: A missing sketch' });
  await expect(missing).toBeVisible();
  await expect(missing).toContainText('/img/missing.png');
});
