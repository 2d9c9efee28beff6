import { existsSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalFile, repoJournalFolder } from '../../../../main/journal/journal-paths';
import { createJournalService, type JournalService } from '../../../../main/journal/journal-service';
import { mergeFileTexts } from '../../../../main/journal/merge';
import { TEMP_MARKER } from '../../../../main/workspace/atomic-write';
import { fingerprint } from '../../../../main/workspace/posts';
import { makeTempDir, writeFiles } from '../workspace/temp-dir';
import { entry, KETTLE_POST } from './journal-fixtures';
import { collectionId } from '../../../../shared/content/collection-ids';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 5, 1, 12);
const daysAgo = (days: number): string => new Date(NOW - days * DAY).toISOString();
const version = (text: string): string => fingerprint(new TextEncoder().encode(text));
/** The posts here are Markdown posts, not data entries. */
const noData = async (): Promise<null> => null;
const RADISH = '---\ntitle: Radishes in Three Weeks\n---\nSow thinly.\n';

describe('journal service', () => {
  let dataDir: string;
  let repo: string;
  let journal: JournalService;
  beforeEach(() => {
    dataDir = makeTempDir('masthead-journal-data-');
    repo = makeTempDir('masthead-journal-repo-');
    writeFiles(repo, { 'content/posts/allotment.md': KETTLE_POST, 'content/posts/radishes.md': RADISH });
    journal = createJournalService(dataDir, { merge: mergeFileTexts, now: () => NOW });
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(repo, { recursive: true, force: true });
  });

  const has = (path: string): boolean => existsSync(journalFile(dataDir, repo, path));

  it('captures the base text from the file only when it is the version the edits began from', async () => {
    await journal.write(
      repo,
      entry('content/posts/allotment.md', version(KETTLE_POST), 'Beans in.\n', daysAgo(0)),
      noData,
    );
    expect(await journal.store.read(repo, 'content/posts/allotment.md')).toMatchObject({ baseText: KETTLE_POST });
    await journal.write(
      repo,
      entry('content/posts/radishes.md', 'a version the file no longer has', 'Sow.\n', daysAgo(0)),
      noData,
    );
    expect(await journal.store.read(repo, 'content/posts/radishes.md')).toMatchObject({ baseText: null });
    // The path is normalized before it is hashed: one post, one journal.
    await journal.write(
      repo,
      entry('content/posts/./radishes.md', 'a version the file no longer has', 'Sow thickly.\n', daysAgo(0)),
      noData,
    );
    expect(readdirSync(repoJournalFolder(dataDir, repo))).toHaveLength(2);
  });

  it('lists posts with unsaved edits newest first, with their titles, and drops journals the files already hold', async () => {
    await journal.write(
      repo,
      entry('content/posts/allotment.md', version(KETTLE_POST), 'Beans in.\n', daysAgo(2)),
      noData,
    );
    await journal.write(
      repo,
      {
        path: 'content/posts/radishes.md',
        baseVersion: version(RADISH),
        frontMatter: { title: 'Radishes in Three Weeks' },
        body: 'Sow thinly, water often.\n',
        editedAt: daysAgo(1),
      },
      noData,
    );
    await journal.write(
      repo,
      { path: 'content/posts/gone.md', baseVersion: 'v0', frontMatter: {}, body: 'Only copy.\n', editedAt: daysAgo(3) },
      noData,
    );
    // Saved by another window: the journal holds nothing the file lacks.
    await journal.write(
      repo,
      {
        path: 'content/posts/saved.md',
        baseVersion: 'v0',
        frontMatter: { title: 'Saved' },
        body: 'Done.\n',
        editedAt: daysAgo(0),
      },
      noData,
    );
    writeFiles(repo, { 'content/posts/saved.md': '---\ntitle: Saved\n---\nDone.\n' });

    expect(await journal.recoverable(repo)).toEqual([
      { path: 'content/posts/radishes.md', title: 'Radishes in Three Weeks', editedAt: daysAgo(1) },
      { path: 'content/posts/allotment.md', title: 'Notes from the Allotment', editedAt: daysAgo(2) },
      { path: 'content/posts/gone.md', title: 'Gone', editedAt: daysAgo(3) },
    ]);
    expect(has('content/posts/saved.md')).toBe(false);
  });

  it('on open keeps journals of deleted posts for 30 days, then deletes them; journals of existing posts stay', async () => {
    await journal.write(
      repo,
      {
        path: 'content/posts/recent-gone.md',
        baseVersion: 'v0',
        frontMatter: {},
        body: 'Recent.\n',
        editedAt: daysAgo(29),
      },
      noData,
    );
    await journal.write(
      repo,
      { path: 'content/posts/old-gone.md', baseVersion: 'v0', frontMatter: {}, body: 'Old.\n', editedAt: daysAgo(31) },
      noData,
    );
    await journal.write(
      repo,
      entry('content/posts/allotment.md', version(KETTLE_POST), 'Old but the file is here.\n', daysAgo(90)),
      noData,
    );
    await journal.opened(repo);
    expect(has('content/posts/recent-gone.md')).toBe(true);
    expect(has('content/posts/old-gone.md')).toBe(false);
    expect(has('content/posts/allotment.md')).toBe(true);
    expect((await journal.recoverable(repo)).map((post) => post.path)).toEqual([
      'content/posts/recent-gone.md',
      'content/posts/allotment.md',
    ]);
  });

  it('on open sweeps temp files a killed write left behind', async () => {
    await journal.write(
      repo,
      entry('content/posts/allotment.md', version(KETTLE_POST), 'Beans in.\n', daysAgo(0)),
      noData,
    );
    const stray = join(repoJournalFolder(dataDir, repo), `.abc.json${TEMP_MARKER}0a1b2c`);
    writeFileSync(stray, '{"torn');
    await createJournalService(dataDir, { merge: mergeFileTexts }).opened(repo);
    expect(existsSync(stray)).toBe(false);
    expect(has('content/posts/allotment.md')).toBe(true);
  });

  it('forgets a journal after a save of exactly its edits, not after a save of older ones', async () => {
    const path = 'content/posts/allotment.md';
    const edits = entry(path, version(KETTLE_POST), 'Beans in.\n', daysAgo(0));
    await journal.write(repo, edits, noData);
    await journal.saved(repo, {
      path,
      baseVersion: edits.baseVersion,
      frontMatter: edits.frontMatter,
      body: 'Beans.\n',
    });
    expect(has(path)).toBe(true);
    await journal.saved(repo, {
      path,
      baseVersion: edits.baseVersion,
      frontMatter: { ...edits.frontMatter, title: 'Other' },
      body: edits.body,
    });
    expect(has(path)).toBe(true);
    // Key order does not matter: the same data is the same data.
    await journal.saved(repo, {
      path,
      baseVersion: 'any',
      frontMatter: { tags: ['garden'], date: '2025-03-02', title: 'Notes from the Allotment' },
      body: edits.body,
    });
    expect(has(path)).toBe(false);
  });

  it('forgets a journal on discard', async () => {
    await journal.write(
      repo,
      entry('content/posts/allotment.md', version(KETTLE_POST), 'Beans in.\n', daysAgo(0)),
      noData,
    );
    await journal.discard(repo, 'content/posts/allotment.md');
    expect(has('content/posts/allotment.md')).toBe(false);
    expect(await journal.recoverable(repo)).toEqual([]);
  });

  it('leaves the journal for the next open when the file changed again while the post was being read', async () => {
    const path = 'content/posts/allotment.md';
    await journal.write(repo, entry(path, version(KETTLE_POST), 'Beans in.\n', daysAgo(0)), noData);
    const doc = {
      kind: 'post' as const,
      path,
      collection: collectionId('posts'),
      format: 'yaml' as const,
      frontMatter: {},
      body: '',
      version: version(KETTLE_POST),
    };
    writeFiles(repo, { [path]: `${KETTLE_POST}More.\n` });
    expect(await journal.recover(repo, doc, null)).toBe(doc);
    expect(has(path)).toBe(true);
    unlinkSync(join(repo, path));
    expect(await journal.recover(repo, doc, null)).toBe(doc);
    expect(has(path)).toBe(true);
  });
});
