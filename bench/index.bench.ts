/**
 * Indexing a big site: loading the content model and every entry's front matter of a generated
 * repository of 10,000 posts (no config, so the schema is inferred), cold (nothing cached) and warm,
 * vs. simply reading all the files with the same concurrency. Warm, as the app's content service
 * refreshes with the folder watch running: nothing changed (the last index stands), one post saved
 * (its path told, as the back end does after a save: only that file is read again), and told
 * nothing (after a pull, or without a watch: every file's size and mtime checked).
 * Goals: cold ≤ 2× the raw read, warm ≤ 100 ms.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContentService } from '../main/content-service';
import { clearContentIndexCache, loadContentIndex } from '../main/workspace/content-index';
import { mapLimit } from '../main/workspace/concurrency';
import { seededRandom } from '../test/support/random';
import { median, ms, printComparison, quantile } from './stats';

const POSTS = 10_000;
const RUNS = 7;
const AUTHORS = ['Ada Quay', 'Bo Pier', 'Cal Reef', 'Dee Shoal', 'Eli Tern'];
const TAGS = ['harbour', 'lamps', 'tides', 'boats', 'weather', 'history', 'walks', 'food'];

/** Writes `count` posts with realistic front matter and a ~300-word body into a fresh repo folder. */
function generateSite(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'masthead-bench-index-'));
  const folder = join(root, 'content', 'posts');
  mkdirSync(folder, { recursive: true });
  const next = seededRandom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const body = Array.from(
    { length: 30 },
    (_, i) => `Paragraph ${i} about the ${pick(TAGS)} by the ${pick(TAGS)} and more words here.`,
  ).join('\n\n');
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    const text = [
      '---',
      `title: "Post number ${i} on the ${pick(TAGS)}"`,
      `author: ${pick(AUTHORS)}`,
      `date: 20${10 + (i % 16)}-${month}-${day}T10:00:00.000Z`,
      `draft: ${next() < 0.1}`,
      `tags: [${pick(TAGS)}, ${pick(TAGS)}]`,
      'seo:',
      `  title: Post ${i}`,
      `  description: A short description of post ${i} for search results and cards.`,
      `  url: https://harbour.example/blog/post-${i}`,
      '---',
      body,
      '',
    ].join('\n');
    writeFileSync(join(folder, `2026-${month}-${day}-post-${i}.md`), text);
  }
  return root;
}

async function rawRead(root: string): Promise<number> {
  const folder = join(root, 'content', 'posts');
  const names = await readdir(folder);
  const sizes = await mapLimit(names, 32, async (name) => (await readFile(join(folder, name))).length);
  return sizes.reduce((a, b) => a + b, 0);
}

/** Runs the index benchmark and prints its figures. */
export async function benchIndex(): Promise<void> {
  const root = generateSite(POSTS);
  try {
    const cold: number[] = [];
    const raw: number[] = [];
    const warm: number[] = [];
    // One untimed pass of each warms the OS file cache and the JIT, so runs compare like with like.
    await rawRead(root);
    await loadContentIndex(root);
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      await rawRead(root);
      raw.push(performance.now() - start);
      clearContentIndexCache();
      start = performance.now();
      const index = await loadContentIndex(root);
      cold.push(performance.now() - start);
      if (index.entries.length !== POSTS) throw new Error(`indexed ${index.entries.length} entries, expected ${POSTS}`);
      start = performance.now();
      await loadContentIndex(root);
      warm.push(performance.now() - start);
    }
    const service = createContentService(root, { active: true });
    const unchanged: number[] = [];
    const oneSaved: number[] = [];
    const toldNothing: number[] = [];
    try {
      await service.refresh();
      const saved = (await service.current()).entries[0]!.path;
      for (let run = 0; run < RUNS; run++) {
        let start = performance.now();
        await service.refresh();
        unchanged.push(performance.now() - start);
        writeFileSync(join(root, saved), `---\ntitle: "Saved, take ${run}"\n---\nA new body.\n`);
        service.invalidate([saved]);
        start = performance.now();
        const index = await service.refresh();
        oneSaved.push(performance.now() - start);
        if (!index.entries.some((entry) => entry.frontMatter.title === `Saved, take ${run}`))
          throw new Error('the saved post was not read again');
        service.invalidate();
        start = performance.now();
        await service.refresh();
        toldNothing.push(performance.now() - start);
      }
    } finally {
      service.close();
    }
    const warmRow = (what: string, times: number[], goal: string) =>
      console.log(
        `index ${POSTS} posts, warm, ${what}: median ${ms(median(times))} (p95 ${ms(quantile(times, 0.95))}) over ${RUNS} runs${goal}`,
      );
    printComparison(`index ${POSTS} posts, cold`, cold, raw, 'cold ≤ 2× raw read');
    warmRow('nothing changed (folder watch)', unchanged, '');
    warmRow('one post saved (folder watch)', oneSaved, ' (goal ≤ 100 ms)');
    warmRow('told nothing (after a pull, or no watch: every file looked at)', toldNothing, '');
    warmRow('loaded afresh without the service (every file looked at)', warm, '');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
