import { existsSync, rmSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalFile } from '../../../../main/journal/journal-paths';
import { createJournalStore } from '../../../../main/journal/journal-store';
import { makeTempDir } from '../workspace/temp-dir';
import { bodyOfWords, entry } from './journal-fixtures';

const BLOG = '/sites/allotment-blog';
const OTHER = '/sites/kitchen-notes';
const at = (minute: number): string => new Date(Date.UTC(2025, 2, 2, 9, minute)).toISOString();
// About 30 kB of JSON per journal.
const BODY = bodyOfWords(5_000);

describe('journal size bound', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = makeTempDir('masthead-journal-bound-');
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('deletes the oldest journals of other posts and repositories first, never the one being written', async () => {
    // What one journal takes, measured on disk.
    const probe = createJournalStore(dataDir);
    await probe.write('/sites/probe', entry('content/posts/probe.md', 'v1', BODY, at(0)), null, async () => null);
    const one = statSync(journalFile(dataDir, '/sites/probe', 'content/posts/probe.md')).size;
    await probe.remove('/sites/probe', 'content/posts/probe.md');
    const store = createJournalStore(dataDir, { maxBytes: Math.floor(one * 3.5) });
    const write = (repo: string, path: string, minute: number) =>
      store.write(repo, entry(path, 'v1', BODY, at(minute)), null, async () => null);
    await write(OTHER, 'posts/oldest.md', 1);
    await pause();
    await write(BLOG, 'content/posts/second.md', 2);
    await pause();
    await write(BLOG, 'content/posts/third.md', 3);
    expect(await store.bound.total()).toBeLessThanOrEqual(one * 3.5);

    await write(BLOG, 'content/posts/fourth.md', 4);
    expect(existsSync(journalFile(dataDir, OTHER, 'posts/oldest.md'))).toBe(false);
    for (const path of ['content/posts/second.md', 'content/posts/third.md', 'content/posts/fourth.md']) {
      expect(existsSync(journalFile(dataDir, BLOG, path)), path).toBe(true);
    }
    expect(await store.bound.total()).toBeLessThanOrEqual(one * 3.5);
  });

  it('counts journals already on disk (another run wrote them) and keeps an entry larger than the bound', async () => {
    await createJournalStore(dataDir).write(OTHER, entry('posts/old.md', 'v1', BODY, at(1)), null, async () => null);
    const store = createJournalStore(dataDir, { maxBytes: 1_000 });
    await store.write(BLOG, entry('content/posts/long.md', 'v1', BODY, at(2)), null, async () => null);
    expect(existsSync(journalFile(dataDir, OTHER, 'posts/old.md'))).toBe(false);
    expect(existsSync(journalFile(dataDir, BLOG, 'content/posts/long.md'))).toBe(true);
    expect(await store.read(BLOG, 'content/posts/long.md')).toMatchObject({ body: BODY });
  });
});

function pause(): Promise<void> {
  // File times are what order eviction after a restart; make them differ.
  return new Promise((resolve) => setTimeout(resolve, 15));
}
