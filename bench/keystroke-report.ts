/**
 * What the keystroke benchmark (keystroke.bench.ts) prints from its runs, and the headless body
 * export times it reports beside the journal's figures.
 */
import { performance } from 'node:perf_hooks';
import { $getRoot } from 'lexical';
import { exportBodyIncrementally } from '../renderer/editor/block-export';
import { loadDocument, saveDocument } from '../shared/document';
import type { Run } from './keystroke.bench';
import { median, ms, quantile } from './stats';

function summary(run: Run): string {
  const { latencies } = run;
  return `p50 ${ms(quantile(latencies, 0.5))} · p95 ${ms(quantile(latencies, 0.95))} · max ${ms(Math.max(...latencies))}`;
}

export function report(label: string, editor: Run, textarea: Run, stock: Run, goal: number): void {
  const ratio = (q: number) => (quantile(editor.latencies, q) / quantile(textarea.latencies, q)).toFixed(2);
  const toStock = (q: number) => (quantile(editor.latencies, q) / quantile(stock.latencies, q)).toFixed(2);
  console.log(
    `${label} editor:   ${summary(editor)} over ${editor.latencies.length} keystrokes (goal p95 ≤ ${goal} ms)`,
  );
  console.log(`${label} textarea: ${summary(textarea)} over ${textarea.latencies.length} keystrokes (baseline)`);
  console.log(`${label} ratio editor/textarea: p50 ${ratio(0.5)}× · p95 ${ratio(0.95)}×`);
  console.log(
    `${label} stock Lexical, same body CSS: ${summary(stock)} over ${stock.latencies.length} keystrokes (baseline)`,
  );
  console.log(`${label} ratio editor/stock Lexical: p50 ${toStock(0.5)}× · p95 ${toStock(0.95)}× (goal p95 ≤ 1.0×)`);
  for (const [name, run] of [
    ['editor', editor],
    ['textarea', textarea],
  ] as const) {
    console.log(
      `${label} ${name} checks: ${run.unchanged} keystrokes without a DOM change, ${run.extraFrames} needing > 1 frame; ` +
        `Event Timing: ${run.slowInteractions} keydowns ≥ 16 ms` +
        (run.slowInteractions ? ` (longest ${ms(run.longestEvent)})` : ''),
    );
  }
}

/** Prints what journalling costs typing: the p95 ratio with it on and off, and what it writes. */
export function reportJournal(label: string, on: Run, off: Run, exportMs: { full: number; incremental: number }): void {
  const p95 = (run: Run) => quantile(run.latencies, 0.95);
  console.log(`${label} journal on:  ${summary(on)}`);
  console.log(`${label} journal off: ${summary(off)}`);
  console.log(
    `${label} ratio journal on/off: p50 ${(quantile(on.latencies, 0.5) / quantile(off.latencies, 0.5)).toFixed(2)}× · p95 ${(p95(on) / p95(off)).toFixed(2)}× (goal p95 ≤ 1.05×)`,
  );
  const minutes = on.typingMs / 60_000;
  console.log(
    `${label} journal writes: ${on.journalWrites} over ${(on.typingMs / 1000).toFixed(1)} s of typing (${on.latencies.length} keys), ` +
      `${(on.journalBytes / 1024).toFixed(0)} KiB → ${(on.journalBytes / minutes / 1024 / 1024).toFixed(1)} MiB per minute of typing, ` +
      `${(on.journalBytes / Math.max(1, on.journalWrites) / 1024).toFixed(0)} KiB per write; ` +
      `body export per write: median ${ms(exportMs.incremental)} (only changed blocks; the whole body takes ${ms(exportMs.full)}, headless)`,
  );
}

/**
 * Median times to export the body (headless Lexical): whole, as a save does, and incrementally
 * after a word typed into one paragraph, as each journal write does (renderer/editor/block-export.ts).
 */
export function exportTimes(markdown: string): { full: number; incremental: number } {
  const editor = loadDocument(markdown);
  const full: number[] = [];
  const incremental: number[] = [];
  exportBodyIncrementally(editor);
  for (let i = 0; i < 15; i += 1) {
    let start = performance.now();
    saveDocument(editor);
    full.push(performance.now() - start);
    editor.update(
      () => {
        const texts = $getRoot().getAllTextNodes();
        const text = texts[Math.floor(texts.length / 2) + i];
        text?.setTextContent(`${text.getTextContent()} lamp`);
      },
      { discrete: true },
    );
    start = performance.now();
    exportBodyIncrementally(editor);
    incremental.push(performance.now() - start);
  }
  return { full: median(full.slice(3)), incremental: median(incremental.slice(3)) };
}
