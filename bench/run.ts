/**
 * `npm run bench`: runs every benchmark in turn and prints figures and ratios against a bare
 * baseline run side by side. Benchmarks measure; they never pass or fail on timing.
 * `npm run bench -- publish` runs only the benchmarks whose name contains "publish".
 */
// Lexical loads its development build (extra invariant checks) unless NODE_ENV is production. The
// app's renderer ships the production build, so that is what the benchmarks measure. Set before
// the benchmarks (and with them Lexical) are imported.
process.env.NODE_ENV ??= 'production';
// No static import (each benchmark is imported when it runs): mark the file a module for top-level await.
export {};
// Each benchmark is imported only when it runs (dynamic imports, so the line above runs first): one
// benchmark's modules and heap must not weigh on another's figures (a git start costs more in a bigger process).
const benchmarks: Array<{ name: string; run: () => Promise<void> }> = [
  { name: 'publish', run: async () => (await import('./publish.bench')).benchPublish() },
  { name: 'roundtrip', run: async () => (await import('./roundtrip.bench')).benchRoundtrip() },
  { name: 'keystroke', run: async () => (await import('./keystroke.bench')).benchKeystroke() },
  { name: 'index', run: async () => (await import('./index.bench')).benchIndex() },
  { name: 'seo', run: async () => (await import('./seo.bench')).benchSeo() },
  { name: 'library', run: async () => (await import('./library.bench')).benchLibrary() },
  { name: 'sync', run: async () => (await import('./sync.bench')).benchSync() },
  { name: 'bundle', run: async () => (await import('./bundle.bench')).benchBundle() },
  { name: 'save', run: async () => (await import('./save.bench')).benchSave() },
  { name: 'open', run: async () => (await import('./open.bench')).benchOpen() },
];

const filter = process.argv[2];
for (const benchmark of benchmarks) {
  if (filter && !benchmark.name.includes(filter)) continue;
  console.log(`\n## ${benchmark.name}`);
  await benchmark.run();
}
