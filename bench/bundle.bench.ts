/**
 * What the renderer ships: the JavaScript the page loads at once (the entry and the chunks it
 * imports statically) and what it loads later (dynamic imports), minified and gzipped, against a
 * stock Lexical page built the same way in the same run. Then the first load's composition: the
 * biggest packages and app folders in it (module sizes after tree-shaking, before minifying).
 * Goal: initial JavaScript ≤ 700 kB minified. Builds the renderer (out/renderer) as `npm run build` does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { ChunkStats } from './bundle-stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const kB = (bytes: number): string => `${(bytes / 1000).toFixed(0)} kB`;

/** Sizes of JavaScript files in `dir`: raw and gzipped. */
function sizes(dir: string, files: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

/** The chunks loaded with the entry: the entry and, transitively, its static imports. */
function initialChunks(chunks: readonly ChunkStats[]): Set<string> {
  const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    byFile.get(file)?.imports.forEach(visit);
  };
  chunks.filter((chunk) => chunk.isEntry).forEach((chunk) => visit(chunk.file));
  return seen;
}

/** "lexical", "@lexical/table", "renderer/editor"… for a module id. */
function owner(id: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
  if (inModules) return inModules[1]!;
  const relative = path.relative(ROOT, clean);
  return relative.startsWith('..') ? clean : relative.split(path.sep).slice(0, 2).join('/');
}

async function stockLexicalSize(): Promise<{ raw: number; gzip: number }> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'masthead-bench-stock-'));
  try {
    await build({
      root: path.join(ROOT, 'bench', 'baseline'),
      base: './',
      logLevel: 'error',
      configFile: false,
      plugins: [react()],
      build: { outDir, emptyOutDir: true, minify: true },
    });
    const assets = path.join(outDir, 'assets');
    const files = execFileSync('ls', [assets], { encoding: 'utf8' })
      .split('\n')
      .filter((file) => file.endsWith('.js'));
    return sizes(assets, files);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

// What loads each dynamic chunk, by the module it stands for (renderer code calls import() on these).
const TRIGGERS: Record<string, string> = {
  'renderer/editor/editor-chunk.ts': 'a repository opens (idle prefetch), or a post opens',
  'shared/document/constructs/mdx/syntax.ts': 'an .mdx post opens (the MDX parser, acorn)',
  'renderer/editor/paste/clipboard.ts': 'the editor is up (idle prefetch), or the first paste',
  'shared/document/paste/index.ts': 'the editor is up (idle prefetch), or the first paste',
  'renderer/seo/SeoTab.tsx': 'the SEO tab is first shown',
  'renderer/history/HistoryPanel.tsx': 'the History tab is first shown',
  'renderer/publish/PublishPanel.tsx': 'the Publish tab is first shown',
  'renderer/commands/CommandPalette.tsx': 'the command palette first opens',
  'renderer/commands/PublishConfirm.tsx': 'the first publish from the keyboard or menu (it asks first)',
  'renderer/library/NewPostDialog.tsx': 'New post is first pressed',
  'renderer/sync/ConflictView.tsx': 'a merge first needs the writer (a conflict)',
  'shared/seo/checks.ts': 'the first publish (its SEO checks)',
  'shared/seo/input.ts': 'the first publish (its SEO checks)',
};

// Each dynamic chunk: its own size, what it brings along that the page has not loaded yet, and its trigger.
function printLazyChunks(chunks: readonly ChunkStats[], initial: ReadonlySet<string>, dir: string): void {
  const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
  const along = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file) || initial.has(file)) return seen;
    seen.add(file);
    byFile.get(file)?.imports.forEach((next) => along(next, seen));
    return seen;
  };
  console.log('loaded on demand (own size; with the shared chunks it needs; what loads it):');
  const dynamic = chunks.filter((chunk) => chunk.isDynamicEntry && !initial.has(chunk.file));
  for (const chunk of dynamic.sort((a, b) => sizes(dir, [b.file]).raw - sizes(dir, [a.file]).raw)) {
    const own = sizes(dir, [chunk.file]);
    const all = sizes(dir, [...along(chunk.file)]);
    const trigger = (chunk.facade && TRIGGERS[chunk.facade]) ?? `import() of ${chunk.facade ?? chunk.file}`;
    console.log(
      `  ${(chunk.facade ?? chunk.file).padEnd(44)} ${kB(own.raw).padStart(7)}; ${kB(all.raw).padStart(7)} (${kB(all.gzip)} gzipped)  ← ${trigger}`,
    );
  }
}

/** Builds the renderer and the stock page, and prints the figures. */
export async function benchBundle(): Promise<void> {
  const statsDir = mkdtempSync(path.join(tmpdir(), 'masthead-bench-bundle-'));
  try {
    const statsFile = path.join(statsDir, 'stats.json');
    execFileSync('npx', ['electron-vite', 'build'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, MASTHEAD_BUILD_TARGETS: 'renderer', MASTHEAD_BUNDLE_STATS: statsFile },
    });
    const chunks = JSON.parse(readFileSync(statsFile, 'utf8')) as ChunkStats[];
    const dir = path.join(ROOT, 'out', 'renderer');
    const assets = path.join(dir, 'assets');
    const assetFiles = readdirSync(assets);
    const initial = initialChunks(chunks);
    const initialFiles = chunks.filter((chunk) => initial.has(chunk.file)).map((chunk) => chunk.file);
    const lazyFiles = chunks.filter((chunk) => !initial.has(chunk.file)).map((chunk) => chunk.file);
    const first = sizes(dir, initialFiles);
    const later = sizes(dir, lazyFiles);
    const stock = await stockLexicalSize();
    const cssSize = sizes(
      assets,
      assetFiles.filter((file) => file.endsWith('.css')),
    );
    const fonts = assetFiles.filter((file) => /\.(?:woff2?|ttf|otf)$/.test(file));
    const fontBytes = fonts.reduce((sum, file) => sum + statSync(path.join(assets, file)).size, 0);

    console.log(
      `initial JavaScript: ${kB(first.raw)} minified, ${kB(first.gzip)} gzipped, in ${initialFiles.length} file(s)`,
    );
    console.log(`loaded later: ${kB(later.raw)} minified (${kB(later.gzip)} gzipped) in ${lazyFiles.length} chunk(s)`);
    console.log(`CSS: ${kB(cssSize.raw)} minified (${kB(cssSize.gzip)} gzipped)`);
    console.log(
      `fonts: ${kB(fontBytes)} in ${fonts.length} file(s) (${fonts.map((file) => file.replace(/-[\w-]{8}\./, '.')).join(', ')}), loaded with the SEO tab`,
    );
    console.log(`stock Lexical page, built the same way: ${kB(stock.raw)} minified, ${kB(stock.gzip)} gzipped`);
    console.log(
      `ratio ${(first.raw / stock.raw).toFixed(2)}× stock Lexical; goal: initial ≤ 700 kB minified (now ${kB(first.raw)})`,
    );

    printLazyChunks(chunks, initial, dir);

    const byOwner = new Map<string, number>();
    for (const chunk of chunks) {
      if (!initial.has(chunk.file)) continue;
      for (const [id, bytes] of Object.entries(chunk.modules))
        byOwner.set(owner(id), (byOwner.get(owner(id)) ?? 0) + bytes);
    }
    const total = [...byOwner.values()].reduce((sum, bytes) => sum + bytes, 0);
    console.log('first load by package or folder (before minifying):');
    for (const [name, bytes] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
      console.log(`  ${name.padEnd(36)} ${kB(bytes).padStart(8)}  ${((bytes / total) * 100).toFixed(1)}%`);
    }
  } finally {
    rmSync(statsDir, { recursive: true, force: true });
  }
}
