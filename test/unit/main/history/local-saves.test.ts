import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bound, createLocalSaveStore, type LocalSave } from '../../../../main/history/local-saves';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

const REPO = '/home/writer/sites/harbour-blog';
const POST = 'content/posts/tides.md';

function tempDir(): string {
  dir = mkdtempSync(join(tmpdir(), 'masthead-history-'));
  return dir;
}

/** A clock that moves one second per call. */
function ticking(): () => Date {
  let t = Date.parse('2026-03-14T09:00:00Z');
  return () => new Date((t += 1000));
}

const version = (n: number) => `---\ntitle: Tides\n---\n\nDraft ${n} of the tides post.\n`;

describe('local saves', () => {
  it('keeps what a save replaced and what it wrote, newest first, and reads each text back', async () => {
    const store = createLocalSaveStore(tempDir(), undefined, ticking());
    await store.recordSave(REPO, POST, { replaced: version(0), written: version(1) });
    // The second save replaces what the first wrote: that text is not kept twice.
    await store.recordSave(REPO, POST, { replaced: version(1), written: version(2) });
    const list = await store.list(REPO, POST);
    expect(list.map((entry) => entry.role)).toEqual(['written', 'written', 'replaced']);
    const texts = await Promise.all(list.map((entry) => store.read(REPO, POST, entry.id)));
    expect(texts).toEqual([version(2), version(1), version(0)]);
    expect(list[0]!.savedAt > list[2]!.savedAt).toBe(true);
  });

  it('keeps posts and repositories apart, and refuses to read one post’s version through another', async () => {
    const store = createLocalSaveStore(tempDir());
    const [kept] = await store.recordSave(REPO, POST, { replaced: null, written: version(1) });
    await store.recordSave('/elsewhere', POST, { replaced: null, written: version(9) });
    expect(await store.list(REPO, 'content/posts/other.md')).toEqual([]);
    expect((await store.list(REPO, POST)).length).toBe(1);
    expect(await store.read(REPO, 'content/posts/other.md', kept!.id)).toBeNull();
    expect(await store.read('/elsewhere', POST, kept!.id)).toBeNull();
  });

  it('keeps only the newest versions of a post and deletes the texts nobody names any more', async () => {
    const store = createLocalSaveStore(tempDir(), { perPost: 3, totalBytes: 1_000_000 });
    for (let n = 1; n <= 6; n += 1) await store.recordSave(REPO, POST, { replaced: null, written: version(n) });
    const list = await store.list(REPO, POST);
    expect(await Promise.all(list.map((entry) => store.read(REPO, POST, entry.id)))).toEqual([
      version(6),
      version(5),
      version(4),
    ]);
    expect(readdirSync(join(dir, 'blobs')).length).toBe(3);
  });

  it('drops the oldest versions anywhere when the texts add up to more than the total, never the newest save', async () => {
    const big = (n: number) => `${'x'.repeat(400)} ${n}\n`;
    const store = createLocalSaveStore(tempDir(), { perPost: 50, totalBytes: 1000 });
    await store.recordSave(REPO, 'content/posts/a.md', { replaced: null, written: big(1) });
    await store.recordSave(REPO, 'content/posts/b.md', { replaced: null, written: big(2) });
    await store.recordSave(REPO, 'content/posts/c.md', { replaced: null, written: big(3) });
    expect(await store.list(REPO, 'content/posts/a.md')).toEqual([]);
    expect((await store.list(REPO, 'content/posts/b.md')).length).toBe(1);
    expect(await store.read(REPO, 'content/posts/c.md', (await store.list(REPO, 'content/posts/c.md'))[0]!.id)).toBe(
      big(3),
    );
    // A single text larger than the whole budget is not kept at all.
    expect(await store.recordSave(REPO, 'content/posts/d.md', { replaced: null, written: 'y'.repeat(2000) })).toEqual(
      [],
    );
  });

  it('stores the same text once, however many posts or saves name it', async () => {
    const store = createLocalSaveStore(tempDir());
    await store.recordSave(REPO, 'content/posts/a.md', { replaced: null, written: version(1) });
    await store.recordSave(REPO, 'content/posts/b.md', { replaced: null, written: version(1) });
    expect(readdirSync(join(dir, 'blobs'))).toHaveLength(1);
  });

  it('starts a fresh list when the index is damaged, and keeps saving', async () => {
    tempDir();
    writeFileSync(join(dir, 'index.json'), '{ not json');
    const store = createLocalSaveStore(dir);
    await store.recordSave(REPO, POST, { replaced: null, written: version(1) });
    expect((await store.list(REPO, POST)).length).toBe(1);
  });
});

describe('bound', () => {
  const entry = (id: number, path: string, hash: string, bytes: number): LocalSave => ({
    id: String(id),
    repo: REPO,
    path,
    savedAt: '2026-03-14T09:00:00Z',
    role: 'written',
    hash,
    bytes,
  });

  it('counts a text shared by two versions once, and evicts oldest first', () => {
    const entries = [entry(1, 'a.md', 'h1', 60), entry(2, 'b.md', 'h1', 60), entry(3, 'a.md', 'h2', 60)];
    expect(bound(entries, { perPost: 50, totalBytes: 120 }).map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(bound(entries, { perPost: 50, totalBytes: 100 }).map((e) => e.id)).toEqual(['3']);
    expect(bound(entries, { perPost: 1, totalBytes: 1000 }).map((e) => e.id)).toEqual(['2', '3']);
  });
});
