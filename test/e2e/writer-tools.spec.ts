import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './app-fixture';

const POST = 'content/posts/2026-04-02-lantern-walk.md';
const FRONT = `---
title: Lantern Walk
date: 2026-04-02T18:00:00.000Z
tags:
  - lantern
description: A lantern walk along the pier, for anyone with a light.
---
`;
const BODY = `The lantern walk starts at the pier at dusk.

## Bring a lantern

- A lantern with a fresh candle
- Warm socks

Directions are on the [lantern map](https://example.org/lantern).

| What    | How many |
| ------- | -------- |
| Lantern | one      |

\`\`\`sh
echo lantern
\`\`\`

<div class="lantern">lantern</div>
`;
const SOURCE = FRONT + BODY;

test.use({ repoFiles: { [POST]: SOURCE } });

async function openLanternWalk(app: Page): Promise<void> {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Lantern Walk/ })
    .click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toContainText('The lantern walk starts');
}

const onDisk = (repo: { workTree: string }) => readFileSync(join(repo.workTree, POST), 'utf8');

test('Ctrl+Shift+P opens the command palette and runs the chosen command; it never publishes', async ({
  app,
  repo,
}) => {
  const before = repo.remoteLog().length;
  await openLanternWalk(app);
  await app.getByRole('textbox', { name: 'Post body' }).getByText('Warm socks').click();

  await app.keyboard.press('Control+Shift+P');
  const palette = app.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await expect(app.getByRole('dialog', { name: /^Publish / })).toHaveCount(0);
  await palette.getByRole('combobox').fill('focus mod');
  await expect(palette.getByRole('option').first()).toContainText('Focus Mode');
  await expect(palette.getByRole('option').first()).toContainText('F8');
  await app.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(app.locator('html')).toHaveAttribute('data-focus-mode', '');
  await expect(app.getByRole('navigation', { name: 'Library' })).toBeHidden();
  // Everything but the caret's paragraph (here, its list item) is dimmed.
  const body = app.getByRole('textbox', { name: 'Post body' });
  const opacity = (locator: ReturnType<Page['locator']>) =>
    locator.evaluate((element) => getComputedStyle(element).opacity);
  await expect.poll(() => opacity(body.getByRole('listitem').filter({ hasText: 'Warm socks' }))).toBe('1');
  await expect.poll(() => opacity(body.getByRole('listitem').filter({ hasText: 'fresh candle' }))).toBe('0.32');
  await expect.poll(() => opacity(body.getByRole('heading', { level: 2 }))).toBe('0.32');

  // The palette's outline jumps to a heading.
  await app.keyboard.press('Control+Shift+P');
  await palette.getByRole('combobox').fill('go to heading');
  await app.keyboard.press('Enter');
  const outline = app.getByRole('dialog', { name: 'Outline' });
  await expect(outline.getByRole('option')).toHaveText(['Bring a lanternH2']);
  await app.keyboard.press('Enter');
  await app.keyboard.type('Please ');
  await expect(app.getByRole('textbox', { name: 'Post body' }).getByRole('heading', { level: 2 })).toHaveText(
    'Please Bring a lantern',
  );

  // Ctrl+P goes to a post by a fuzzy part of its title.
  await app.keyboard.press('Control+P');
  const goTo = app.getByRole('dialog', { name: 'Go to post' });
  await goTo.getByRole('combobox').fill('wntr rdng');
  await expect(goTo.getByRole('option').first()).toContainText('Winter Reading');
  await app.keyboard.press('Escape');
  await expect(goTo).toBeHidden();

  // A row runs on a click too, and a click elsewhere closes the palette.
  await app.keyboard.press('Control+Shift+P');
  await palette.getByRole('combobox').fill('typewriter');
  await palette.getByRole('option', { name: /Typewriter scrolling/ }).click();
  await expect(palette).toBeHidden();
  await expect(app.locator('html')).toHaveAttribute('data-typewriter', '');
  await app.keyboard.press('F9');
  await app.keyboard.press('Control+Shift+P');
  await expect(palette).toBeVisible();
  await app.getByRole('contentinfo').click({ position: { x: 4, y: 4 } });
  await expect(palette).toBeHidden();
  await app.getByRole('textbox', { name: 'Post body' }).getByText('Warm socks').click();

  // The insert menu's items are commands too.
  await app.keyboard.press('Control+Shift+P');
  await palette.getByRole('combobox').fill('insert horizontal rule');
  await expect(palette.getByRole('option').first()).toContainText('Insert horizontal rule');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('textbox', { name: 'Post body' }).locator('hr')).toHaveCount(1);

  // F8 leaves focus mode; nothing was published by any of it.
  await app.keyboard.press('F8');
  await expect(app.locator('html')).not.toHaveAttribute('data-focus-mode', '');
  expect(repo.remoteLog()).toHaveLength(before);
  expect(repo.git('status', '--porcelain')).toBe(`?? ${POST}\n`);
});

test('Ctrl+Shift+Enter shows what will be published and asks once, then publishes', async ({ app, repo }) => {
  const before = repo.remoteLog().length;
  await openLanternWalk(app);
  await app.getByRole('textbox', { name: 'Post body' }).getByText('Warm socks').click();
  await app.keyboard.press('End');
  await app.keyboard.type(' and a scarf');

  await app.keyboard.press('Control+Shift+Enter');
  const question = app.getByRole('dialog', { name: 'Publish “Lantern Walk”?' });
  await expect(question).toContainText(POST);
  await expect(question).toContainText('This file has never been committed: publishing adds all of it.');
  // Cancel publishes nothing.
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  expect(repo.remoteLog()).toHaveLength(before);

  await app.keyboard.press('Control+Shift+Enter');
  await question.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Published' })).toBeVisible({ timeout: 20_000 });
  expect(repo.remoteLog()).toHaveLength(before + 1);
  expect(repo.remoteCommitMessage(repo.remoteLog()[0]!)).toBe('Publish: Lantern Walk');
  expect(repo.remoteFile(POST)).toBe(SOURCE.replace('- Warm socks\n', '- Warm socks and a scarf\n'));

  // "Without asking next time" is kept: the next Ctrl+Shift+Enter publishes at once.
  await app.getByRole('textbox', { name: 'Post body' }).getByText('Warm socks and a scarf').click();
  await app.keyboard.press('End');
  await app.keyboard.type(' or two');
  await app.keyboard.press('Control+Shift+Enter');
  // The changed words, as the Publish tab shows them.
  await expect(question.getByRole('region', { name: 'Changes to publish' })).toContainText(
    'Warm socks and a scarf [added: or two]',
  );
  await question.getByRole('checkbox', { name: 'Publish from the keyboard without asking next time' }).check();
  await question.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect.poll(() => repo.remoteLog().length, { timeout: 20_000 }).toBe(before + 2);

  await app.getByRole('textbox', { name: 'Post body' }).getByText('Warm socks and a scarf or two').click();
  await app.keyboard.press('End');
  await app.keyboard.type(', please');
  await app.keyboard.press('Control+Shift+Enter');
  await expect.poll(() => repo.remoteLog().length, { timeout: 20_000 }).toBe(before + 3);
  await expect(question).toHaveCount(0);
  expect(repo.remoteFile(POST)).toContain('- Warm socks and a scarf or two, please\n');
});

test('replace all changes headings, lists, link text and tables in one undo step, never front matter, code or raw blocks', async ({
  app,
  repo,
}) => {
  await openLanternWalk(app);
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.getByText('Warm socks').click();

  await app.keyboard.press('Control+H');
  const bar = app.getByRole('search', { name: 'Find and replace' });
  await expect(bar.getByRole('textbox', { name: 'Find' })).toBeFocused();
  await app.keyboard.type('lantern');
  // Body text, heading, list item, link text and table cell; not the code block, not the raw HTML.
  await expect(bar.getByRole('status')).toHaveText('1 of 5');
  await app.keyboard.press('Enter');
  await expect(bar.getByRole('status')).toHaveText('2 of 5');
  await app.keyboard.press('Shift+Enter');
  await expect(bar.getByRole('status')).toHaveText('1 of 5');
  await app.keyboard.press('F3');
  await expect(bar.getByRole('status')).toHaveText('2 of 5');
  await app.keyboard.press('Shift+F3');
  await expect(bar.getByRole('status')).toHaveText('1 of 5');

  // Regex with a group, whole word and match case work; an invalid pattern says so and breaks nothing.
  await bar.getByRole('button', { name: 'Regular expression' }).click();
  await bar.getByRole('textbox', { name: 'Find' }).fill('lantern(');
  await expect(bar.getByRole('alert')).toContainText('Not a valid regular expression');
  await bar.getByRole('textbox', { name: 'Find' }).fill('(l)antern');
  await bar.getByRole('button', { name: 'Match case' }).click();
  await expect(bar.getByRole('status')).toHaveText('1 of 4');
  await bar.getByRole('checkbox', { name: 'Include code and raw blocks' }).check();
  // Plus `echo lantern` and both in `<div class="lantern">lantern</div>`.
  await expect(bar.getByRole('status')).toHaveText('1 of 7');
  await bar.getByRole('checkbox', { name: 'Include code and raw blocks' }).uncheck();
  await bar.getByRole('button', { name: 'Match case' }).click();

  await bar.getByRole('textbox', { name: 'Replace with' }).fill('torch');
  await bar.getByRole('button', { name: 'Replace all' }).click();
  await expect(bar.getByRole('status')).toHaveText('Replaced 5 matches.');
  await expect(body.getByRole('heading', { level: 2 })).toHaveText('Bring a torch');
  await expect(body.getByRole('link')).toHaveText('torch map');

  await app.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await app.keyboard.press('Control+S');
  await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');
  const saved = onDisk(repo);
  // Front matter byte for byte; the code block and raw HTML as they were.
  expect(saved.startsWith(FRONT)).toBe(true);
  const lines = saved.slice(FRONT.length).split('\n');
  expect(lines).toEqual(
    expect.arrayContaining([
      'The torch walk starts at the pier at dusk.',
      '## Bring a torch',
      '- A torch with a fresh candle',
      'Directions are on the [torch map](https://example.org/lantern).',
      'echo lantern',
      '<div class="lantern">lantern</div>',
    ]),
  );
  expect(lines.some((line) => /^\| torch\s*\| one\s*\|$/.test(line))).toBe(true);
  // Only the replaced lines changed (a table may re-pad its own rows).
  const changed = lines.filter((line) => !BODY.split('\n').includes(line));
  expect(changed.every((line) => line.includes('torch') || line.startsWith('| '))).toBe(true);

  // One undo brings every replacement back.
  await body.click();
  await app.keyboard.press('Control+Z');
  await expect(body.getByRole('heading', { level: 2 })).toHaveText('Bring a lantern');
  await expect(body.getByRole('link')).toHaveText('lantern map');
  await app.keyboard.press('Control+S');
  await expect.poll(() => onDisk(repo)).toBe(SOURCE);
});

test('Ctrl+/ shows every shortcut from the command list, selections are counted, and the theme can be chosen', async ({
  app,
}) => {
  await openLanternWalk(app);
  await app.getByRole('textbox', { name: 'Post body' }).getByText('Warm socks').click();
  await app.keyboard.press('Home');
  await app.keyboard.press('Shift+End');
  await expect(app.getByRole('contentinfo')).toContainText('2 words, 10 characters selected');
  await app.keyboard.press('ArrowRight');
  await expect(app.getByRole('contentinfo')).not.toContainText('selected');

  await app.keyboard.press('Control+/');
  const sheet = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const [label, keys] of [
    ['Publish…', 'Ctrl+Shift+Enter'],
    ['Command Palette…', 'Ctrl+Shift+P'],
    ['Find', 'Ctrl+F'],
    ['Replace', 'Ctrl+H'],
    ['Bold', 'Ctrl+B'],
    ['Focus Mode', 'F8'],
  ] as const) {
    await expect(
      sheet.getByRole('term').filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
    ).toHaveCount(1);
    await expect(
      sheet.locator('.shortcuts__row', {
        has: app.getByRole('term').filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
      }),
    ).toContainText(keys);
  }
  await app.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await app.keyboard.press('Control+Shift+P');
  await app.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('theme dark');
  await app.keyboard.press('Enter');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await app.evaluate(() => getComputedStyle(document.body).getPropertyValue('--bg-page').trim());
  expect(background).toBe('#1c1b19');
});

test('typewriter scrolling keeps the caret line in the middle of the page, and stays on after a reload', async ({
  app,
}) => {
  await openLanternWalk(app);
  await app.keyboard.press('F9');
  await expect(app.locator('html')).toHaveAttribute('data-typewriter', '');
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.getByText('Warm socks').click();
  await app.keyboard.press('End');
  for (let line = 0; line < 12; line += 1) {
    await app.keyboard.press('Enter');
    await app.keyboard.type(`Line ${line + 1} of the packing list`);
  }
  const offset = async () =>
    app.evaluate(() => {
      const selection = window.getSelection();
      const scroller = document.querySelector('.page__scroll');
      if (!selection || selection.rangeCount === 0 || !scroller) return Number.NaN;
      const caret = selection.getRangeAt(0).getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      return Math.abs(caret.top + caret.height / 2 - (view.top + view.height / 2));
    });
  await expect.poll(offset).toBeLessThan(30);

  // The setting is the repository's: it is back after a reload.
  await app.reload();
  await openLanternWalk(app);
  await expect(app.locator('html')).toHaveAttribute('data-typewriter', '');
});

// Screenshots for a person to look at (test-results/screens/, or $SHOTS_DIR).
const SHOTS = process.env['SHOTS_DIR'] ?? 'test-results/screens';

for (const scheme of ['light', 'dark'] as const) {
  test(`the palette, shortcuts sheet, find bar and focus mode in the ${scheme} theme`, async ({ app }) => {
    await app.emulateMedia({ colorScheme: scheme });
    await openLanternWalk(app);
    await app.getByRole('textbox', { name: 'Post body' }).getByText('Warm socks').click();

    await app.keyboard.press('Control+Shift+P');
    await app.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('to');
    await expect(app.getByRole('dialog', { name: 'Command palette' }).getByRole('option').first()).toBeVisible();
    await app.screenshot({ path: `${SHOTS}/palette-${scheme}.png` });
    await app.keyboard.press('Escape');

    await app.keyboard.press('Control+/');
    await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await app.screenshot({ path: `${SHOTS}/shortcuts-${scheme}.png` });
    await app.keyboard.press('Escape');

    await app.keyboard.press('Control+H');
    await app.keyboard.type('lantern');
    await app
      .getByRole('search', { name: 'Find and replace' })
      .getByRole('textbox', { name: 'Replace with' })
      .fill('torch');
    await expect(app.getByRole('search', { name: 'Find and replace' }).getByRole('status')).toHaveText('1 of 5');
    await app.screenshot({ path: `${SHOTS}/find-${scheme}.png` });
    await app.keyboard.press('Escape');

    await app.getByRole('textbox', { name: 'Post body' }).getByText('Warm socks').click();
    await app.keyboard.press('F8');
    await expect(app.locator('html')).toHaveAttribute('data-focus-mode', '');
    await app.screenshot({ path: `${SHOTS}/focus-${scheme}.png` });

    await app.keyboard.press('Control+Shift+Enter');
    await expect(app.getByRole('dialog', { name: /^Publish / })).toBeVisible();
    await app.screenshot({ path: `${SHOTS}/publish-question-${scheme}.png` });
  });
}
