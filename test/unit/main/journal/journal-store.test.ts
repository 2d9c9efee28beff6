import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalFile, journalRoot, repoJournalFolder } from '../../../../main/journal/journal-paths';
import { createJournalStore, type JournalStore } from '../../../../main/journal/journal-store';
import { TEMP_MARKER } from '../../../../main/workspace/atomic-write';
import { makeTempDir } from '../workspace/temp-dir';
import { entry, KETTLE_POST } from './journal-fixtures';

const POST = 'content/posts/allotment.md';
const BLOG = '/sites/allotment-blog';
const at = (minute: number): string => new Date(Date.UTC(2025, 2, 2, 9, minute)).toISOString();

describe('journal store', () => {
  let dataDir: string;
  let store: JournalStore;
  beforeEach(() => {
    dataDir = makeTempDir('masthead-journal-');
    store = createJournalStore(dataDir);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const onDisk = (repo = BLOG, path = POST): Record<string, unknown> =>
    JSON.parse(readFileSync(journalFile(dataDir, repo, path), 'utf8')) as Record<string, unknown>;

  it('writes one JSON file per post under <dataDir>/journal/<repo hash>/<post hash>.json', async () => {
    await store.write(BLOG, entry(POST, 'v1', 'Beans in.\n', at(1)), null, async () => KETTLE_POST);
    const file = journalFile(dataDir, BLOG, POST);
    expect(dirname(dirname(file))).toBe(journalRoot(dataDir));
    expect(readdirSync(journalRoot(dataDir))).toEqual([dirname(file).split(/[\\/]/).pop()]);
    expect(file).toMatch(/journal[\\/][0-9a-f]{32}[\\/][0-9a-f]{32}\.json$/);
    expect(onDisk()).toMatchObject({
      mastheadJournal: 1,
      repo: BLOG,
      path: POST,
      baseVersion: 'v1',
      baseText: KETTLE_POST,
      frontMatter: { title: 'Notes from the Allotment', date: '2025-03-02', tags: ['garden'] },
      body: 'Beans in.\n',
      editedAt: at(1),
      dataFormat: null,
    });
  });

  it('captures the base text once per base version', async () => {
    const reads: string[] = [];
    const readBase = (text: string) => async () => {
      reads.push(text);
      return text;
    };
    await store.write(BLOG, entry(POST, 'v1', 'one\n', at(1)), null, readBase('base one'));
    await store.write(BLOG, entry(POST, 'v1', 'two\n', at(2)), null, readBase('read again'));
    expect(onDisk()).toMatchObject({ baseText: 'base one', body: 'two\n' });
    // Saved meanwhile: the edits now rest on a new version, whose text is captured in turn.
    await store.write(BLOG, entry(POST, 'v2', 'three\n', at(3)), null, readBase('base two'));
    expect(onDisk()).toMatchObject({ baseVersion: 'v2', baseText: 'base two', body: 'three\n' });
    expect(reads).toEqual(['base one', 'base two']);
    // A fresh process (no memory of the last write) carries the stored base over too.
    await createJournalStore(dataDir).write(BLOG, entry(POST, 'v2', 'four\n', at(4)), null, readBase('not asked'));
    expect(onDisk()).toMatchObject({ baseText: 'base two', body: 'four\n' });
    expect(reads).toEqual(['base one', 'base two']);
  });

  it('ignores a write older than the stored one (an edit that arrived late)', async () => {
    expect(await store.write(BLOG, entry(POST, 'v1', 'newer\n', at(5)), null, async () => null)).toBe(true);
    expect(await store.write(BLOG, entry(POST, 'v1', 'older\n', at(4)), null, async () => null)).toBe(false);
    expect(onDisk().body).toBe('newer\n');
    // Also across processes: the stored time is what counts.
    expect(
      await createJournalStore(dataDir).write(BLOG, entry(POST, 'v1', 'older\n', at(3)), null, async () => null),
    ).toBe(false);
    expect(onDisk().body).toBe('newer\n');
  });

  it('ignores a late edit older than a journal it deleted (saved or discarded), not a newer one', async () => {
    await store.write(BLOG, entry(POST, 'v1', 'saved words\n', at(5)), null, async () => null);
    await store.remove(BLOG, POST);
    expect(await store.write(BLOG, entry(POST, 'v1', 'stale words\n', at(4)), null, async () => null)).toBe(false);
    expect(await store.read(BLOG, POST)).toBeNull();
    expect(await store.write(BLOG, entry(POST, 'v2', 'new words\n', at(6)), null, async () => null)).toBe(true);
    expect(onDisk().body).toBe('new words\n');
  });

  it('serializes writes of one post: many at once end with the newest, and no temp file', async () => {
    const minutes = [7, 2, 9, 1, 8, 3, 6, 4, 5, 0, 12, 10, 11];
    const results = await Promise.all(
      minutes.map((minute) =>
        store.write(BLOG, entry(POST, 'v1', `edit at ${minute}\n`, at(minute)), null, async () => null),
      ),
    );
    expect(onDisk()).toMatchObject({ body: 'edit at 12\n', editedAt: at(12) });
    // Each write that came after a newer one was ignored; the rest were written in turn.
    expect(results).toEqual([true, false, true, false, false, false, false, false, false, false, true, false, false]);
    expect(readdirSync(dirname(journalFile(dataDir, BLOG, POST))).filter((name) => name.includes(TEMP_MARKER))).toEqual(
      [],
    );
  });

  it('keeps repositories apart', async () => {
    await store.write(BLOG, entry(POST, 'v1', 'mine\n', at(1)), null, async () => null);
    await store.write('/sites/other-blog', entry(POST, 'v9', 'theirs\n', at(2)), null, async () => null);
    expect((await store.list(BLOG)).map((item) => item.record.body)).toEqual(['mine\n']);
    expect((await store.list('/sites/other-blog')).map((item) => item.record.body)).toEqual(['theirs\n']);
    expect(repoJournalFolder(dataDir, BLOG)).not.toBe(repoJournalFolder(dataDir, '/sites/other-blog'));
    expect(await store.read('/sites/nowhere', POST)).toBeNull();
  });

  it('reads a damaged journal as none, and the next write replaces it', async () => {
    await store.write(BLOG, entry(POST, 'v1', 'ok\n', at(1)), null, async () => null);
    writeFileSync(journalFile(dataDir, BLOG, POST), '{"mastheadJournal":1,"repo":');
    const fresh = createJournalStore(dataDir);
    expect(await fresh.read(BLOG, POST)).toBeNull();
    expect(await fresh.list(BLOG)).toEqual([]);
    await fresh.write(BLOG, entry(POST, 'v1', 'again\n', at(0)), null, async () => null);
    expect(onDisk().body).toBe('again\n');
  });

  it('removes a journal only when the condition holds', async () => {
    await store.write(BLOG, entry(POST, 'v1', 'keep me\n', at(1)), null, async () => null);
    expect(await store.remove(BLOG, POST, (record) => record.body === 'something else\n')).toBe(false);
    expect(await store.read(BLOG, POST)).toMatchObject({ body: 'keep me\n' });
    expect(await store.remove(BLOG, POST)).toBe(true);
    expect(await store.read(BLOG, POST)).toBeNull();
    expect(readdirSync(repoJournalFolder(dataDir, BLOG))).toEqual([]);
    expect(await store.remove(BLOG, POST)).toBe(false);
  });

  it('settles once writes in flight are on disk', async () => {
    const pending = store.write(BLOG, entry(POST, 'v1', 'last words\n', at(1)), null, async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return null;
    });
    await store.settle();
    expect(onDisk().body).toBe('last words\n');
    await pending;
  });

  it('sweeps temp files a cut-short write left in the repository folder', async () => {
    await store.write(BLOG, entry(POST, 'v1', 'whole\n', at(1)), null, async () => null);
    const folder = repoJournalFolder(dataDir, BLOG);
    writeFileSync(join(folder, `.0123.json${TEMP_MARKER}abcdef`), '{"half');
    await store.sweepTemps(BLOG);
    expect(readdirSync(folder)).toEqual([journalFile(dataDir, BLOG, POST).split(/[\\/]/).pop()]);
  });
});
