/**
 * Typing latency in the real editor: keystroke → next paint while typing ~200 characters one key
 * at a time into a paragraph in the middle of a ~10k-word and a ~100k-word post, in web mode
 * (built renderer + real back end) in Chromium. Baselines, side by side: the same keys typed into a
 * plain <textarea> holding the same Markdown in the same browser, so the ratio shows the editor's
 * own cost; and into stock Lexical (same version, RichTextPlugin only: bench/baseline/stock-open.tsx)
 * showing the same Markdown with the app's body CSS, goal p95 ≤ 1.0×. Goals: p95 ≤ 16 ms (10k words)
 * and ≤ 33 ms (100k words). Measures only.
 *
 * The ~10k-word post is typed into twice, with the unsaved-edits journal on (as the app runs) and
 * off, in the same run: the p95 ratio shows what journalling costs a keystroke (goal ≤ 1.05×), and
 * the journal:write requests sent while typing give the bytes journalled per minute of typing. The
 * body export each journal write needs is timed on its own, headless.
 *
 * Needs a build: runs `npx electron-vite build` first when out/main/cli.js is missing (it does not
 * detect a stale build; rebuild after changing the renderer).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { exportTimes, report, reportJournal } from './keystroke-report';
import { startWebMode } from '../test/e2e/app-fixture';
import { createRepoWithRemote } from '../test/support/git-fixtures';
import { buildStock, CHROMIUM, CHROMIUM_ARGS, ensureBuilt, stockPage, stopServer } from './browser';
import { generatePost } from './roundtrip.bench';

const WARMUP_KEYS = 10;
// ~200 measured characters of plain prose (letters and spaces: no Markdown shortcut triggers).
const TEXT = ' the keeper lit the north lamp while gulls circled the shore and the tide came in over the rope '
  .repeat(3)
  .slice(0, 200);

/**
 * Installed in every page before its scripts run. How a keystroke is timed, and why this method:
 *
 * - Start: `event.timeStamp` of the keydown, read in a capturing listener on window (so it runs
 *   before the editor's own handlers). In Chromium it is the time the browser received the input,
 *   on the performance.now() clock, so it also counts time the key waited for a busy main thread
 *   (e.g. leftover work from the previous keystroke) — a plain performance.now() in the listener
 *   would miss that queueing.
 * - End: the first frame after the DOM changed. A MutationObserver on the focused element (or its
 *   `input` event, for the textarea, whose value is not DOM) flags the change; from the keydown we
 *   wait for animation frames until one starts after the change, then a setTimeout(0) posted from
 *   that frame's requestAnimationFrame callback runs once the frame's style, layout and paint are
 *   done. Its performance.now() is "next paint".
 *
 * The Event Timing API measures much the same span (event timestamp → next paint) but only reports
 * events of ≥ 16 ms (durationThreshold cannot go lower) and rounds to 8 ms, so it cannot give a
 * p50. It is still collected here as a cross-check of the slow keystrokes.
 *
 * Every latency includes the wait for the next frame (up to one vsync interval) in the editor and
 * the baseline alike; the ratio to the textarea is what the editor adds.
 */
const PROBE = String.raw`(() => {
  const state = { samples: [], events: [], waiters: [] };
  // Resolves once n keystrokes have been measured (the app's CSP forbids waitForFunction's eval).
  state.waitFor = (n) => new Promise((resolve) => {
    if (state.samples.length >= n) resolve(true); else state.waiters.push({ n, resolve });
  });
  window.__keystroke = state;
  window.addEventListener('keydown', (event) => {
    if (event.key.length !== 1) return;
    const start = event.timeStamp > 0 && event.timeStamp <= performance.now() ? event.timeStamp : performance.now();
    const target = event.target;
    let changed = false;
    const observer = new MutationObserver(() => { changed = true; });
    observer.observe(target, { subtree: true, childList: true, characterData: true });
    const onInput = () => { changed = true; };
    target.addEventListener('input', onInput, true);
    let frames = 0;
    const frame = () => requestAnimationFrame(() => {
      frames += 1;
      if (!changed && frames < 60) { frame(); return; }
      const sawChange = changed;
      setTimeout(() => {
        observer.disconnect();
        target.removeEventListener('input', onInput, true);
        state.samples.push({ latency: performance.now() - start, frames, changed: sawChange, at: start });
        state.waiters = state.waiters.filter((waiter) => (waiter.n <= state.samples.length ? (waiter.resolve(true), false) : true));
      }, 0);
    });
    frame();
  }, true);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.events.push({ name: entry.name, start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch {}
})();`;

/**
 * Puts the caret inside plain text of a paragraph in the middle of the body (a string, not a
 * function: this tsconfig has no DOM types; Playwright evaluates it as an expression). The same in
 * the app and the stock Lexical page: both render paragraphs as <p> holding text <span>s.
 */
const PLACE_CARET = `(() => {
      const root = document.querySelector('[contenteditable="true"][aria-label="Post body"]');
      const paragraphs = [...root.querySelectorAll(':scope > p')];
      for (let offset = 0; offset < paragraphs.length; offset++) {
        const paragraph = paragraphs[(Math.floor(paragraphs.length / 2) + offset) % paragraphs.length];
        const span = [...paragraph.children].find((child) => child.tagName === 'SPAN' && child.textContent.length > 20);
        if (!span || !span.firstChild) continue;
        const text = span.firstChild;
        const at = text.data.indexOf(' ', Math.floor(text.data.length / 2));
        if (at < 0) continue;
        paragraph.scrollIntoView({ block: 'center' });
        root.focus();
        getSelection().setBaseAndExtent(text, at, text, at);
        return paragraphs.indexOf(paragraph) + ' of ' + paragraphs.length;
      }
      return null;
    })()`;

/** A long post opens in parts (renderer/editor/body-loading.ts): waits until its block count stops growing. */
async function untilWholePostIn(page: Page): Promise<void> {
  const count = `document.querySelector('[contenteditable="true"][aria-label="Post body"]').childElementCount`;
  let last = -1;
  for (;;) {
    const now = await page.evaluate<number>(count);
    if (now === last) return;
    last = now;
    await page.waitForTimeout(300);
  }
}

interface Sample {
  latency: number;
  frames: number;
  changed: boolean;
  at: number;
}

export interface Run {
  latencies: number[];
  /** Keystrokes whose DOM change was not seen (should be 0) and those that needed more than one frame. */
  unchanged: number;
  extraFrames: number;
  /** Event Timing cross-check: keydown entries of ≥ 16 ms, and the longest. */
  slowInteractions: number;
  longestEvent: number;
  /** Wall-clock time from the first to the last keystroke. */
  typingMs: number;
  /** journal:write requests sent while typing (and in the second after), and their bytes. */
  journalWrites: number;
  journalBytes: number;
}

/** Types TEXT one key at a time into whatever has focus, waiting for each keystroke's paint. */
async function typeAndMeasure(page: Page): Promise<Run> {
  const keys = [...TEXT.slice(0, WARMUP_KEYS), ...TEXT];
  let measuredFrom = Number.POSITIVE_INFINITY;
  let typingFrom = Date.now();
  for (const [index, key] of keys.entries()) {
    await page.keyboard.type(key);
    const measured = await page.evaluate<boolean>(
      `Promise.race([window.__keystroke.waitFor(${index + 1}), new Promise((resolve) => setTimeout(() => resolve(false), 5000))])`,
    );
    if (!measured) {
      const where = await page.evaluate<string>(
        '`${window.__keystroke?.samples.length} samples; focus on ${document.activeElement?.outerHTML.slice(0, 120)}`',
      );
      throw new Error(`keystroke ${index + 1} (${JSON.stringify(key)}) was not measured within 5 s: ${where}`);
    }
    if (index === WARMUP_KEYS - 1) {
      measuredFrom = await page.evaluate('performance.now()');
      typingFrom = Date.now();
    }
  }
  const typingMs = Date.now() - typingFrom;
  const { samples, events } = await page.evaluate<{
    samples: Sample[];
    events: Array<{ name: string; start: number; duration: number }>;
  }>('({ samples: window.__keystroke.samples, events: window.__keystroke.events })');
  if (samples.length !== keys.length)
    throw new Error(`expected ${keys.length} keystroke samples, got ${samples.length}`);
  const measured = samples.slice(WARMUP_KEYS);
  const slow = events.filter((event) => event.name === 'keydown' && event.start >= measuredFrom);
  return {
    latencies: measured.map((sample) => sample.latency),
    unchanged: measured.filter((sample) => !sample.changed).length,
    extraFrames: measured.filter((sample) => sample.frames > 1).length,
    slowInteractions: slow.length,
    longestEvent: slow.reduce((max, event) => Math.max(max, event.duration), 0),
    typingMs,
    journalWrites: 0,
    journalBytes: 0,
  };
}

/** Opens the post in the app, puts the caret inside plain text of a paragraph in the middle, and types. */
async function measureEditor(browser: Browser, url: string, title: string, journal = true): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript({ content: PROBE });
    // The tab-scoped switch renderer/app/create-workspace.ts reads (JOURNAL_OFF_KEY).
    if (!journal)
      await context.addInitScript({
        content: `try { sessionStorage.setItem('masthead.benchmark.journal-off', '1'); } catch {}`,
      });
    const page = await context.newPage();
    const journalled = { writes: 0, bytes: 0, counting: false };
    page.on('request', (request) => {
      if (!journalled.counting || !request.url().includes(`/api/request/${encodeURIComponent('journal:write')}`))
        return;
      journalled.writes += 1;
      journalled.bytes += Buffer.byteLength(request.postData() ?? '');
    });
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: title }).click();
    const body = page.getByRole('textbox', { name: 'Post body' });
    await body.locator('p').first().waitFor({ timeout: 120_000 });
    await untilWholePostIn(page);
    // Strings, not functions: this tsconfig has no DOM types. Playwright evaluates them as expressions.
    const placed = await page.evaluate<string | null>(PLACE_CARET);
    if (!placed) throw new Error(`no plain-text paragraph to type into in "${title}"`);
    bodyLook ??= await page.evaluate<string>(READ_BODY_LOOK);
    // Let Lexical pick up the selection and the post settle (word count, first renders).
    await page.waitForTimeout(1_000);
    journalled.counting = true;
    const run = await typeAndMeasure(page);
    // The last pause's write lands within a second.
    await page.waitForTimeout(1_200);
    run.journalWrites = journalled.writes;
    run.journalBytes = journalled.bytes;
    const typed = await page.evaluate<boolean>(
      `document.querySelector('[aria-label="Post body"]').textContent.includes(${JSON.stringify(TEXT.slice(20, 60))})`,
    );
    if (!typed) throw new Error(`the typed text did not land in the body of "${title}"`);
    return run;
  } finally {
    await context.close();
  }
}

/**
 * The app's CSS of the body (font, size, line height, width, paragraph spacing, and the
 * content-visibility that lets off-screen blocks skip layout), read from its computed style, for
 * the stock page: the same CSS wherever layout cost depends on it.
 * The app's own web font is not served to the stock page, so a font of the same family list stands in.
 */
const READ_BODY_LOOK = `(() => {
  const root = document.querySelector('[contenteditable="true"][aria-label="Post body"]');
  const p = root.querySelector(':scope > p');
  const css = (style, names) => names.map((name) => name + ':' + style.getPropertyValue(name)).join(';');
  const body = css(getComputedStyle(root), ['font-family', 'font-size', 'line-height', 'letter-spacing', 'width', 'padding', 'box-sizing', 'white-space', 'word-wrap', 'text-rendering', 'font-kerning']);
  const paragraph = css(getComputedStyle(p), ['margin', 'font-size', 'line-height', 'hyphens']);
  const block = css(getComputedStyle(p), ['content-visibility', 'contain-intrinsic-block-size', 'overflow-clip-margin']);
  return '[aria-label="Post body"]{' + body + '} [aria-label="Post body"] > p{' + paragraph + '} [aria-label="Post body"] > *{' + block + '}';
})()`;

let bodyLook: string | null = null;

/** The same keys into stock Lexical (same version, RichTextPlugin only) showing the same Markdown with the app's body CSS. */
async function measureStockLexical(browser: Browser, stockDir: string, markdown: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript({ content: PROBE });
    const page = await stockPage(context, stockDir, markdown);
    await page.addStyleTag({ content: bodyLook ?? '' });
    await page.getByRole('button', { name: 'Open post' }).click();
    await page.locator('[contenteditable="true"][aria-label="Post body"] p').first().waitFor({ timeout: 120_000 });
    if (!(await page.evaluate<string | null>(PLACE_CARET)))
      throw new Error('no plain-text paragraph in the stock page');
    await page.waitForTimeout(1_000);
    return await typeAndMeasure(page);
  } finally {
    await context.close();
  }
}

/** The same keys into a plain <textarea> holding the same Markdown, caret in the middle. */
async function measureTextarea(browser: Browser, markdown: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.setContent(
      '<!doctype html><textarea aria-label="Baseline" style="width:720px;height:800px;font:18px/1.6 serif"></textarea>',
    );
    // After setContent: its document.open() drops window listeners an init script had added.
    await page.evaluate(PROBE);
    await page.evaluate(`(() => {
      const area = document.querySelector('textarea');
      area.value = ${JSON.stringify(markdown)};
      const at = area.value.indexOf(' ', Math.floor(area.value.length / 2));
      area.focus();
      area.setSelectionRange(at, at);
      area.blur();
      area.focus();
    })()`);
    await page.waitForTimeout(1_000);
    return await typeAndMeasure(page);
  } finally {
    await context.close();
  }
}

const frontMatter = (title: string, date: string): string =>
  `---\ntemplateKey: blog-post\ntitle: "${title}"\nauthor: Bench Writer\ndate: ${date}\ndraft: false\n---\n`;

/** Runs the keystroke benchmark and prints its figures. */
export async function benchKeystroke(): Promise<void> {
  ensureBuilt();
  const posts = [
    {
      label: '~10k words',
      title: 'Keystroke Bench Ten Thousand',
      file: 'content/posts/2026-05-01-ten-thousand.md',
      body: generatePost(10_000, 1),
      goal: 16,
      journalOff: true,
    },
    {
      label: '~100k words',
      title: 'Keystroke Bench Hundred Thousand',
      file: 'content/posts/2026-05-02-hundred-thousand.md',
      body: generatePost(100_000, 2),
      goal: 33,
      journalOff: true,
    },
  ];
  const repo = createRepoWithRemote({
    files: Object.fromEntries(
      posts.map((post, index) => [
        post.file,
        frontMatter(post.title, `2026-05-0${index + 1}T09:00:00.000Z`) + post.body,
      ]),
    ),
  });
  const configDir = mkdtempSync(path.join(tmpdir(), 'masthead-bench-config-'));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let stockDir = '';
  try {
    stockDir = await buildStock();
    const started = await startWebMode(repo.workTree, configDir);
    server = started.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    console.log(
      `Chromium ${browser.version()}; typing ${TEXT.length} keys (after ${WARMUP_KEYS} warm-up keys) per run`,
    );
    for (const post of posts) {
      const words = post.body.split(/\s+/).filter((token) => /[a-z]/i.test(token)).length;
      console.log(
        `${post.label}: ${words.toLocaleString('en-US')} words, ${(Buffer.byteLength(post.body) / 1024).toFixed(0)} KiB of Markdown`,
      );
      // Journal off first: it leaves no journal behind, so the run with it on opens the same clean post.
      const off = post.journalOff ? await measureEditor(browser, started.url, post.title, false) : null;
      const editor = await measureEditor(browser, started.url, post.title);
      const textarea = await measureTextarea(browser, post.body);
      const stock = await measureStockLexical(browser, stockDir, post.body);
      report(post.label, editor, textarea, stock, post.goal);
      if (off) reportJournal(post.label, editor, off, exportTimes(post.body));
    }
  } finally {
    await browser?.close();
    if (server) await stopServer(server);
    rmSync(configDir, { recursive: true, force: true });
    if (stockDir) rmSync(stockDir, { recursive: true, force: true });
    repo.cleanup();
  }
}
