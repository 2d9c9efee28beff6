import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './app-fixture';

// An Astro-style MDX post (imports, an export, inline JSX, a JSX block) with two GitHub alerts.
const POST = 'content/posts/shortcuts.mdx';
const SOURCE = readFileSync(new URL('../fixtures/posts/mdx-shortcuts.mdx', import.meta.url), 'utf8');

test.use({ repoFiles: { [POST]: SOURCE } });

/** The lines of the saved post that differ from SOURCE, as `-old`/`+new` (the file is new to git, so no git diff). */
function changedLines(workTree: string): string[] {
  const before = SOURCE.split('\n');
  const after = readFileSync(join(workTree, ...POST.split('/')), 'utf8').split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    if (before[i] !== after[i]) out.push(`-${before[i] ?? ''}`, `+${after[i] ?? ''}`);
  }
  return out;
}

test('an MDX post opens with its components kept as source, alerts as callouts, and a typed edit changes one line', async ({
  app,
  repo,
}) => {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Keyboard shortcuts I actually use/ })
    .click();
  const body = app.getByRole('textbox', { name: 'Post body' });

  // Imports and the JSX block are shown as source text, never as live elements.
  await expect(body.locator('pre[data-md-raw="mdx-import"]')).toContainText(
    "import Kbd from '@/components/Kbd.astro';",
  );
  await expect(body.locator('pre[data-md-raw="mdx-component"]')).toContainText('<YouTube id="dQw4w9WgXcQ"');
  await expect(
    body.locator('[data-md-raw="mdx-component"]').filter({ hasText: '<Kbd>Ctrl</Kbd>' }).first(),
  ).toBeVisible();
  await expect(body.locator('kbd, youtube')).toHaveCount(0);

  // The alerts are callouts named by their kind, with the writing inside them.
  await expect(body.getByRole('note', { name: 'Tip' })).toContainText('Most palettes match the first letters');
  await expect(body.getByRole('note', { name: 'Warning' })).toContainText(
    'Some shortcuts differ between keyboard layouts.',
  );

  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await body.getByRole('note', { name: 'Tip' }).scrollIntoViewIfNeeded();
    await app.screenshot({ path: `test-results/screens/mdx-post-${scheme}.png` });
    await body.locator('pre[data-md-raw="mdx-component"]').scrollIntoViewIfNeeded();
    await app.screenshot({ path: `test-results/screens/mdx-component-${scheme}.png` });
  }
  await app.emulateMedia({ colorScheme: 'light' });

  // Typing a `{` into the prose is saved escaped, so the site still builds; nothing else changes.
  await body.getByRole('heading', { name: 'Moving around' }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(' {fast}');
  await app.keyboard.press('Control+S');
  await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');

  expect(changedLines(repo.workTree)).toEqual(['-## Moving around', '+## Moving around \\{fast}']);
});

test('editing the text inside an alert changes only that line', async ({ app, repo }) => {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Keyboard shortcuts I actually use/ })
    .click();
  const tip = app.getByRole('textbox', { name: 'Post body' }).getByRole('note', { name: 'Tip' });
  await tip.getByText(/Most palettes match/).click();
  await app.keyboard.press('Home');
  await app.keyboard.type('Handy: ');
  await app.keyboard.press('Control+S');
  await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');

  expect(changedLines(repo.workTree)).toEqual([
    '-> Most palettes match the first letters of each word, so `tf` finds *Toggle Fold*.',
    '+> Handy: Most palettes match the first letters of each word, so `tf` finds *Toggle Fold*.',
  ]);
});
