import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './app-fixture';

const POST = 'content/posts/2026-05-02-club-news.md';
const FRONT_MATTER = '---\ntitle: Club News\ndate: 2026-05-02T09:00:00.000Z\ndraft: false\n---\n\n';
const BODY = 'News from the club.\n';
const fixture = (name: string): string => readFileSync(join('test/fixtures/paste', name), 'utf8');

test.use({ repoFiles: { [POST]: `${FRONT_MATTER}${BODY}` } });

/** Opens the post and puts the caret at the end of its text. */
async function openAtEnd(app: Page) {
  await app
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Club News/ })
    .click();
  const body = app.getByRole('textbox', { name: 'Post body' });
  await body.getByText('News from the club.').click();
  await app.keyboard.press('Control+End');
  // The click's caret must have given way to the end before anything is typed or pasted.
  await expect
    .poll(() =>
      app.evaluate(() => {
        const selection = getSelection();
        return (
          selection?.focusNode?.textContent === 'News from the club.' &&
          selection.focusOffset === 'News from the club.'.length
        );
      }),
    )
    .toBe(true);
  return body;
}

/** Puts HTML and/or text on the system clipboard, as copying in another app does. */
async function copy(app: Page, items: { html?: string; text?: string }) {
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.evaluate(async ({ html, text }) => {
    const parts: Record<string, Blob> = {};
    if (html !== undefined) parts['text/html'] = new Blob([html], { type: 'text/html' });
    if (text !== undefined) parts['text/plain'] = new Blob([text], { type: 'text/plain' });
    await navigator.clipboard.write([new ClipboardItem(parts)]);
  }, items);
}

/** Dispatches a paste event carrying exactly this clipboard data (the async clipboard cleans HTML on write). */
async function pasteEvent(app: Page, items: Record<string, string>) {
  await app.evaluate((data) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, items);
}

async function saveAndRead(app: Page, repo: { workTree: string }): Promise<string> {
  await app.keyboard.press('Control+S');
  await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');
  return readFileSync(join(repo.workTree, POST), 'utf8');
}

test('HTML copied from Google Docs is pasted as clean Markdown and saved after the existing text', async ({
  app,
  repo,
}) => {
  const body = await openAtEnd(app);
  await copy(app, { html: fixture('google-docs.html'), text: 'Planning the spring volunteer day' });
  await app.keyboard.press('Control+V');
  await expect(body.getByRole('heading', { name: 'Planning the spring volunteer day' })).toBeVisible();
  await expect(body.getByRole('table')).toBeVisible();

  expect(await saveAndRead(app, repo)).toBe(`${FRONT_MATTER}${BODY}\n${fixture('google-docs.md')}`);
});

test('a plain-text article is pasted as paragraphs and a real list', async ({ app, repo }) => {
  const body = await openAtEnd(app);
  await app.keyboard.press('Enter');
  await copy(app, { text: fixture('article.txt') });
  await app.keyboard.press('Control+V');
  await expect(body.getByRole('listitem')).toHaveCount(4);

  const saved = await saveAndRead(app, repo);
  expect(saved).toBe(`${FRONT_MATTER}${BODY}\n${fixture('article.md')}`);
  expect(saved).not.toContain('\\-');
});

test('Ctrl+Shift+V pastes the text only, without reading it as Markdown', async ({ app, repo }) => {
  await openAtEnd(app);
  await app.keyboard.press('Enter');
  await copy(app, { html: '<h2>Not a heading</h2><p><b>bold</b></p>', text: '# Not a heading\n\n**bold**' });
  await app.keyboard.press('Control+Shift+V');
  await expect(app.getByRole('textbox', { name: 'Post body' }).getByText('**bold**')).toBeVisible();

  expect(await saveAndRead(app, repo)).toBe(`${FRONT_MATTER}${BODY}\n\\# Not a heading\n\n\\*\\*bold\\*\\*\n`);
});

test('javascript:, vbscript: and data: links and handlers in pasted HTML never reach the file', async ({
  app,
  repo,
}) => {
  const body = await openAtEnd(app);
  await app.keyboard.press('Enter');
  await pasteEvent(app, {
    'text/html':
      '<p>Read <a href="javascript:alert(1)">the notes</a>, <a href="JaVaScRiPt&#x3A;alert(2)">the minutes</a>, ' +
      '<a href="vbscript:msgbox(1)">the agenda</a> and <a href="https://club.example.org/rota" onclick="steal()">the rota</a>.</p>' +
      '<p><img src="x" onerror="alert(3)" alt="broken"><a href="data:text/html,<script>alert(4)</script>">a data link</a></p>' +
      '<svg><a href="javascript:alert(5)"><text>svg link</text></a></svg><script>alert(6)</script>',
    'text/plain': 'Read the notes',
  });
  await expect(body.getByRole('link', { name: 'the rota' })).toBeVisible();
  await expect(body.getByRole('link')).toHaveCount(1);

  const saved = await saveAndRead(app, repo);
  expect(saved).toBe(
    `${FRONT_MATTER}${BODY}\nRead the notes, the minutes, the agenda and [the rota](https://club.example.org/rota).\n\n![broken](x)a data link\n`,
  );
  expect(saved).not.toMatch(/javascript|vbscript|data:|onclick|onerror|alert|script/i);
});
