/**
 * The SEO tab's cost while typing: keystrokes in the post title of a ~10k-word post with the SEO tab
 * open (the Google and social previews re-truncate the title, the title checks re-run on every
 * key), vs. the same keys with the Publish tab open instead (baseline: the same app without the
 * previews). Measured in web mode in Chromium with the Performance API:
 *
 * - main-thread script work: from the keydown's `event.timeStamp` to the `input` listener on
 *   window, which runs after React's own listener has rendered and committed the update (discrete
 *   input renders synchronously, and its passive effects are flushed with it);
 * - next paint: from the same start to the first frame after the change (style, layout, paint).
 *
 * Goal: p95 ≤ 16 ms of main-thread work. Measures only. Needs a build (`npm run build`).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { startWebMode } from '../test/e2e/app-fixture';
import { createRepoWithRemote } from '../test/support/git-fixtures';
import { CHROMIUM, CHROMIUM_ARGS, stopServer } from './browser';
import { generatePost } from './roundtrip.bench';
import { ms, quantile } from './stats';

const TEXT = ' and the lamps of the north harbour';
const WARMUP = 5;

const PROBE = String.raw`(() => {
  const state = { work: [], paint: [], pending: null };
  window.__seoBench = state;
  window.addEventListener('keydown', (event) => {
    if (event.key.length !== 1) return;
    state.pending = event.timeStamp > 0 && event.timeStamp <= performance.now() ? event.timeStamp : performance.now();
  }, true);
  window.addEventListener('input', () => {
    const start = state.pending;
    if (start === null) return;
    state.pending = null;
    state.work.push(performance.now() - start);
    requestAnimationFrame(() => setTimeout(() => state.paint.push(performance.now() - start), 0));
  });
})();`;

interface Run {
  work: number[];
  paint: number[];
}

async function typeTitle(browser: Browser, url: string, postTitle: string, tab: 'SEO' | 'Publish'): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: postTitle }).click();
    await page.getByRole('textbox', { name: 'Post body' }).locator('p').first().waitFor({ timeout: 120_000 });
    await page.getByRole('tab', { name: tab }).click();
    if (tab === 'SEO') await page.getByRole('list', { name: 'SEO checks' }).waitFor();
    const title = page.getByRole('textbox', { name: 'Title', exact: true });
    await title.click();
    await page.keyboard.press('End');
    await page.waitForTimeout(1_000);
    const keys = [...TEXT.slice(0, WARMUP), ...TEXT];
    for (const key of keys) {
      await page.keyboard.type(key);
      // One key at a time, each measured alone: its work and paint are done well within this pause.
      await page.waitForTimeout(60);
    }
    await page.waitForTimeout(300);
    if (tab === 'SEO') {
      const shown = await page.getByRole('figure', { name: /Google result \(mobile\)/ }).textContent();
      if (!shown?.includes('lamps')) throw new Error('the typed title did not reach the Google preview');
    }
    const state = await page.evaluate<Run>('({ work: window.__seoBench.work, paint: window.__seoBench.paint })');
    if (state.work.length !== keys.length) throw new Error(`expected ${keys.length} samples, got ${state.work.length}`);
    return { work: state.work.slice(WARMUP), paint: state.paint.slice(WARMUP) };
  } finally {
    await context.close();
  }
}

const line = (samples: number[]): string =>
  `p50 ${ms(quantile(samples, 0.5))} · p95 ${ms(quantile(samples, 0.95))} · max ${ms(Math.max(...samples))}`;

/** Runs the SEO typing benchmark and prints its figures. */
export async function benchSeo(): Promise<void> {
  if (!existsSync(path.join('out', 'main', 'cli.js')))
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  const postTitle = 'Notes from the Harbour Office';
  const frontMatter = [
    '---',
    `title: "${postTitle}"`,
    'date: 2026-05-01T09:00:00.000Z',
    'description: A long walk through what the harbour office learned this spring about lamps, tides, ferries and the people who keep them running.',
    'canonical: https://harbour.example/blog/notes-from-the-harbour-office',
    '---',
    '',
  ].join('\n');
  const repo = createRepoWithRemote({
    files: {
      'content/posts/notes-from-the-harbour-office.md': frontMatter + generatePost(10_000, 3),
      'content/posts/other.md': '---\ntitle: Other\n---\nx\n',
    },
  });
  const configDir = mkdtempSync(path.join(tmpdir(), 'masthead-bench-config-'));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    const started = await startWebMode(repo.workTree, configDir);
    server = started.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const seo = await typeTitle(browser, started.url, postTitle, 'SEO');
    const baseline = await typeTitle(browser, started.url, postTitle, 'Publish');
    console.log(
      `title keystroke, ~10k-word post, SEO tab open:  script work ${line(seo.work)}; next paint ${line(seo.paint)} over ${seo.work.length} keys (goal work p95 ≤ 16 ms)`,
    );
    console.log(
      `title keystroke, ~10k-word post, Publish tab:   script work ${line(baseline.work)}; next paint ${line(baseline.paint)} (baseline: no previews)`,
    );
    console.log(
      `ratio SEO/baseline: script work p95 ${(quantile(seo.work, 0.95) / quantile(baseline.work, 0.95)).toFixed(2)}× · paint p95 ${(quantile(seo.paint, 0.95) / quantile(baseline.paint, 0.95)).toFixed(2)}×`,
    );
  } finally {
    await browser?.close();
    if (server) await stopServer(server);
    rmSync(configDir, { recursive: true, force: true });
    repo.cleanup();
  }
}
