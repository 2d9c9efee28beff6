import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run test:soak`: the long crash-recovery loop (hundreds of SIGKILLs of the back end while a
// writer types), kept out of `npm test`; recovery.spec.ts runs a few kills of the same loop there.
export default defineConfig({
  ...base,
  testDir: 'test/soak',
  testMatch: '**/*.soak.ts',
  // A kill round takes a few seconds: 200 rounds fit well inside an hour on two cores.
  timeout: 60 * 60_000,
  projects: (base.projects ?? []).filter((project) => project.name === 'web'),
});
