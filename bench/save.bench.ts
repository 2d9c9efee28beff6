/**
 * Saving after editing one paragraph of a ~10k-word post: the body export a save runs (only the
 * blocks changed since the last export are written again; the journal's export every second keeps
 * that cache warm) vs a full export of every block, vs the baseline — joining the blocks' unchanged
 * source strings, the least any save must do. Headless Lexical, the same edit each run. Goal: the
 * save ≤ 2× the join, whatever the post's size.
 */
import { performance } from 'node:perf_hooks';
import { $createTextNode, $getRoot, $isElementNode } from 'lexical';
import { exportBodyIncrementally } from '../renderer/editor/block-export';
import { $exportMarkdown, loadDocument } from '../shared/document';
import { generatePost } from './roundtrip.bench';
import { median, ms } from './stats';

const RUNS = Number(process.env.RUNS ?? 15);

/** Runs the save benchmark for a 10k-word and a 100k-word post and prints the figures. */
export async function benchSave(): Promise<void> {
  for (const words of [10_000, 100_000]) {
    const post = generatePost(words, 7);
    const editor = loadDocument(post);
    const blocks = post.split('\n\n');
    exportBodyIncrementally(editor); // the journal's first export after opening fills the cache
    const incremental: number[] = [];
    const full: number[] = [];
    const join: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      editor.update(
        () => {
          const children = $getRoot().getChildren();
          const middle = children.slice(Math.floor(children.length / 2)).find((node) => node.getType() === 'paragraph');
          if ($isElementNode(middle)) middle.append($createTextNode(` And one more, take ${run}.`));
        },
        { discrete: true },
      );
      let start = performance.now();
      const saved = exportBodyIncrementally(editor);
      incremental.push(performance.now() - start);
      start = performance.now();
      const everything = editor.read(() => $exportMarkdown());
      full.push(performance.now() - start);
      start = performance.now();
      const joined = blocks.join('\n\n');
      join.push(performance.now() - start);
      if (saved !== everything) throw new Error('the incremental export differs from the full export');
      if (joined.length === 0) throw new Error('nothing joined');
    }
    const line = (samples: number[]) =>
      `${ms(median(samples))} (min ${ms(Math.min(...samples))} – max ${ms(Math.max(...samples))})`;
    console.log(
      `${words.toLocaleString('en')} words, ${blocks.length} blocks, one paragraph edited per run, ${RUNS} runs:`,
    );
    console.log(`  save (changed blocks only): ${line(incremental)}`);
    console.log(`  full export of every block: ${line(full)}`);
    console.log(`  baseline, joining the blocks' sources: ${line(join)}`);
    console.log(
      `  ratio ${(median(incremental) / median(join)).toFixed(1)}× the join (goal ≤ 2×), full export ${(median(full) / median(join)).toFixed(0)}× the join`,
    );
  }
}
