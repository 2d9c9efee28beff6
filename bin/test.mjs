#!/usr/bin/env node
// `npm test`: the whole gate — typecheck, lint, Electron audit, unit tests, build, end-to-end tests — run in order.
// Every step runs even after a failure, so one run shows everything that is wrong; the last line
// is the plain summary CI reads: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Outside test-results/, which Playwright empties when it starts.
const reports = 'out/test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const vitestReport = join(reports, 'vitest.json');
const playwrightReport = join(reports, 'playwright.json');

const steps = [
  { name: 'typecheck', command: ['npx', 'tsc', '-p', 'tsconfig.node.json'] },
  { name: 'typecheck (renderer)', command: ['npx', 'tsc', '-p', 'tsconfig.web.json'] },
  { name: 'typecheck (end-to-end)', command: ['npx', 'tsc', '-p', 'tsconfig.e2e.json'] },
  { name: 'lint', command: ['npx', 'eslint', '--max-warnings=0', '.'] },
  { name: 'formatting', command: ['npx', 'prettier', '--check', '--log-level', 'warn', '.'] },
  // electronegativity over the desktop shell; its false positives are listed in docs/security.md.
  { name: 'electron audit', command: ['npm', 'run', '--silent', 'audit:electron'] },
  {
    name: 'unit tests',
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
    count: () => {
      const report = readReport(vitestReport);
      return {
        passed: report?.numPassedTests ?? 0,
        failed: report?.numFailedTests ?? 0,
        skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
      };
    },
  },
  { name: 'build', command: ['npx', 'electron-vite', 'build'] },
  {
    name: 'end-to-end tests',
    command: ['npx', 'playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
    count: () => {
      const stats = readReport(playwrightReport)?.stats;
      return {
        passed: stats?.expected ?? 0,
        failed: (stats?.unexpected ?? 0) + (stats?.flaky ?? 0),
        skipped: stats?.skipped ?? 0,
      };
    },
  },
];

/** Reads a JSON report if the runner wrote one. */
function readReport(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

const failedSteps = [];
const counts = { passed: 0, failed: 0, skipped: 0 };
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const result = spawnSync(step.command[0], step.command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  // Counted right away: Playwright empties test-results/ when it starts.
  const stepCounts = step.count?.() ?? { passed: 0, failed: 0, skipped: 0 };
  if (result.status !== 0) {
    failedSteps.push(step.name);
    // A step that failed without a failing test (typecheck, lint, build, a crashed runner) counts once.
    if (stepCounts.failed === 0) stepCounts.failed = 1;
  }
  counts.passed += stepCounts.passed;
  counts.failed += stepCounts.failed;
  counts.skipped += stepCounts.skipped;
}

console.log('');
console.log(
  failedSteps.length
    ? `Failed steps: ${failedSteps.join(', ')}`
    : 'All steps passed: typecheck, lint, formatting, Electron audit, unit tests, build, end-to-end tests.',
);
console.log(`${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(failedSteps.length ? 1 : 0);
