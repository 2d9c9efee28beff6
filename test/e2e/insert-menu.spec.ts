import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './app-fixture';

const POST = 'content/posts/2026-05-02-ferry-notes.md';
const FRONT = '---\ntitle: Ferry Notes\ndate: 2026-05-02T07:30:00.000Z\ndraft: true\n---\n\n';
const BODY = 'The first ferry leaves the north pier at seven.\n\nBring a coat: the deck is windy even in May.\n';

test.use({ repoFiles: { [POST]: FRONT + BODY } });

/**
 * Clicks just after the last word of a paragraph, as a writer does to carry on; the End key right
 * after a click can lose a race with the click's own selection on a busy machine.
 */
async function clickAtEnd(paragraph: Locator) {
  const box = await paragraph.boundingBox();
  if (!box) throw new Error('paragraph not visible');
  await paragraph.click({ position: { x: box.width - 2, y: box.height - 6 } });
}

/** Opens the post and puts the caret on a new empty line after its last paragraph. */
async function openAtNewLine(app: Page) {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Ferry Notes/ })
    .click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await clickAtEnd(body.locator('p', { hasText: /^Bring a coat/ }));
  await app.keyboard.press('Enter');
  return body;
}

async function save(app: Page) {
  await app.keyboard.press('Control+S');
  await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');
}

const written = (workTree: string): string => readFileSync(join(workTree, POST), 'utf8');

test('"/" on an empty line inserts a heading, a task list, a rule and a code block with its language', async ({
  app,
  repo,
}) => {
  await openAtNewLine(app);

  await app.keyboard.type('/');
  const menu = app.getByRole('listbox', { name: 'Insert' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('option')).toHaveCount(13);
  await app.screenshot({ path: '/tmp/shots-C/slash-menu-light.png' });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: '/tmp/shots-C/slash-menu-dark.png' });
  await app.emulateMedia({ colorScheme: 'light' });

  // Typing after "/" filters; arrow keys move; Enter chooses and removes the "/head".
  await app.keyboard.type('head');
  await expect(menu.getByRole('option')).toHaveText([/Heading 1/, /Heading 2/, /Heading 3/, /Heading 4/]);
  await app.keyboard.press('ArrowDown');
  await expect(menu.getByRole('option', { name: /Heading 2/ })).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await app.keyboard.type('Timetable');
  await app.keyboard.press('Enter');

  await app.keyboard.type('/task');
  // As a writer does: Enter once the menu shows the block.
  await expect(menu.getByRole('option', { selected: true })).toHaveText(/Task list/);
  await app.keyboard.press('Enter');
  await app.keyboard.type('Buy a return ticket');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');

  await app.keyboard.type('/rule');
  // As a writer does: Enter once the menu shows the block.
  await expect(menu.getByRole('option', { selected: true })).toHaveText(/Horizontal rule/);
  await app.keyboard.press('Enter');
  await app.keyboard.type('/code');
  // As a writer does: Enter once the menu shows the block.
  await expect(menu.getByRole('option', { selected: true })).toHaveText(/Code block/);
  await app.keyboard.press('Enter');
  await app.keyboard.type('ferry --from north-pier');
  await expect(
    app.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Block type: Code block' }),
  ).toBeVisible();
  await app.getByRole('combobox', { name: 'Code language' }).selectOption('bash');
  await app.screenshot({ path: '/tmp/shots-C/code-language-light.png' });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: '/tmp/shots-C/code-language-dark.png' });
  await app.emulateMedia({ colorScheme: 'light' });
  await save(app);

  expect(written(repo.workTree)).toBe(
    FRONT + BODY + '\n## Timetable\n\n- [ ] Buy a return ticket\n\n---\n\n```bash\nferry --from north-pier\n```\n',
  );
});

test('Escape closes the "/" menu and leaves the typed text; a path typed after "/" opens nothing', async ({
  app,
  repo,
}) => {
  await openAtNewLine(app);
  // No empty listbox waits on the page for screen readers to stumble on.
  await expect(app.getByRole('listbox')).toHaveCount(0);
  await app.keyboard.type('/');
  const menu = app.getByRole('listbox', { name: 'Insert' });
  await expect(menu).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  // The menu stays closed while the writer goes on typing on that line.
  await app.keyboard.type('ferries');
  await expect(menu).toBeHidden();
  await app.keyboard.press('Enter');
  await app.keyboard.type('/usr/local');
  await expect(menu).toBeHidden();
  // Enter is the writer's again: a new line, not a block from a menu.
  await app.keyboard.press('Enter');
  await app.keyboard.type('bin');
  await save(app);
  expect(written(repo.workTree)).toBe(FRONT + BODY + '\n/ferries\n\n/usr/local\n\nbin\n');
});

test('the toolbar\'s "+" opens the same menu with a filter box; Escape puts the caret back', async ({ app, repo }) => {
  await openAtNewLine(app);
  await app.keyboard.type('Pier');

  const toolbar = app.getByRole('toolbar', { name: 'Formatting' });
  await toolbar.getByRole('button', { name: 'Insert', exact: true }).click();
  const popup = app.getByRole('dialog', { name: 'Insert' });
  const filter = popup.getByRole('combobox', { name: 'Find a block to insert' });
  await expect(filter).toBeFocused();
  await app.screenshot({ path: '/tmp/shots-C/insert-menu-light.png' });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: '/tmp/shots-C/insert-menu-dark.png' });
  await app.emulateMedia({ colorScheme: 'light' });

  // Escape: the popup closes and typing goes on where the caret was.
  await app.keyboard.press('Escape');
  await expect(popup).toBeHidden();
  await app.keyboard.type(' hours');

  await toolbar.getByRole('button', { name: 'Insert', exact: true }).click();
  await filter.fill('quo');
  await expect(popup.getByRole('option')).toHaveText([/Quote/]);
  await app.keyboard.press('Enter');
  await expect(popup).toBeHidden();
  await app.keyboard.type(': seven to seven');
  await save(app);
  expect(written(repo.workTree)).toBe(FRONT + BODY + '\n> Pier hours: seven to seven\n');
});

test('the block-type menu turns a paragraph into any heading level, and back', async ({ app, repo }) => {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Ferry Notes/ })
    .click();
  await app
    .getByRole('textbox', { name: 'Post body' })
    .getByText(/^Bring a coat/)
    .click();

  const toolbar = app.getByRole('toolbar', { name: 'Formatting' });
  await toolbar.getByRole('button', { name: 'Block type: Paragraph' }).click();
  const menu = app.getByRole('menu', { name: 'Block type' });
  await expect(menu.getByRole('menuitemradio')).toHaveText([
    /Paragraph/,
    /Heading 1/,
    /Heading 2/,
    /Heading 3/,
    /Heading 4/,
  ]);
  await expect(menu.getByRole('menuitemradio', { name: /Paragraph/ })).toHaveAttribute('aria-checked', 'true');
  await app.screenshot({ path: '/tmp/shots-C/block-type-light.png' });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: '/tmp/shots-C/block-type-dark.png' });
  await app.emulateMedia({ colorScheme: 'light' });
  await menu.getByRole('menuitemradio', { name: /Heading 4/ }).click();
  await expect(toolbar.getByRole('button', { name: 'Block type: Heading 4' })).toBeVisible();
  await save(app);
  expect(written(repo.workTree)).toBe(
    FRONT + 'The first ferry leaves the north pier at seven.\n\n#### Bring a coat: the deck is windy even in May.\n',
  );

  // Keyboard: the shortcut for Heading 1, then the menu from the keyboard back to Paragraph.
  await app.keyboard.press('Control+Alt+1');
  await expect(toolbar.getByRole('button', { name: 'Block type: Heading 1' })).toBeVisible();
  await toolbar.getByRole('button', { name: 'Block type: Heading 1' }).focus();
  await app.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: /Heading 1/ })).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await app.keyboard.press('Enter');
  await expect(toolbar.getByRole('button', { name: 'Block type: Paragraph' })).toBeVisible();
  await save(app);
  expect(written(repo.workTree)).toBe(FRONT + BODY);
});

test('typing ![alt](url) makes an image', async ({ app, repo }) => {
  const body = await openAtNewLine(app);
  await app.keyboard.type('![The north pier at dawn](/img/north-pier.jpg)');
  await expect(body.getByRole('img', { name: /The north pier at dawn/ })).toBeVisible();
  await save(app);
  expect(written(repo.workTree)).toBe(FRONT + BODY + '\n![The north pier at dawn](/img/north-pier.jpg)\n');
});

test('a raw block keeps a shortcode exactly as typed', async ({ app, repo }) => {
  await openAtNewLine(app);
  await app.keyboard.type('/raw');
  const menu = app.getByRole('listbox', { name: 'Insert' });
  await expect(menu.getByRole('option', { selected: true })).toHaveText(/Raw HTML \/ shortcode block/);
  await app.keyboard.press('Enter');
  await app.keyboard.type('{{< map lat="59.91" zoom=12 >}}');
  await save(app);
  expect(written(repo.workTree)).toBe(FRONT + BODY + '\n{{< map lat="59.91" zoom=12 >}}\n');
});

test('"Image" in the insert menu opens the image picker', async ({ app }) => {
  await openAtNewLine(app);
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert', exact: true }).click();
  await app.getByRole('dialog', { name: 'Insert' }).getByRole('combobox').fill('image');
  await app.keyboard.press('Enter');
  expect((await chooser).isMultiple()).toBeDefined();
});
