import { describe, expect, it } from 'vitest';
import type { PostDocument } from '../../../../shared/api';
import { collectionId } from '../../../../shared/content/collection-ids';
import { createPostPrefetch, FRESH_MS } from '../../../../renderer/app/post-prefetch';

const doc = (path: string, version: string): PostDocument => ({
  kind: 'post',
  path,
  collection: collectionId('content/posts'),
  format: 'yaml',
  frontMatter: { title: path },
  body: 'Body.\n',
  version,
});

/** A back end whose file changes with every read: each read returns the next version. */
function reader(fail: string[] = []) {
  let reads = 0;
  let clock = 0;
  const read = async (path: string): Promise<PostDocument> => {
    reads += 1;
    if (fail.shift() === path) throw new Error('offline');
    return doc(path, `v${reads}`);
  };
  const prefetch = createPostPrefetch(read, () => clock);
  return { prefetch, reads: () => reads, wait: (ms: number) => (clock += ms) };
}

describe('reading a post ahead of its open', () => {
  it('gives the open the read its press started, once', async () => {
    const { prefetch, reads } = reader();
    prefetch.start('a.md');
    prefetch.start('a.md'); // a second press while the first read is fresh reads nothing more
    expect((await prefetch.take('a.md'))?.version).toBe('v1');
    expect(reads()).toBe(1);
    expect(prefetch.take('a.md')).toBeNull();
  });

  it('keeps nothing for another post, or once the read is no longer fresh', async () => {
    const { prefetch, wait } = reader();
    prefetch.start('a.md');
    expect(prefetch.take('b.md')).toBeNull();
    expect(prefetch.take('a.md')).toBeNull();
    prefetch.start('a.md');
    wait(FRESH_MS);
    expect(prefetch.take('a.md')).toBeNull();
  });

  it('reads again when the read started ahead failed', async () => {
    const { prefetch, reads } = reader(['a.md']);
    prefetch.start('a.md');
    expect((await prefetch.take('a.md'))?.version).toBe('v2');
    expect(reads()).toBe(2);
  });
});
