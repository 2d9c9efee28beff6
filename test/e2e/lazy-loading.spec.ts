import { readFileSync } from 'node:fs';
import { test, expect } from './app-fixture';

// The renderer loads its first screen without the editor, and the parts it loads on demand (the
// editor, MDX's parser, the inspector's tabs, the palette, the preview fonts) arrive without an error.

const MDX_POST = 'content/posts/shortcuts.mdx';
test.use({
  repoFiles: { [MDX_POST]: readFileSync(new URL('../fixtures/posts/mdx-shortcuts.mdx', import.meta.url), 'utf8') },
});

test('the library shows before the editor loads, and every part loaded on demand arrives without an error', async ({
  app,
}, testInfo) => {
  const errors: string[] = [];
  app.on('pageerror', (error) => errors.push(error.message));
  app.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const scripts: string[] = [];
  app.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  // The editor chunk is held back until the test lets it through, to see the page while it loads.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await app.route(/\/editor-chunk-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await app.reload();

  const library = app.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('button', { name: /Harbour Meetup/ })).toBeVisible();
  // Fetched in idle time once the repository is open, not with the page.
  await expect.poll(() => scripts.some((path) => /editor-chunk-/.test(path))).toBe(true);

  await library.getByRole('button', { name: /Harbour Meetup/ }).click();
  await expect(app.getByRole('main').getByRole('status')).toHaveText('Opening the post…');
  await app.screenshot({ path: testInfo.outputPath('opening-post.png') });
  release();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toContainText('customs house');

  // The SEO tab, with its previews measured in the bundled font (WOFF2).
  await app.getByRole('tab', { name: 'SEO' }).click();
  await expect(app.getByRole('figure', { name: /Google result \(desktop\)/ })).toContainText('Harbour Meetup');
  await expect.poll(() => app.evaluate(() => document.fonts.check('700 20px "Masthead Preview Sans"'))).toBe(true);
  await app.getByRole('tab', { name: 'History' }).click();
  await expect(app.getByRole('tabpanel', { name: 'History' })).not.toBeEmpty();
  await app.getByRole('tab', { name: 'Publish' }).click();
  await expect(app.getByRole('tabpanel', { name: 'Publish' })).not.toBeEmpty();

  await app.getByRole('textbox', { name: 'Post body' }).click();
  await app.keyboard.press('ControlOrMeta+Shift+P');
  await expect(app.getByRole('combobox')).toBeFocused();
  await app.keyboard.press('Escape');

  // An MDX post brings MDX's parser along.
  await library.getByRole('button', { name: /Keyboard shortcuts I actually use/ }).click();
  await expect(app.getByRole('textbox', { name: 'Post body' }).locator('pre[data-md-raw="mdx-import"]')).toBeVisible();

  expect(errors).toEqual([]);
});
