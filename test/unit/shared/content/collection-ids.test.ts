import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  collectionId,
  collectionIdSchema,
  repoFolder,
  type CollectionId,
  type RepoFolder,
} from '../../../../shared/content/collection-ids';

describe('collection ids and folders', () => {
  it('are told apart by the compiler', () => {
    const folder = repoFolder('content/notes');
    const id = collectionId('notes');
    // @ts-expect-error A folder is not a collection id: several collections may share it.
    const wrongId: CollectionId = folder;
    // @ts-expect-error A collection id is not a folder.
    const wrongFolder: RepoFolder = id;
    // @ts-expect-error A plain string must say which it is.
    const unsaid: CollectionId = 'notes';
    // At run time they stay plain strings: only the compiler sees the difference.
    expect([wrongId, wrongFolder, unsaid]).toEqual(['content/notes', 'notes', 'notes']);
  });

  it('accepts a collection id from the UI only as a non-empty string', () => {
    expect(v.parse(collectionIdSchema, 'blog')).toBe('blog');
    for (const bad of ['', 7, null, 'x'.repeat(4097)]) expect(v.safeParse(collectionIdSchema, bad).success).toBe(false);
  });
});
