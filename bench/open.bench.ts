/**
 * Opening a post: from clicking it to the first keystroke accepted in its body, for a ~1k-word
 * and a ~10k-word post (and a one-paragraph post, each side's floor), in web mode (built renderer + real back end) in Chromium. Baseline, side
 * by side in the same browser: stock Lexical (same version, RichTextPlugin only) building the same
 * Markdown with stock @lexical/markdown when a button is clicked (bench/baseline/stock-open.tsx).
 * Runs interleaved (app 1k, stock 1k, app 10k, stock 10k, …), a fresh page each. Goal: ≤ 1.0× stock
 * Lexical. Measures only.
 *
 * Four kinds of open: the first of a fresh page (the goal's row: the page's code and style caches
 * are cold); the same with the mouse resting on the post for REST_MS before the press, as a
 * person's does (Masthead reads a post ahead when the mouse rests on it; the clock still starts at
 * the press); a later one, after another ~1k-word post was opened in the same page (each side then
 * builds a fresh editor for the post, with its code warm); and the later one again with the mouse
 * resting.
 *
 * Both sides are driven alike: click the post (the library's button / "Open post"); as soon as the
 * body shows a paragraph, click into its first line at the point a warm-up run found (a person
 * clicks what they see; see openAndType) and type "Z". Start: the open click's pointerdown
 * event.timeStamp. "Shown": the frame that first shows the body's first paragraph. "Typed": the
 * frame that first shows "Z" in the body (then a check that it landed there). Frames are stamped
 * in their animation frame callback, just before they paint.
 *
 * Needs a build: runs `npx electron-vite build` first when out/main/cli.js is missing (it does not
 * detect a stale build; rebuild after changing the renderer).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { startWebMode } from '../test/e2e/app-fixture';
import { createRepoWithRemote } from '../test/support/git-fixtures';
import { buildStock, CHROMIUM, CHROMIUM_ARGS, ensureBuilt, stockPage, stopServer } from './browser';
import { generatePost } from './roundtrip.bench';
import { median, ms } from './stats';

const RUNS = 6;

/** What the probe logs when the body first shows: the benchmark clicks on it then. */
const SHOWN_SIGNAL = 'masthead-open-bench:shown';

/**
 * Installed in every page before its scripts run: the open click's time, the frame that first
 * shows the body, and the frame that first shows the "Z" keystroke. A frame's time is taken when
 * its animation frame callback runs, just before it paints: a long post's rest arriving in slices
 * (body-loading.ts) would delay any later stamp by a slice that is not part of what is shown.
 */
const PROBE = String.raw`(() => {
  const state = { armed: false, start: null, shown: null, typed: null, done: null, before: null };
  window.__openBench = state;
  state.done = new Promise((resolve) => { state.resolve = resolve; });
  const stamp = (event) => (event.timeStamp > 0 && event.timeStamp <= performance.now() ? event.timeStamp : performance.now());
  // The benchmark arms the probe right before the open click; the press starts the clock.
  window.addEventListener('pointerdown', (event) => {
    if (state.armed && state.start === null) state.start = stamp(event);
  }, true);
  const body = () => document.querySelector('[contenteditable="true"][aria-label="Post body"]');
  new MutationObserver((_, observer) => {
    if (state.start === null || state.shown !== null) return;
    const element = body();
    // The body of the post opened before this one (a later open) is not this post's.
    if (!element || element === state.before || !element.querySelector('p')) return;
    observer.disconnect();
    state.shown = -1;
    requestAnimationFrame(() => {
      state.shown = performance.now() - state.start;
      console.log('${SHOWN_SIGNAL}');
    });
  }).observe(document, { subtree: true, childList: true });
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Z' || state.start === null || state.typed !== null) return;
    const target = body();
    state.typed = -1;
    let changed = false;
    const observer = new MutationObserver(() => { changed = true; });
    observer.observe(target, { subtree: true, childList: true, characterData: true });
    let frames = 0;
    const frame = () => requestAnimationFrame(() => {
      frames += 1;
      if (!changed && frames < 600) { frame(); return; }
      observer.disconnect();
      state.typed = performance.now() - state.start;
      state.resolve({ shown: state.shown, typed: state.typed, landed: target.textContent.includes('Z') });
    });
    frame();
  }, true);
})();`;

interface OpenRun {
  /** Click → the frame that first shows the body with a paragraph. */
  shown: number;
  /** Click → the frame that first shows the first keystroke. */
  typed: number;
}

/** Where a side's body takes the click (the same on every run: same page, same viewport). */
type Point = { x: number; y: number };

/**
 * Clicks `open`, and as soon as the body shows, clicks into its first line and types "Z". With
 * `at`, the click goes straight to that point, as a person clicks what they see: no locator or
 * layout query first, each of which waits for the page's main thread (a long post's slices).
 * Without it (a warm-up run), the point is found and returned.
 */
async function openAndType(page: Page, open: () => Promise<void>, at?: Point): Promise<OpenRun & { at: Point }> {
  await page.evaluate(
    'window.__openBench.armed = true; window.__openBench.before = document.querySelector(\'[contenteditable="true"][aria-label="Post body"]\')',
  );
  const shown = page.waitForEvent('console', {
    predicate: (message) => message.text() === SHOWN_SIGNAL,
    timeout: 120_000,
  });
  await open();
  await shown;
  let point = at;
  if (!point) {
    const box = await page.locator('[contenteditable="true"][aria-label="Post body"] p').first().boundingBox();
    if (!box) throw new Error('the post body has no box on screen');
    point = { x: box.x + 4, y: box.y + Math.min(8, box.height / 2) };
  }
  await page.mouse.click(point.x, point.y);
  await page.keyboard.type('Z');
  const result = await page.evaluate<{ shown: number; typed: number; landed: boolean } | false>(
    'Promise.race([window.__openBench.done, new Promise((resolve) => setTimeout(() => resolve(false), 30000))])',
  );
  if (!result) {
    const where = await page.evaluate<string>(
      'JSON.stringify({ ...window.__openBench, focus: document.activeElement?.outerHTML.slice(0, 160) })',
    );
    throw new Error(`the keystroke after opening was not measured within 30 s: ${where}`);
  }
  if (!result.landed) throw new Error('the typed "Z" did not land in the body');
  return { shown: result.shown, typed: result.typed, at: point };
}

/** What a run opens first, before the measured open (a later open), if anything. */
interface Before {
  /** The library title of the post the app opens first. */
  title: string;
  /** Its body, which stock Lexical opens first. */
  markdown: string;
}

/**
 * The goal a row is held to (issue 15), for first opens: the first keystroke within stock's time
 * for the 1k and 10k posts, and the 10k post's first screen within 0.3× of stock's. That one is
 * proposed for the open with the read started ahead: over web mode's HTTP on two loaded cores the
 * read alone is a quarter of the first screen.
 */
function goalOf(kind: { before: unknown; restMs: number }, key: 'typed' | 'shown', index: number): string {
  if (kind.before !== undefined || index === 0) return '';
  if (key === 'typed') return ' (goal ≤ 1.0×)';
  if (index < 2) return '';
  return kind.restMs > 0 ? ' (proposed goal ≤ 0.3×: the read under way before the press)' : ' (goal ≤ 0.3×)';
}

/** How long the mouse rests on a post before the press in the "as a person clicks" runs. */
const REST_MS = 200;

/** Lets a page settle after an open (its post's rest, idle work), as a writer reads before moving on. */
const SETTLE_MS = 1000;
const BODY_PARAGRAPH = '[contenteditable="true"][aria-label="Post body"] p';

/** A fresh page of the app: click the post in the library (after `before`, when given), then type. */
async function measureApp(
  browser: Browser,
  url: string,
  title: string,
  at?: Point,
  before?: Before,
  restMs = 0,
): Promise<OpenRun & { at: Point }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript({ content: PROBE });
    // No journal: the typed "Z" would otherwise offer a recovery on the next run's open.
    await context.addInitScript({
      content: `try { sessionStorage.setItem('masthead.benchmark.journal-off', '1'); } catch {}`,
    });
    const page = await context.newPage();
    await page.goto(url);
    const library = page.getByRole('navigation', { name: 'Library' });
    const item = library.getByRole('button', { name: title });
    await item.waitFor({ timeout: 60_000 });
    // Let the library settle (first renders, idle work) as a writer would before choosing a post.
    await page.waitForTimeout(500);
    if (before) {
      await library.getByRole('button', { name: before.title }).click();
      await page.locator(BODY_PARAGRAPH).first().waitFor();
      await page.waitForTimeout(SETTLE_MS);
    }
    return await openAndType(page, () => clickAfterRest(page, item, restMs), at);
  } finally {
    await context.close();
  }
}

/** A fresh stock Lexical page: the same Markdown (after `before`'s, when given), "Open post", then type. */
async function measureStock(
  browser: Browser,
  markdown: string,
  at?: Point,
  before?: Before,
  restMs = 0,
): Promise<OpenRun & { at: Point }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript({ content: PROBE });
    const page = await stockPage(context, stockDir, before?.markdown ?? markdown);
    const button = page.getByRole('button', { name: 'Open post' });
    await page.waitForTimeout(500);
    if (before) {
      await button.click();
      await page.locator(BODY_PARAGRAPH).first().waitFor();
      await page.waitForTimeout(SETTLE_MS);
      await page.evaluate(`window.__post = ${JSON.stringify(markdown)}`);
    }
    return await openAndType(page, () => clickAfterRest(page, button, restMs), at);
  } finally {
    await context.close();
  }
}

/** Clicks `target`; with `restMs`, the mouse first rests on it that long, as a person's does before pressing. */
async function clickAfterRest(page: Page, target: Locator, restMs: number): Promise<void> {
  if (restMs > 0) {
    await target.hover();
    await page.waitForTimeout(restMs);
  }
  await target.click();
}

let stockDir = '';

const range = (values: number[]): string => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;

const frontMatter = (title: string): string =>
  `---\ntemplateKey: blog-post\ntitle: "${title}"\nauthor: Bench Writer\ndate: 2026-05-01T09:00:00.000Z\ndraft: false\n---\n`;

/** Runs the open benchmark and prints its figures. */
export async function benchOpen(): Promise<void> {
  ensureBuilt();
  const posts = [
    // The floor under any first-screen ratio: opening a post of one short paragraph costs each
    // side its fixed page work (layout, paint, the editor's set-up), whatever the post's length.
    {
      label: 'one paragraph',
      title: 'Open Bench One Paragraph',
      file: 'content/posts/open-paragraph.md',
      body: 'The keeper lit the lamp at dusk, as every evening.\n',
    },
    {
      label: '~1k words',
      title: 'Open Bench One Thousand',
      file: 'content/posts/open-1k.md',
      body: generatePost(1_000, 3),
    },
    {
      label: '~10k words',
      title: 'Open Bench Ten Thousand',
      file: 'content/posts/open-10k.md',
      body: generatePost(10_000, 1),
    },
  ];
  // Opened first in a later open's page: another ~1k-word post.
  const before: Before & { file: string } = {
    title: 'Open Bench Read Before',
    file: 'content/posts/open-before.md',
    markdown: generatePost(1_000, 5),
  };
  const repo = createRepoWithRemote({
    files: Object.fromEntries(
      [...posts, { ...before, body: before.markdown }].map((post) => [post.file, frontMatter(post.title) + post.body]),
    ),
  });
  const configDir = mkdtempSync(path.join(tmpdir(), 'masthead-bench-config-'));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    stockDir = await buildStock();
    const started = await startWebMode(repo.workTree, configDir);
    server = started.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    console.log(`Chromium ${browser.version()}; ${RUNS} runs per side after a warm-up, interleaved, a fresh page each`);
    // One warm-up open per side and post finds where its body takes the click; it is not counted.
    const points = [];
    for (const post of posts) {
      const app = await measureApp(browser, started.url, post.title);
      const stock = await measureStock(browser, post.body);
      points.push({ app: app.at, stock: stock.at });
    }
    const kinds = [
      { name: 'first open in a fresh page', before: undefined, restMs: 0 },
      {
        // The read over web mode's HTTP takes 10–14 ms under this load (Electron's IPC would take a
        // fraction): with the mouse resting, it is under way before the press, as for a person.
        name: `first open in a fresh page, the mouse resting on the post ${REST_MS} ms before the press`,
        before: undefined,
        restMs: REST_MS,
      },
      { name: 'a later open (another post opened before)', before, restMs: 0 },
      {
        name: `a later open, the mouse resting on the post ${REST_MS} ms before the press, as a person's does`,
        before,
        restMs: REST_MS,
      },
    ];
    const results = kinds.map(() => posts.map(() => ({ app: [] as OpenRun[], stock: [] as OpenRun[] })));
    for (let run = 0; run < RUNS; run++) {
      for (const [k, kind] of kinds.entries()) {
        for (const [index, post] of posts.entries()) {
          const point = points[index]!;
          const { before: first, restMs } = kind;
          results[k]![index]!.app.push(await measureApp(browser, started.url, post.title, point.app, first, restMs));
          results[k]![index]!.stock.push(await measureStock(browser, post.body, point.stock, first, restMs));
        }
      }
    }
    for (const [k, kind] of kinds.entries()) {
      console.log(`${kind.name}:`);
      for (const [index, post] of posts.entries()) {
        const { app, stock } = results[k]![index]!;
        const words = post.body.split(/\s+/).filter((token) => /[a-z]/i.test(token)).length;
        console.log(
          `${post.label}: ${words.toLocaleString('en-US')} words, ${(Buffer.byteLength(post.body) / 1024).toFixed(0)} KiB of Markdown`,
        );
        for (const [what, key] of [
          ['click → first keystroke accepted', 'typed'],
          ['click → body shown', 'shown'],
        ] as const) {
          const ours = app.map((sample) => sample[key]);
          const theirs = stock.map((sample) => sample[key]);
          console.log(
            `${post.label} ${what}: Masthead median ${ms(median(ours))} (${range(ours)}) vs stock Lexical ${ms(median(theirs))} (${range(theirs)}) ` +
              `→ ${(median(ours) / median(theirs)).toFixed(2)}×${goalOf(kind, key, index)}`,
          );
        }
      }
    }
    const floor = (k: number, index: number): number => median(results[k]![index]!.stock.map((sample) => sample.shown));
    for (const [k, kind] of kinds.entries())
      console.log(
        `${kind.name}: stock Lexical shows one paragraph in ${(floor(k, 0) / floor(k, 2)).toFixed(2)}× the time it takes to show ~10k words ` +
          '(no first-screen ratio below that is possible without doing less than stock does for an empty post)',
      );
  } finally {
    await browser?.close();
    if (server) await stopServer(server);
    rmSync(configDir, { recursive: true, force: true });
    if (stockDir) rmSync(stockDir, { recursive: true, force: true });
    repo.cleanup();
  }
}
