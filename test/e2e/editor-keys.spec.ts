import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './app-fixture';
import type { Locator, Page } from '@playwright/test';

// Keyboard behaviour of the editor that once lost or misplaced text: Tab leaving the editor,
// lists nested from the keyboard, "Unsaved changes" after undoing back to the file's text.

const NOTES = 'content/posts/2026-04-20-keyboard-notes.md';
const NOTES_TEXT = [
  '---',
  'title: Keyboard notes',
  'date: 2026-04-20T08:00:00.000Z',
  '---',
  'A paragraph to type into.',
  '',
  '* Pack the charts',
  '* Check the tide',
  '* Untie the bow line',
  '',
  'The end.',
  '',
].join('\n');

test.use({ repoFiles: { [NOTES]: NOTES_TEXT } });

const body = (app: Page): Locator => app.getByRole('textbox', { name: 'Post body' });
const saveState = (app: Page): Locator => app.getByRole('contentinfo').getByRole('status').first();
const onDisk = (root: string): string => readFileSync(join(root, NOTES), 'utf8');

async function openNotes(app: Page): Promise<void> {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Keyboard notes/ })
    .click();
  await expect(body(app)).toContainText('Untie the bow line');
}

/**
 * Puts the caret at the end of the block whose text is `text`. The pauses let the editor take in
 * each selection change: Lexical ignores one that arrives while it is still placing the click's caret.
 */
async function caretAtEnd(app: Page, text: string): Promise<void> {
  await body(app).getByText(text, { exact: true }).click();
  await app.waitForTimeout(250);
  await expect
    .poll(async () => {
      await app.keyboard.press('End');
      return app.evaluate((expected) => {
        const selection = window.getSelection();
        return (
          selection !== null &&
          selection.isCollapsed &&
          selection.focusNode?.textContent === expected &&
          selection.focusOffset === expected.length
        );
      }, text);
    })
    .toBe(true);
  await app.waitForTimeout(250);
}

const editorHasFocus = (app: Page): Promise<boolean> =>
  app.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Post body');

test('Tab in a paragraph keeps focus in the editor and the next keys land in the post', async ({ app, repo }) => {
  await openNotes(app);
  await caretAtEnd(app, 'A paragraph to type into.');
  await app.keyboard.press('Tab');
  expect(await editorHasFocus(app)).toBe(true);
  await app.keyboard.type(' Still here.');
  await app.keyboard.press('Enter');
  await app.keyboard.type('New line');
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  expect(onDisk(repo.workTree)).toBe(
    NOTES_TEXT.replace('A paragraph to type into.\n', 'A paragraph to type into. Still here.\n\nNew line\n'),
  );
});

test('a key pressed before the browser has reported a caret move acts at the moved caret', async ({ app, repo }) => {
  await openNotes(app);
  await body(app).getByText('A paragraph to type into.', { exact: true }).click();
  await app.waitForTimeout(250);
  // The caret moves to the paragraph's end and Enter comes in the same task, as when the writer
  // pressed End then Enter while the page was busy: the browser's selectionchange has not run yet.
  await app.evaluate(() => {
    const root = document.querySelector<HTMLElement>('[contenteditable="true"][aria-label="Post body"]')!;
    const paragraph = Array.from(root.querySelectorAll('p')).find(
      (p) => p.textContent === 'A paragraph to type into.',
    )!;
    const text = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT).nextNode()!;
    getSelection()!.collapse(text, text.textContent!.length);
    root.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
  });
  await app.keyboard.type('New line');
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  expect(onDisk(repo.workTree)).toBe(
    NOTES_TEXT.replace('A paragraph to type into.\n', 'A paragraph to type into.\n\nNew line\n'),
  );
});

test('Tab and Shift+Tab nest and un-nest list items, saved as a nested list in the file’s bullet style', async ({
  app,
  repo,
}) => {
  await openNotes(app);
  await caretAtEnd(app, 'Check the tide');
  await app.keyboard.press('Tab');
  expect(await editorHasFocus(app)).toBe(true);
  await caretAtEnd(app, 'Untie the bow line');
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab'); // one level deeper than the item above
  await app.keyboard.type(' first');
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  expect(onDisk(repo.workTree)).toBe(
    NOTES_TEXT.replace(
      '* Check the tide\n* Untie the bow line\n',
      '  * Check the tide\n    * Untie the bow line first\n',
    ),
  );

  // Shift+Tab brings the deepest item back out one level.
  await app.keyboard.press('Shift+Tab');
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  expect(onDisk(repo.workTree)).toBe(
    NOTES_TEXT.replace(
      '* Check the tide\n* Untie the bow line\n',
      '  * Check the tide\n  * Untie the bow line first\n',
    ),
  );
});

test('Tab on the first item of a list does nothing rather than leave the editor', async ({ app, repo }) => {
  await openNotes(app);
  await caretAtEnd(app, 'Pack the charts');
  await app.keyboard.press('Tab');
  await app.keyboard.type('!');
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  expect(onDisk(repo.workTree)).toBe(NOTES_TEXT.replace('* Pack the charts\n', '* Pack the charts!\n'));
});

test('Tab in a table still moves to the next cell', async ({ app, repo }) => {
  const post = 'content/posts/2025-11-02-release-checklist.md';
  const before = readFileSync(join(repo.workTree, post), 'utf8');
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Release Checklist/ })
    .click();
  await caretAtEnd(app, 'Tag');
  await app.keyboard.press('Tab');
  await app.keyboard.type('Ada');
  expect(await editorHasFocus(app)).toBe(true);
  await app.keyboard.press('Control+S');
  await expect(saveState(app)).toHaveText('Saved');
  const changed = repo
    .git('diff', '-U0', '--', post)
    .split('\n')
    .filter((line) => /^[-+]\|/.test(line));
  // The caret went to the end of the next cell's text; only that row changed.
  expect(before).toContain('| Tag  | Mara  | 5 min |');
  expect(changed).toEqual(['-| Tag  | Mara  | 5 min |', '+| Tag  | MaraAda | 5 min |']);
});

test('Escape then Tab leaves the editor; F6 and Shift+F6 move between the panes', async ({ app }) => {
  await openNotes(app);
  await caretAtEnd(app, 'The end.');
  await app.keyboard.press('F6');
  await expect(app.locator('[data-pane="inspector"]')).toContainText(''); // the pane exists
  expect(await app.evaluate(() => document.activeElement?.closest('[data-pane]')?.getAttribute('data-pane'))).toBe(
    'inspector',
  );
  await app.keyboard.press('Shift+F6');
  expect(await editorHasFocus(app)).toBe(true);
  await app.keyboard.press('Shift+F6');
  expect(await app.evaluate(() => document.activeElement?.closest('[data-pane]')?.getAttribute('data-pane'))).toBe(
    'library',
  );
  await app.keyboard.press('F6');
  expect(await editorHasFocus(app)).toBe(true);

  await app.keyboard.press('Escape');
  await app.keyboard.press('Tab');
  expect(await editorHasFocus(app)).toBe(false);
});

test('undoing back to the saved text clears “Unsaved changes”', async ({ app, repo }) => {
  await openNotes(app);
  await caretAtEnd(app, 'The end.');
  await app.keyboard.type(' Or is it?');
  await expect(saveState(app)).toHaveText('Unsaved changes');
  await app.keyboard.press('Control+Z');
  await expect(body(app)).not.toContainText('Or is it?');
  await expect(saveState(app)).toHaveText('Saved');
  expect(onDisk(repo.workTree)).toBe(NOTES_TEXT);
});

// Caret keys in a 100k-word post must be exact even though off-screen blocks skip rendering
// (content-visibility, renderer/editor/long-post.css): the caret and selection go exactly where
// the key says, and what is typed next lands there in the file.

const LONG = 'content/posts/2026-06-01-the-long-log.md';
const FIRST = 'First paragraph of the long log.';
const LAST = 'Last words of the long log.';
const WORDS = [
  'harbour',
  'tide',
  'lantern',
  'ferry',
  'quay',
  'gull',
  'rope',
  'chart',
  'keel',
  'buoy',
  'mast',
  'sail',
  'anchor',
  'swell',
  'dock',
];

/** About `target` words in paragraphs, headings and lists, deterministic. */
function longBody(target: number): string {
  let seed = 7;
  const next = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const words = (n: number): string =>
    Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  const blocks = [FIRST];
  let count = 0;
  while (count < target) {
    const roll = next();
    const block =
      roll < 0.08
        ? `## ${words(4)}`
        : roll < 0.2
          ? Array.from({ length: 3 }, () => `- ${words(8)}`).join('\n')
          : `${words(60 + Math.floor(next() * 60))}.`;
    blocks.push(block);
    count += block.split(/\s+/).length;
  }
  blocks.push(LAST);
  return `${blocks.join('\n\n')}\n`;
}

const BODY = longBody(100_000);
const TEXT = `---\ntitle: The long log\ndate: 2026-06-01T08:00:00.000Z\n---\n${BODY}`;

const editor = (app: Page): Locator => app.getByRole('textbox', { name: 'Post body' });
const longOnDisk = (root: string): string => readFileSync(join(root, LONG), 'utf8');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

async function openLong(app: Page): Promise<void> {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /The long log/ })
    .click();
  await expect(editor(app)).toContainText(FIRST, { timeout: 30_000 });
  await editor(app).getByText(FIRST, { exact: true }).click();
}

async function save(app: Page): Promise<void> {
  await app.keyboard.press(`${mod}+S`);
  await expect(saveState(app)).toHaveText('Saved', { timeout: 30_000 });
}

/** Text from the caret (selection focus) to the end of the body, and to its start. */
const around = (app: Page): Promise<{ after: number; before: number; selected: number; total: number }> =>
  app.evaluate(() => {
    const root = document.querySelector('[aria-label="Post body"]')!;
    const selection = window.getSelection()!;
    const after = document.createRange();
    after.setStart(selection.focusNode!, selection.focusOffset);
    after.setEnd(root, root.childNodes.length);
    const before = document.createRange();
    before.setStart(root, 0);
    before.setEnd(selection.focusNode!, selection.focusOffset);
    // Range text, not Selection.toString(): the latter lays out every selected block (seconds at 100k words).
    const selected = selection.rangeCount > 0 ? selection.getRangeAt(0).toString().length : 0;
    return {
      after: after.toString().length,
      before: before.toString().length,
      selected,
      total: root.textContent!.length,
    };
  });

test.describe('in a 100k-word post', () => {
  test.use({ repoFiles: { [LONG]: TEXT } });
  test.describe.configure({ timeout: 120_000 });

  test('Ctrl+End puts the caret after the last word, and typing lands there', async ({ app, repo }) => {
    await openLong(app);
    await app.keyboard.press(`${mod}+End`);
    await expect.poll(async () => (await around(app)).after, { timeout: 30_000 }).toBe(0);
    await app.keyboard.type(' The end.');
    await save(app);
    expect(longOnDisk(repo.workTree)).toBe(TEXT.replace(`${LAST}\n`, `${LAST} The end.\n`));
  });

  test('Shift+Ctrl+End selects to the very end, and Ctrl+Home goes back to the first word', async ({ app, repo }) => {
    await openLong(app);
    await app.keyboard.press('Home');
    await app.keyboard.press(`${mod}+Shift+End`);
    await expect.poll(async () => (await around(app)).after, { timeout: 30_000 }).toBe(0);
    const { selected, total } = await around(app);
    // The whole body is selected: every block, including the last paragraph.
    expect(total - selected).toBeLessThan(total / 1000);
    await app.keyboard.press(`${mod}+Home`);
    await expect.poll(async () => (await around(app)).before, { timeout: 30_000 }).toBe(0);
    await app.keyboard.type('Logbook: ');
    await save(app);
    expect(longOnDisk(repo.workTree)).toBe(TEXT.replace(FIRST, `Logbook: ${FIRST}`));
  });

  test('Shift+Ctrl+Home from the end selects everything back to the first word; typing replaces it', async ({
    app,
    repo,
  }) => {
    await openLong(app);
    await app.keyboard.press(`${mod}+End`);
    await expect.poll(async () => (await around(app)).after, { timeout: 30_000 }).toBe(0);
    await app.keyboard.press(`${mod}+Shift+Home`);
    await expect.poll(async () => (await around(app)).before, { timeout: 30_000 }).toBe(0);
    await app.keyboard.type('Rewritten.');
    await save(app);
    expect(longOnDisk(repo.workTree)).toBe(
      '---\ntitle: The long log\ndate: 2026-06-01T08:00:00.000Z\n---\nRewritten.\n',
    );
  });

  test('Ctrl+A selects the whole body of a long post', async ({ app, repo }) => {
    await openLong(app);
    await app.keyboard.press(`${mod}+A`);
    await app.keyboard.type('Short now.');
    await save(app);
    expect(longOnDisk(repo.workTree)).toBe(
      '---\ntitle: The long log\ndate: 2026-06-01T08:00:00.000Z\n---\nShort now.\n',
    );
  });

  test('PageDown and PageUp move the caret by a screen, onto text that is on screen', async ({ app }) => {
    await openLong(app);
    const caretOnScreen = (): Promise<{ top: number; inView: boolean; scrolled: number; before: number }> =>
      app.evaluate(() => {
        const scroller = document.querySelector('.page__scroll')!;
        const view = scroller.getBoundingClientRect();
        const selection = window.getSelection()!;
        const range = selection.getRangeAt(0).cloneRange();
        range.collapse(false);
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        const root = document.querySelector('[aria-label="Post body"]')!;
        const before = document.createRange();
        before.setStart(root, 0);
        before.setEnd(selection.focusNode!, selection.focusOffset);
        return {
          top: rect.top,
          inView: rect.height > 0 && rect.top >= view.top - 1 && rect.bottom <= view.bottom + 1,
          scrolled: scroller.scrollTop,
          before: before.toString().length,
        };
      });
    const start = await caretOnScreen();
    let previous = start.before;
    for (let page = 0; page < 4; page++) {
      await app.keyboard.press('PageDown');
      const now = await caretOnScreen();
      expect(now.inView).toBe(true);
      expect(now.before).toBeGreaterThan(previous);
      previous = now.before;
    }
    const down = await caretOnScreen();
    expect(down.scrolled).toBeGreaterThan(0);
    for (let page = 0; page < 4; page++) {
      await app.keyboard.press('PageUp');
      const now = await caretOnScreen();
      expect(now.inView).toBe(true);
      expect(now.before).toBeLessThan(previous);
      previous = now.before;
    }
  });
});
