/**
 * Opening a post: from clicking it to the first keystroke accepted in its body, for a ~1k-word
 * and a ~10k-word post, in web mode (built renderer + real back end) in Chromium. Baseline, side
 * by side in the same browser: stock Lexical (same version, RichTextPlugin only) building the same
 * Markdown with stock @lexical/markdown when a button is clicked (bench/baseline/stock-open.tsx).
 * Runs interleaved (app 1k, stock 1k, app 10k, stock 10k, …), a fresh page each. Goal: ≤ 1.0× stock
 * Lexical. Measures only.
 *
 * Both sides are driven alike: click the post (the library's button / "Open post"), wait for the
 * body to be editable (`[contenteditable="true"][aria-label="Post body"]` holding a paragraph),
 * click into its first line and type "Z". Start: the open click's pointerdown event.timeStamp. End: the first
 * frame after "Z" changed the body's DOM (as bench/keystroke.bench.ts times a keystroke), then a
 * check that "Z" is in the body text. "Shown" is the first frame with the body's first paragraph.
 *
 * Needs a build: runs `npx electron-vite build` first when out/main/cli.js is missing (it does not
 * detect a stale build; rebuild after changing the renderer).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startWebMode } from '../test/e2e/app-fixture';
import { createRepoWithRemote } from '../test/support/git-fixtures';
import { buildStock, CHROMIUM, CHROMIUM_ARGS, ensureBuilt, stockPage, stopServer } from './browser';
import { generatePost } from './roundtrip.bench';
import { median, ms } from './stats';

const RUNS = 6;

/**
 * Installed in every page before its scripts run: the open click's time, the first frame showing
 * the body, and the first frame after the "Z" keystroke changed it.
 */
const PROBE = String.raw`(() => {
  const state = { armed: false, start: null, shown: null, typed: null, done: null };
  window.__openBench = state;
  state.done = new Promise((resolve) => { state.resolve = resolve; });
  const stamp = (event) => (event.timeStamp > 0 && event.timeStamp <= performance.now() ? event.timeStamp : performance.now());
  const afterFrame = (push) => requestAnimationFrame(() => setTimeout(() => push(performance.now()), 0));
  // The benchmark arms the probe right before the open click; the press starts the clock.
  window.addEventListener('pointerdown', (event) => {
    if (state.armed && state.start === null) state.start = stamp(event);
  }, true);
  const body = () => document.querySelector('[contenteditable="true"][aria-label="Post body"]');
  new MutationObserver((_, observer) => {
    if (state.start === null || state.shown !== null) return;
    const element = body();
    if (!element || !element.querySelector('p')) return;
    observer.disconnect();
    state.shown = -1;
    afterFrame((now) => { state.shown = now - state.start; });
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
      setTimeout(() => {
        observer.disconnect();
        state.typed = performance.now() - state.start;
        state.resolve({ shown: state.shown, typed: state.typed, landed: target.textContent.includes('Z') });
      }, 0);
    });
    frame();
  }, true);
})();`;

interface OpenRun {
  /** Click → first frame with the body showing a paragraph. */
  shown: number;
  /** Click → first frame after the first keystroke changed the body. */
  typed: number;
}

/** Clicks `open`, waits for the body to be editable, types "Z" at the start of its first line. */
async function openAndType(page: Page, open: () => Promise<void>): Promise<OpenRun> {
  await page.evaluate('window.__openBench.armed = true');
  await open();
  const body = page.locator('[contenteditable="true"][aria-label="Post body"]');
  await body.locator('p').first().waitFor({ timeout: 120_000 });
  await body.click({ position: { x: 4, y: 4 } });
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
  return { shown: result.shown, typed: result.typed };
}

/** A fresh page of the app: click the post in the library, then type. */
async function measureApp(browser: Browser, url: string, title: string): Promise<OpenRun> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript({ content: PROBE });
    // No journal: the typed "Z" would otherwise offer a recovery on the next run's open.
    await context.addInitScript({
      content: `try { sessionStorage.setItem('masthead.benchmark.journal-off', '1'); } catch {}`,
    });
    const page = await context.newPage();
    await page.goto(url);
    const item = page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: title });
    await item.waitFor({ timeout: 60_000 });
    // Let the library settle (first renders, idle work) as a writer would before choosing a post.
    await page.waitForTimeout(500);
    return await openAndType(page, () => item.click());
  } finally {
    await context.close();
  }
}

/** A fresh stock Lexical page: the same Markdown, "Open post", then type. */
async function measureStock(browser: Browser, markdown: string): Promise<OpenRun> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript({ content: PROBE });
    const page = await stockPage(context, stockDir, markdown);
    const button = page.getByRole('button', { name: 'Open post' });
    await page.waitForTimeout(500);
    return await openAndType(page, () => button.click());
  } finally {
    await context.close();
  }
}

let stockDir = '';

const range = (values: number[]): string => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;

const frontMatter = (title: string): string =>
  `---\ntemplateKey: blog-post\ntitle: "${title}"\nauthor: Bench Writer\ndate: 2026-05-01T09:00:00.000Z\ndraft: false\n---\n`;

/** Runs the open benchmark and prints its figures. */
export async function benchOpen(): Promise<void> {
  ensureBuilt();
  const posts = [
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
  const repo = createRepoWithRemote({
    files: Object.fromEntries(posts.map((post) => [post.file, frontMatter(post.title) + post.body])),
  });
  const configDir = mkdtempSync(path.join(tmpdir(), 'masthead-bench-config-'));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    stockDir = await buildStock();
    const started = await startWebMode(repo.workTree, configDir);
    server = started.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    console.log(`Chromium ${browser.version()}; ${RUNS} runs per side, interleaved, a fresh page each`);
    const results = posts.map(() => ({ app: [] as OpenRun[], stock: [] as OpenRun[] }));
    for (let run = 0; run < RUNS; run++) {
      for (const [index, post] of posts.entries()) {
        results[index]!.app.push(await measureApp(browser, started.url, post.title));
        results[index]!.stock.push(await measureStock(browser, post.body));
      }
    }
    for (const [index, post] of posts.entries()) {
      const { app, stock } = results[index]!;
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
            `→ ${(median(ours) / median(theirs)).toFixed(2)}×${key === 'typed' ? ' (goal ≤ 1.0×)' : ''}`,
        );
      }
    }
  } finally {
    await browser?.close();
    if (server) await stopServer(server);
    rmSync(configDir, { recursive: true, force: true });
    if (stockDir) rmSync(stockDir, { recursive: true, force: true });
    repo.cleanup();
  }
}
