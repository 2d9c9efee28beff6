/**
 * `npm run bench`: runs every benchmark in turn and prints figures and ratios against a bare
 * baseline run side by side. Benchmarks measure; they never pass or fail on timing.
 * `npm run bench -- publish` runs only the benchmarks whose name contains "publish".
 */
// Lexical loads its development build (extra invariant checks) unless NODE_ENV is production. The
// app's renderer ships the production build, so that is what the benchmarks measure. Set before
// the benchmarks (and with them Lexical) are imported.
process.env.NODE_ENV ??= 'production';
// Dynamic imports (so the line above runs first) leave no static import: mark the file a module for top-level await.
export {};
const { benchKeystroke } = await import('./keystroke.bench');
const { benchPublish } = await import('./publish.bench');
const { benchRoundtrip } = await import('./roundtrip.bench');
const { benchIndex } = await import('./index.bench');
const { benchSeo } = await import('./seo.bench');
const { benchLibrary } = await import('./library.bench');
const { benchSync } = await import('./sync.bench');
const { benchBundle } = await import('./bundle.bench');
const { benchSave } = await import('./save.bench');
const { benchOpen } = await import('./open.bench');

const benchmarks: Array<{ name: string; run: () => Promise<void> }> = [
  { name: 'publish', run: benchPublish },
  { name: 'roundtrip', run: benchRoundtrip },
  { name: 'keystroke', run: benchKeystroke },
  { name: 'index', run: benchIndex },
  { name: 'seo', run: benchSeo },
  { name: 'library', run: benchLibrary },
  { name: 'sync', run: benchSync },
  { name: 'bundle', run: benchBundle },
  { name: 'save', run: benchSave },
  { name: 'open', run: benchOpen },
];

const filter = process.argv[2];
for (const benchmark of benchmarks) {
  if (filter && !benchmark.name.includes(filter)) continue;
  console.log(`\n## ${benchmark.name}`);
  await benchmark.run();
}
