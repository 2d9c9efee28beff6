/** What the browser benchmarks share: the Chromium they drive, stopping the web-mode server, and the stock Lexical page. */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { BrowserContext, Page } from '@playwright/test';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..');
const STOCK_ORIGIN = 'http://stock-open.bench';

/**
 * Builds the app (`npx electron-vite build`) when out/main/cli.js is missing; web mode serves that
 * build. A stale build is not detected: rebuild after changing the renderer.
 */
export function ensureBuilt(): void {
  if (existsSync(path.join('out', 'main', 'cli.js'))) return;
  console.log('out/ is missing: running npx electron-vite build');
  execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
}

/** The Chromium the browser benchmarks drive, and its flags. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export { CHROMIUM_ARGS } from '../test/support/chromium-args';
/** Stops a web-mode server, waiting for it to exit (SIGKILL after 5 s). */
export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 5_000))]);
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
}

/** A page of the stock Lexical build in `dir`, with `markdown` ready for its "Open post" button. */
export async function stockPage(context: BrowserContext, dir: string, markdown: string): Promise<Page> {
  await context.route(`${STOCK_ORIGIN}/**`, async (route) => {
    const file = path.join(dir, new URL(route.request().url()).pathname);
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    await route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
  });
  const page = await context.newPage();
  await page.goto(`${STOCK_ORIGIN}/stock-open.html`);
  await page.evaluate(`window.__post = ${JSON.stringify(markdown)}`);
  return page;
}

/** Builds the stock page (production React and Lexical, as the app's renderer ships). */
export async function buildStock(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'masthead-bench-stock-open-'));
  await build({
    root: path.join(ROOT, 'bench', 'baseline'),
    base: './',
    logLevel: 'error',
    configFile: false,
    mode: 'production',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify: true, rollupOptions: { input: 'stock-open.html' } },
  });
  return outDir;
}
