import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './test/support/chromium-args';

// End-to-end tests drive the real app: the built renderer against the real back end in web mode
// (Chromium), and the same specs through Electron wherever an Electron binary exists.

/** The Chromium to use: $CHROMIUM_PATH, else Playwright's own build where present, else Debian's. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return undefined;
  return '/usr/bin/chromium';
}

/** Why the Electron project cannot run here, or null when an Electron binary is installed. */
function electronUnavailableReason(): string | null {
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile))
    return 'the Electron binary is not installed (it is downloaded on first use; no internet here)';
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? null : `the Electron binary ${binary} is missing`;
}

const electronReason = electronUnavailableReason();
if (electronReason && !process.env.PLAYWRIGHT_QUIET_ELECTRON) {
  process.env.PLAYWRIGHT_QUIET_ELECTRON = '1'; // the config is loaded by every worker; say it once
  console.log(`Electron project skipped: ${electronReason}.`);
}

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath(),
          args: CHROMIUM_ARGS,
        },
      },
    },
    // Web mode only: the credentials spec serves its HTTP git remote with Basic auth from the test
    // process for the web back end, and the library-scale spec starts web mode on a generated site.
    ...(electronReason
      ? []
      : [
          {
            name: 'electron',
            metadata: { shell: 'electron' },
            testIgnore: ['**/credentials.spec.ts', '**/library-scale.spec.ts'],
          },
        ]),
  ],
});
