/**
 * Saving after editing one paragraph of a ~10k-word post: the body export a save runs (only the
 * blocks changed since the last export are written again; the journal's export every second keeps
 * that cache warm) vs a full export of every block, vs the baseline — joining the blocks' unchanged
 * source strings, the least any save must do. Headless Lexical, the same edit each run. Goal: the
 * save ≤ 2× the join, whatever the post's size. A second baseline adds what a lossless save of an
 * edited block cannot skip: writing that block once with the bare serializer (mdast-util-to-markdown
 * with GFM, the block parsed beforehand, untimed), so the ratio shows what the save costs beyond it.
 */
import { performance } from 'node:perf_hooks';
import { gfm } from 'micromark-extension-gfm';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { $createTextNode, $getNodeByKey, $getRoot, $isElementNode } from 'lexical';
import { exportBodyIncrementally } from '../renderer/editor/block-export';
import { $exportMarkdown, $getDocumentInfo, $writeTopLevel, loadDocument } from '../shared/document';
import { generatePost } from './roundtrip.bench';
import { median, ms } from './stats';

const RUNS = Number(process.env.RUNS ?? 15);

/**
 * A paragraph of plain prose, as most paragraphs of real posts are (no formats, links or code): the
 * generated ones all carry some, so one is put in the middle of the post for the second row.
 */
const PLAIN_PARAGRAPH =
  'The harbour office opened at seven, and the first ferry was already late; we waited on the quay with coffee and counted the gulls.';

/** Runs the save benchmark for a 10k-word and a 100k-word post and prints the figures. */
export async function benchSave(): Promise<void> {
  for (const words of [10_000, 100_000]) {
    const blocks = generatePost(words, 7).split('\n\n');
    blocks.splice(Math.floor(blocks.length / 2), 0, PLAIN_PARAGRAPH);
    const post = blocks.join('\n\n');
    console.log(
      `${words.toLocaleString('en')} words, ${blocks.length} blocks, one paragraph edited per run, ${RUNS} runs:`,
    );
    for (const kind of ['with formats and links', 'of plain prose'] as const) {
      const edited = (text: string) =>
        kind === 'of plain prose' ? text === PLAIN_PARAGRAPH : text !== PLAIN_PARAGRAPH;
      measureEdits(post, blocks, kind, edited);
    }
  }
}

/** Edits the first paragraph from the middle on whose text `edited` picks, run after run, and prints the figures. */
function measureEdits(post: string, blocks: string[], kind: string, edited: (text: string) => boolean): void {
  const editor = loadDocument(post);
  exportBodyIncrementally(editor); // the journal's first export after opening fills the cache
  const key = editor.read(() => {
    const children = $getRoot().getChildren();
    const middle = Math.floor(children.length / 2);
    return [...children.slice(middle), ...children.slice(0, middle)]
      .find((node) => node.getType() === 'paragraph' && edited(node.getTextContent()))
      ?.getKey();
  });
  if (key === undefined) throw new Error(`no paragraph ${kind} in the post`);
  const incremental: number[] = [];
  const full: number[] = [];
  const join: number[] = [];
  const block: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    editor.update(
      () => {
        const paragraph = $getNodeByKey(key);
        if ($isElementNode(paragraph)) paragraph.append($createTextNode(` And one more, take ${run}.`));
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
    // The edited block as the save wrote it, parsed outside the timing, written by the bare serializer.
    const edited = editor.read(() => $writeTopLevel($getNodeByKey(key)!, $getDocumentInfo($getRoot()))?.markdown ?? '');
    const tree = fromMarkdown(edited, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    start = performance.now();
    const alone = toMarkdown(tree, { extensions: [gfmToMarkdown()] });
    block.push(performance.now() - start);
    if (alone === '') throw new Error('the edited block wrote nothing');
    if (saved !== everything) throw new Error('the incremental export differs from the full export');
    if (joined.length === 0) throw new Error('nothing joined');
  }
  const line = (samples: number[]) =>
    `${ms(median(samples))} (min ${ms(Math.min(...samples))} – max ${ms(Math.max(...samples))})`;
  console.log(`  a paragraph ${kind} edited:`);
  console.log(`    save (changed blocks only): ${line(incremental)}`);
  console.log(`    full export of every block: ${line(full)}`);
  console.log(`    baseline, joining the blocks' sources: ${line(join)}`);
  console.log(`    the edited block alone through the bare serializer: ${line(block)}`);
  console.log(
    `    ratio ${(median(incremental) / median(join)).toFixed(1)}× the join (goal ≤ 2×), full export ${(median(full) / median(join)).toFixed(0)}× the join`,
  );
  console.log(
    `    ratio ${(median(incremental) / (median(join) + median(block))).toFixed(1)}× the join plus the bare serializer writing the edited block (for information)`,
  );
}
