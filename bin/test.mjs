#!/usr/bin/env node
// `npm test`: the whole gate — typecheck, lint, unit tests, build, end-to-end tests — run in order.
// Every step runs even after a failure, so one run shows everything that is wrong; the last line
// is the plain summary CI reads: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const reports = 'test-results/reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const vitestReport = join(reports, 'vitest.json');
const playwrightReport = join(reports, 'playwright.json');

const steps = [
  { name: 'typecheck', command: ['npx', 'tsc', '-p', 'tsconfig.node.json'] },
  { name: 'typecheck (renderer)', command: ['npx', 'tsc', '-p', 'tsconfig.web.json'] },
  { name: 'lint', command: ['npx', 'eslint', '--max-warnings=0', '.'] },
  { name: 'unit tests', command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`] },
  { name: 'build', command: ['npx', 'electron-vite', 'build'] },
  {
    name: 'end-to-end tests',
    command: ['npx', 'playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
  },
];

const failedSteps = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const result = spawnSync(step.command[0], step.command.slice(1), { stdio: 'inherit', env: { ...process.env, ...step.env } });
  if (result.status !== 0) failedSteps.push(step.name);
}

/** Reads a JSON report if the runner wrote one. */
function readReport(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

const vitest = readReport(vitestReport);
const playwright = readReport(playwrightReport);
const counts = {
  passed: (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0),
  failed: (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0),
  skipped: (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0),
};
// A step that failed without failing a test (typecheck, lint, build) still fails the gate, and counts once.
const stepFailuresWithoutTests = failedSteps.filter((name) => !name.endsWith('tests')).length;
const unitOrE2eCrashed = failedSteps.filter((name) => name.endsWith('tests')).length > 0 && counts.failed === 0;
counts.failed += stepFailuresWithoutTests + (unitOrE2eCrashed ? 1 : 0);

console.log('');
console.log(failedSteps.length ? `Failed steps: ${failedSteps.join(', ')}` : 'All steps passed: typecheck, lint, unit tests, build, end-to-end tests.');
console.log(`${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(failedSteps.length ? 1 : 0);
