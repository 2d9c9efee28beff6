import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { watchRepository, type RepoWatch } from '../../../../main/workspace/repo-watch';
import { makeTempDir, writeFiles } from './temp-dir';

const roots: string[] = [];
const watches: RepoWatch[] = [];

afterEach(async () => {
  await Promise.all(watches.splice(0).map((watch) => watch.close()));
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function site(): string {
  const root = makeTempDir('masthead-watch-');
  roots.push(root);
  writeFiles(root, {
    'config.toml': 'title = "Tide Tables"\n',
    'content/posts/2026-04-02-neap-tide.md': '---\ntitle: Neap tide\n---\nLow water at noon.\n',
    'public/index.html': '<h1>Tide Tables</h1>\n',
    'node_modules/left-pad/index.js': 'module.exports = 1;\n',
  });
  return root;
}

// Collects batches until `count` paths arrived or the time runs out.
async function start(root: string, folders: string[]) {
  const batches: string[][] = [];
  const watch = watchRepository(root, { folders, onChange: (paths) => batches.push(paths), quietMs: 50 });
  watches.push(watch);
  await watch.ready;
  const until = async (predicate: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (!predicate() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
  };
  return { batches, until, all: () => batches.flat() };
}

describe('watchRepository', () => {
  it('reports a changed post, a new page bundle in a folder made after the watch began, and root files, as repo paths', async () => {
    const root = site();
    const { until, all } = await start(root, ['', 'content/posts']);
    writeFiles(root, {
      'content/posts/2026-04-02-neap-tide.md': '---\ntitle: Neap tide\n---\nLow water at one.\n',
      'config.toml': 'title = "Tide Tables and Charts"\n',
    });
    await until(() => all().length >= 2);
    // A folder created by a pull: its files must be seen too (recursive fs.watch misses these on Linux).
    writeFiles(root, { 'content/posts/spring-tide/index.md': '---\ntitle: Spring tide\n---\nHigh water.\n' });
    await until(() => all().includes('content/posts/spring-tide/index.md'));
    expect(new Set(all())).toEqual(
      new Set(['content/posts/2026-04-02-neap-tide.md', 'config.toml', 'content/posts/spring-tide/index.md']),
    );
  });

  it('ignores .git, node_modules and folders the content index does not read', async () => {
    const root = site();
    const { until, all } = await start(root, ['', 'content/posts']);
    writeFiles(root, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'node_modules/left-pad/index.js': 'module.exports = 2;\n',
      'public/index.html': '<h1>Tide Tables, rebuilt</h1>\n',
      'public/posts/neap-tide/index.html': '<p>Low water at one.</p>\n',
    });
    // Then one change that is reported, so the test knows the watcher had time to see the others.
    writeFiles(root, { 'content/posts/2026-04-02-neap-tide.md': '---\ntitle: Neap tide\n---\nLow water at two.\n' });
    await until(() => all().length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(all()).toEqual(['content/posts/2026-04-02-neap-tide.md']);
  });

  it('tells a burst of changes (a pull touching many posts) in one batch, each path once', async () => {
    const root = site();
    const { until, batches } = await start(root, ['', 'content/posts']);
    const files: Record<string, string> = {};
    for (let day = 1; day <= 12; day += 1)
      files[`content/posts/2026-05-${String(day).padStart(2, '0')}-tide.md`] = `---\ntitle: Tide ${day}\n---\nWater.\n`;
    writeFiles(root, files);
    writeFiles(root, { 'content/posts/2026-05-01-tide.md': '---\ntitle: Tide 1\n---\nMore water.\n' });
    await until(() => batches.flat().length >= 12);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(batches.flat().sort()).toEqual(Object.keys(files).sort());
    expect(batches.length).toBeLessThanOrEqual(2);
  });

  it('stops reporting once closed', async () => {
    const root = site();
    const watch = watchRepository(root, { folders: ['content/posts'], onChange: () => calls.push(1), quietMs: 20 });
    const calls: number[] = [];
    await watch.ready;
    await watch.close();
    writeFiles(root, { 'content/posts/2026-04-02-neap-tide.md': 'changed\n' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls).toEqual([]);
  });
});

describe('watchRepository: caches', () => {
  it('says a change at once (to mark caches stale), before the batch is told, and is active until closed', async () => {
    const root = site();
    let stale = 0;
    const stalePaths = new Set<string | null>();
    const batches: string[][] = [];
    const watch = watchRepository(root, {
      folders: ['content/posts'],
      onStale: (path) => {
        stale += 1;
        stalePaths.add(path);
      },
      onChange: (paths) => batches.push(paths),
      quietMs: 60_000,
      maxWaitMs: 60_000,
    });
    watches.push(watch);
    // Until its first scan is done, a change may go untold.
    expect(watch.reporting).toBe(false);
    await watch.ready;
    expect(watch.active).toBe(true);
    expect(watch.reporting).toBe(true);
    writeFiles(root, { 'content/posts/2026-04-02-neap-tide.md': '---\ntitle: Neap tide\n---\nLow water at two.\n' });
    const end = Date.now() + 5000;
    while (stale === 0 && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(stale).toBeGreaterThan(0);
    // With the file's path: the content index then reads just that file again.
    expect([...stalePaths]).toEqual(['content/posts/2026-04-02-neap-tide.md']);
    expect(batches).toEqual([]);
    await watch.close();
    expect(watch.active).toBe(false);
    expect(watch.reporting).toBe(false);
  });
});
