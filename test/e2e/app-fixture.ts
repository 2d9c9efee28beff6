import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, _electron, type Page } from '@playwright/test';
import { createContentRepo, type ContentRepo } from '../support/content-repo';

/** The fixture repositories a test can open: `blog` (test/fixtures/blog) or a site under test/fixtures/sites. */
export type FixtureSite = 'blog' | `sites/${string}`;

/** What every end-to-end test gets: a content repository with a bare remote, and the app open on it. */
interface AppFixtures {
  /** Open the repository at launch (`--repo`); false starts on the open-repository screen. */
  openAtLaunch: boolean;
  /** Extra files (repo-relative path → content) written into the work tree, uncommitted, before launch. */
  repoFiles: Record<string, string | Uint8Array>;
  /** The fixture repository to open (see createContentRepo); default `blog`. */
  site: FixtureSite;
  repo: ContentRepo;
  app: Page;
  /**
   * Web mode only: stops the back end with `signal` (default SIGKILL, a crash), starts it again on
   * the same repository and settings folder, and resolves with its new URL (the page is not moved).
   */
  restartServer: (signal?: NodeJS.Signals) => Promise<string>;
}

/** Stops a web-mode server with `signal` and waits for it to be gone. */
export async function stopWebMode(server: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill(signal);
  // A server that does not finish its last journal writes in time is stopped for good.
  const overdue = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(overdue);
}

// The running server of each web-mode app page, so restartServer can replace it.
const restarters = new WeakMap<Page, (signal?: NodeJS.Signals) => Promise<string>>();

const READY_LINE = /^Masthead is ready at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)$/;

/** Starts `masthead web` on the repo and resolves with the URL it prints. */
export async function startWebMode(
  repoPath: string | null,
  configDir: string,
): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(
    process.execPath,
    ['out/main/cli.js', 'web', ...(repoPath ? ['--repo', repoPath] : []), '--port', '0'],
    {
      env: { ...process.env, MASTHEAD_CONFIG_DIR: configDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: server.stdout! });
    lines.on('line', (line) => {
      const match = READY_LINE.exec(line);
      if (match) resolve(match[1]!);
    });
    server.once('exit', (code) => reject(new Error(`masthead web exited with ${code}: ${stderr}`)));
  });
  return { url, server };
}

export const test = base.extend<AppFixtures>({
  openAtLaunch: [true, { option: true }],
  repoFiles: [{}, { option: true }],
  site: ['blog', { option: true }],
  repo: async ({ repoFiles, site }, use) => {
    const repo = createContentRepo(site);
    for (const [path, content] of Object.entries(repoFiles)) {
      const absolute = join(repo.workTree, ...path.split('/'));
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, content);
    }
    await use(repo);
    repo.cleanup();
  },
  app: async ({ repo, browser, openAtLaunch }, use, testInfo) => {
    const configDir = mkdtempSync(join(tmpdir(), 'masthead-config-'));
    try {
      if (testInfo.project.name === 'electron') {
        const electronApp = await _electron.launch({
          args: ['.', ...(openAtLaunch ? ['--repo', repo.workTree] : [])],
          env: { ...process.env, MASTHEAD_CONFIG_DIR: configDir } as Record<string, string>,
        });
        await use(await electronApp.firstWindow());
        await electronApp.close();
      } else {
        let { url, server } = await startWebMode(openAtLaunch ? repo.workTree : null, configDir);
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        restarters.set(page, async (signal = 'SIGKILL') => {
          await stopWebMode(server, signal);
          ({ url, server } = await startWebMode(openAtLaunch ? repo.workTree : null, configDir));
          return url;
        });
        await page.goto(url);
        await use(page);
        await context.close();
        // Waited for: the back end finishes journal writes on SIGTERM, and they must land before the
        // config folder is removed below.
        await stopWebMode(server, 'SIGTERM');
      }
    } finally {
      rmSync(configDir, { recursive: true, force: true, maxRetries: 3 });
    }
  },
  restartServer: async ({ app }, use) => {
    await use(async (signal) => {
      const restart = restarters.get(app);
      if (!restart) throw new Error('restartServer needs the web project (it restarts the web-mode back end)');
      return restart(signal);
    });
  },
});

export { expect } from '@playwright/test';
