// The library's list travels to the page only when a row changed: the version a page holds stands
// for exactly one list.
import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../../shared/api';
import { collectionId } from '../../../shared/content/collection-ids';
import { createPostListVersions } from '../../../main/post-list-versions';

const row = (path: string, over: Partial<PostSummary> = {}): PostSummary => ({
  path,
  collection: collectionId('posts'),
  title: `Title of ${path}`,
  date: '2026-04-01',
  draft: false,
  ...over,
});
const site = (): PostSummary[] => [
  row('content/posts/a.md'),
  row('content/posts/b.md', { alsoIn: [collectionId('news')] }),
];

describe('post list versions', () => {
  it('sends the rows to a page that holds nothing or another version, and only the version to one that holds it', () => {
    const versions = createPostListVersions();
    const first = versions.reply(site(), null);
    expect(first.posts).toEqual(site());
    // Rebuilt from the index after a save of a body: equal rows, new objects.
    const again = versions.reply(site(), first.version);
    expect(again).toEqual({ version: first.version });
    expect(versions.reply(site(), 'an older version').posts).toEqual(site());
  });

  it('gives a new version when any field of any row changes, a row comes or goes, or the order changes', () => {
    const changes: Array<(rows: PostSummary[]) => PostSummary[]> = [
      (rows) => [{ ...rows[0]!, title: 'Renamed' }, rows[1]!],
      (rows) => [{ ...rows[0]!, draft: true }, rows[1]!],
      (rows) => [{ ...rows[0]!, date: null }, rows[1]!],
      (rows) => [{ ...rows[0]!, locale: 'de', translationKey: 'a' }, rows[1]!],
      (rows) => [rows[0]!, { ...rows[1]!, alsoIn: [collectionId('notes')] }],
      (rows) => [rows[0]!, { ...rows[1]!, alsoIn: [collectionId('news'), collectionId('notes')] }],
      (rows) => [rows[0]!],
      (rows) => [...rows, row('content/posts/c.md')],
      (rows) => [rows[1]!, rows[0]!],
    ];
    for (const change of changes) {
      const versions = createPostListVersions();
      const before = versions.reply(site(), null).version;
      const after = versions.reply(change(site()), before);
      expect(after.version).not.toBe(before);
      expect(after.posts).toEqual(change(site()));
    }
  });

  it('never gives two repositories the same version, even for the same rows', () => {
    const one = createPostListVersions().reply(site(), null);
    const other = createPostListVersions().reply(site(), one.version);
    expect(other.version).not.toBe(one.version);
    expect(other.posts).toEqual(site());
  });
});
