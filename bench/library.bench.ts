/**
 * The library on a big site: 10,000 posts in 60 sections of nested folders (content/<section>/<sub>/
 * <year>/…, no CMS config, so the sections are inferred as 60 collections), in web mode in Chromium.
 *
 * - First list: from pressing Enter on the start screen's "Repository folder" (a fresh server each
 *   run, nothing cached) to the first paint with posts in the list, vs. reading every post's front
 *   matter cold in Node (the content index the server builds). Goal ≤ 1.5×.
 * - Search keystroke → next paint: typing a query and deleting it again in "Search posts", one key at
 *   a time, vs. the same keys in a bare <input> on a blank page in the same browser. Goal ≤ 50 ms
 *   and ≤ 2× the bare input.
 * - Collection switch → next paint: Enter on a collection (60 of them, and back to All posts) vs. the
 *   same bare-input keystrokes. Same goals.
 *
 * Start: the keydown's event.timeStamp (the time the browser received the key, so queueing behind
 * a busy main thread counts). End: after the `input` / `click` event has been handled (React renders
 * and commits discrete events synchronously), the first animation frame, then a setTimeout(0)
 * from it, which runs once that frame's style, layout and paint are done. Measures only.
 *
 * LIBRARY_BENCH_DEBUG=1 also prints every key's latency, to see which keystrokes are the slow ones.
 *
 * Needs a build: runs `npx electron-vite build` first when out/main/cli.js is missing (it does not
 * detect a stale build; rebuild after changing the renderer).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import { clearContentIndexCache, loadContentIndex } from '../main/workspace/content-index';
import { startWebMode } from '../test/e2e/app-fixture';
import { createRepoWithRemote } from '../test/support/git-fixtures';
import { seededRandom } from '../test/support/random';
import { CHROMIUM, CHROMIUM_ARGS, ensureBuilt, stopServer } from './browser';
import { median, ms, quantile } from './stats';

const POSTS = 10_000;
const RUNS = 3;
const TOPICS = [
  'install',
  'config',
  'deploy',
  'search',
  'images',
  'routing',
  'forms',
  'cache',
  'auth',
  'i18n',
  'themes',
  'plugins',
];
const KINDS = ['guides', 'reference', 'recipes', 'faq', 'notes'];
const SUBS = ['basics', 'advanced', 'troubleshooting', 'migrating'];
const WORDS = ['harbour', 'lamps', 'tides', 'ferries', 'weather', 'keepers', 'charts', 'moorings', 'signals', 'buoys'];
// A query typed, then deleted: narrowing (10,000 → a few) and widening back to every post.
const QUERY = 'tide charts 4';
const KEYS = [...QUERY.split(''), ...QUERY.split('').map(() => 'Backspace')];
const SWITCHES = 24;

/** The files of a docs site: 60 sections × 4 subfolders × yearly folders, 10,000 pages in all. */
export function librarySiteFiles(count = POSTS): Record<string, string> {
  const sections = KINDS.flatMap((kind) => TOPICS.map((topic) => `${topic}-${kind}`));
  const next = seededRandom(11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const files: Record<string, string> = { 'README.md': '# Harbour handbook\n' };
  for (let i = 0; i < count; i++) {
    const section = sections[i % sections.length]!;
    const sub = SUBS[Math.floor(i / sections.length) % SUBS.length]!;
    const year = 2016 + (i % 10);
    const date = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const title = `${pick(WORDS)} and ${pick(WORDS)}: ${section.replace('-', ' ')} ${i}`;
    files[`content/${section}/${sub}/${year}/page-${i}.md`] =
      `---\ntitle: "${title.charAt(0).toUpperCase()}${title.slice(1)}"\ndate: ${date}\ndraft: ${next() < 0.05}\ntags: [${pick(WORDS)}, ${pick(WORDS)}]\n---\n` +
      `Notes on ${pick(WORDS)} for the ${section} section.\n`;
  }
  return files;
}

/**
 * Installed in every page before its scripts run (and evaluated into the blank baseline page):
 * times keys listed in window.__measureKeys, and the first paint with posts in the library.
 */
const PROBE = String.raw`(() => {
  const state = { samples: [], pending: null, waiters: [], firstList: null, listStart: null };
  window.__libraryBench = state;
  window.__measureKeys = [];
  state.waitFor = (n) => new Promise((resolve) => {
    if (state.samples.length >= n) resolve(true); else state.waiters.push({ n, resolve });
  });
  const settle = (start, push) => requestAnimationFrame(() => setTimeout(() => push(performance.now() - start), 0));
  window.addEventListener('keydown', (event) => {
    const start = event.timeStamp > 0 && event.timeStamp <= performance.now() ? event.timeStamp : performance.now();
    if (event.key === 'Enter' && event.target && event.target.id === 'start-path') state.listStart = start;
    if (window.__measureKeys.includes(event.key)) state.pending = start;
  }, true);
  const done = () => {
    const start = state.pending;
    if (start === null) return;
    state.pending = null;
    settle(start, (latency) => {
      state.samples.push(latency);
      state.waiters = state.waiters.filter((waiter) => (waiter.n <= state.samples.length ? (waiter.resolve(true), false) : true));
    });
  };
  window.addEventListener('input', done);
  window.addEventListener('click', done);
  // Searches only after the repository was asked for, so the check costs nothing before.
  new MutationObserver((_, observer) => {
    if (state.listStart === null || state.firstList !== null) return;
    if (!document.querySelector('ul[aria-label="Posts"] li')) return;
    observer.disconnect();
    state.firstList = -1;
    settle(state.listStart, (latency) => { state.firstList = latency; });
  }).observe(document, { subtree: true, childList: true });
})();`;

async function measureKeys(page: Page, keys: string[], measured: string[]): Promise<number[]> {
  await page.evaluate(`window.__measureKeys = ${JSON.stringify(measured)}; window.__libraryBench.samples = [];`);
  let expected = 0;
  for (const key of keys) {
    await page.keyboard.press(key);
    if (!measured.includes(key)) continue;
    expected += 1;
    const ok = await page.evaluate<boolean>(
      `Promise.race([window.__libraryBench.waitFor(${expected}), new Promise((r) => setTimeout(() => r(false), 5000))])`,
    );
    if (!ok) throw new Error(`key ${key} (#${expected}) was not measured within 5 s`);
    // One key at a time, as a person types: let the previous key's work finish first.
    await page.waitForTimeout(30);
  }
  return page.evaluate<number[]>('window.__libraryBench.samples');
}

interface AppRun {
  firstList: number;
  /** From the posts:list response's arrival to the list painted: the renderer's own share. */
  render: number;
  openRequest: number;
  listRequest: number;
  search: number[];
  switches: number[];
}

/** One fresh server and page: open the repository from the start screen, then search and switch collections. */
async function measureApp(browser: Browser, repoPath: string): Promise<AppRun> {
  const configDir = mkdtempSync(path.join(tmpdir(), 'masthead-bench-config-'));
  let server: ChildProcess | undefined;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const started = await startWebMode(null, configDir);
    server = started.server;
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    await page.goto(started.url);
    await page.getByLabel('Repository folder').fill(repoPath);
    await page.getByLabel('Repository folder').press('Enter');
    const library = page.getByRole('navigation', { name: 'Library' });
    await library.getByRole('list', { name: 'Posts' }).getByRole('listitem').first().waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);
    const firstList = await page.evaluate<number>('window.__libraryBench.firstList');
    const timing = await page.evaluate<
      Record<string, { duration: number; end: number }>
    >(`Object.fromEntries(performance.getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/api/request/'))
      .map((entry) => [decodeURIComponent(entry.name.split('/api/request/')[1].split('?')[0]), { duration: entry.duration, end: entry.responseEnd }]))`);
    const listStart = await page.evaluate<number>('window.__libraryBench.listStart');
    const setSize = await library.getByRole('listitem').first().getAttribute('aria-setsize');
    if (setSize !== String(POSTS)) throw new Error(`the library lists ${setSize} posts, expected ${POSTS}`);

    await library.getByRole('searchbox', { name: 'Search posts' }).focus();
    const search = await measureKeys(page, KEYS, KEYS);
    if (process.env.LIBRARY_BENCH_DEBUG) console.log(KEYS.map((key, i) => `${key}:${search[i]?.toFixed(0)}`).join(' '));

    const group = library.getByRole('group', { name: 'Collections' });
    if ((await group.getByRole('button').count()) !== 61) throw new Error('expected 60 collections and All posts');
    await group.getByRole('button', { name: /^All posts/ }).focus();
    // Down a row and choose it, back to All posts every few switches (the 10,000-row list).
    const keys: string[] = [];
    for (let i = 0; i < SWITCHES; i++) keys.push(...(i % 4 === 3 ? ['Home', 'Enter'] : ['ArrowDown', 'Enter']));
    const switches = await measureKeys(page, keys, ['Enter']);
    if (process.env.LIBRARY_BENCH_DEBUG) console.log(switches.map((v) => v.toFixed(0)).join(' '));
    return {
      firstList,
      render: listStart + firstList - (timing['posts:list']?.end ?? Number.NaN),
      openRequest: timing['repo:open']?.duration ?? Number.NaN,
      listRequest: timing['posts:list']?.duration ?? Number.NaN,
      search,
      switches,
    };
  } finally {
    await context.close();
    if (server) await stopServer(server);
    rmSync(configDir, { recursive: true, force: true });
  }
}

/** The same keys into a bare <input> on a blank page. */
async function measureBareInput(browser: Browser): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><input aria-label="Baseline" style="width:240px">');
    // After setContent: its document.open() drops window listeners an init script had added.
    await page.evaluate(PROBE);
    await page.getByLabel('Baseline').focus();
    return await measureKeys(page, KEYS, KEYS);
  } finally {
    await context.close();
  }
}

/** Reads every post's front matter cold in a fresh Node process, as a fresh server does; returns ms. */
function readInFreshProcess(root: string): number {
  const module = path.resolve('main/workspace/content-index.ts');
  const code = `import(${JSON.stringify(module)}).then(async (m) => { const t = performance.now(); await m.loadContentIndex(${JSON.stringify(root)}); console.log(performance.now() - t); })`;
  return Number(execFileSync('npx', ['tsx', '-e', code], { encoding: 'utf8' }).trim());
}

const range = (values: number[]): string => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;

/** Runs the library benchmark and prints its figures. */
export async function benchLibrary(): Promise<void> {
  ensureBuilt();
  const repo = createRepoWithRemote({ files: librarySiteFiles() });
  let browser: Browser | undefined;
  try {
    // Reading every post's front matter, cold (one untimed pass warms the OS file cache and the JIT).
    await loadContentIndex(repo.workTree);
    const reads: number[] = [];
    for (let run = 0; run < RUNS + 2; run++) {
      clearContentIndexCache();
      const start = performance.now();
      const index = await loadContentIndex(repo.workTree);
      reads.push(performance.now() - start);
      if (index.entries.length !== POSTS) throw new Error(`indexed ${index.entries.length} entries, expected ${POSTS}`);
    }

    const fresh = Array.from({ length: RUNS }, () => readInFreshProcess(repo.workTree));

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    console.log(
      `Chromium ${browser.version()}; ${POSTS.toLocaleString('en-US')} posts in 60 collections; ${RUNS} runs (a fresh server and page each)`,
    );
    const apps: AppRun[] = [];
    const bare: number[][] = [];
    for (let run = 0; run < RUNS; run++) {
      apps.push(await measureApp(browser, repo.workTree));
      bare.push(await measureBareInput(browser));
    }

    const first = apps.map((run) => run.firstList);
    console.log(
      `first list: median ${ms(median(first))} (${range(first)}) from Enter on the start screen to posts painted ` +
        `[repo:open ${ms(median(apps.map((run) => run.openRequest)))}, posts:list ${ms(median(apps.map((run) => run.listRequest)))}, ` +
        `posts:list response → list painted ${ms(median(apps.map((run) => run.render)))}]`,
    );
    console.log(
      `reading the front matter, cold content index in this process: median ${ms(median(reads))} (${range(reads)}) over ${reads.length} runs`,
    );
    console.log(
      `reading the front matter, cold content index in a fresh Node process (as a fresh server): median ${ms(median(fresh))} (${range(fresh)})`,
    );
    console.log(
      `first list / reading: ${(median(first) / median(reads)).toFixed(2)}× (this process), ${(median(first) / median(fresh)).toFixed(2)}× (fresh process) (goal ≤ 1.5×)`,
    );

    const p = (samples: number[], q: number) => quantile(samples, q);
    const line = (label: string, runs: number[][], goal: string) => {
      const p50 = runs.map((samples) => p(samples, 0.5));
      const p95 = runs.map((samples) => p(samples, 0.95));
      console.log(
        `${label}: p50 ${ms(median(p50))} (${range(p50)}) · p95 ${ms(median(p95))} (${range(p95)}) over ${runs[0]!.length} keys × ${runs.length} runs${goal}`,
      );
      return { p50: median(p50), p95: median(p95) };
    };
    const baseline = line('bare <input> keystroke → next paint', bare, ' (baseline)');
    for (const [label, runs] of [
      ['search keystroke → next paint', apps.map((run) => run.search)],
      ['collection switch → next paint', apps.map((run) => run.switches)],
    ] as const) {
      const figures = line(label, [...runs], ' (goal ≤ 50 ms and ≤ 2× bare input)');
      console.log(
        `${label} / bare input: p50 ${(figures.p50 / baseline.p50).toFixed(2)}× · p95 ${(figures.p95 / baseline.p95).toFixed(2)}×`,
      );
    }
  } finally {
    await browser?.close();
    repo.cleanup();
  }
}
