import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CRASH_POST, crashPostFiles, describeFigures, runCrashLoop } from '../e2e/crash-loop';
import { expect, test } from '../e2e/app-fixture';

// Types continuously into a post through the real UI while the web-mode back end is SIGKILLed at
// random moments (MASTHEAD_SOAK_KILLS, default 200), checking after every restart that nothing
// typed a second before the kill was lost, the post file is a complete version and no temp file
// is left. Prints the figures; the seed makes a failing run reproducible.

const KILLS = Number(process.env.MASTHEAD_SOAK_KILLS ?? 200);
const SEED = Number(process.env.MASTHEAD_SOAK_SEED ?? Date.now() % 1_000_000);

/** A small seeded generator (mulberry32), so a run can be repeated kill for kill. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

test.use({ repoFiles: crashPostFiles });

test(`crash recovery: ${KILLS} SIGKILLs of the back end while typing`, async ({ app, repo, restartServer }) => {
  console.log(`seed ${SEED} (MASTHEAD_SOAK_SEED=${SEED} repeats this run)`);
  const started = Date.now();
  const figures = await runCrashLoop({
    page: app,
    workTree: repo.workTree,
    url: app.url(),
    kills: KILLS,
    restart: () => restartServer('SIGKILL'),
    random: seeded(SEED),
    log: (line) => console.log(line),
  });
  console.log(`${describeFigures(figures)} (${((Date.now() - started) / 60_000).toFixed(1)} min)`);
  for (const problem of figures.problems) console.log(`  ${problem}`);
  expect(figures.kills).toBe(KILLS);
  expect(figures.problems).toEqual([]);
  expect(readFileSync(join(repo.workTree, CRASH_POST), 'utf8')).toMatch(/^---\n/);
});
