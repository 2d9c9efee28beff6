import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../../../../shared/api';
import { followsSibling, targetIndex, withPinnedRow } from '../../../../renderer/library/list-keys';
import { collectionId } from '../../../../shared/content/collection-ids';

describe('targetIndex', () => {
  it('moves one row with the arrows and stops at either end', () => {
    expect(targetIndex('ArrowDown', 4, 10_000, 12)).toBe(5);
    expect(targetIndex('ArrowUp', 4, 10_000, 12)).toBe(3);
    expect(targetIndex('ArrowUp', 0, 10_000, 12)).toBe(0);
    expect(targetIndex('ArrowDown', 9_999, 10_000, 12)).toBe(9_999);
  });

  it('jumps to the first and last row of the whole list, not just the drawn ones', () => {
    expect(targetIndex('End', 3, 10_000, 12)).toBe(9_999);
    expect(targetIndex('Home', 9_000, 10_000, 12)).toBe(0);
  });

  it('moves a page at a time, clamped to the list', () => {
    expect(targetIndex('PageDown', 10, 10_000, 12.7)).toBe(22);
    expect(targetIndex('PageUp', 10, 10_000, 12)).toBe(0);
    expect(targetIndex('PageDown', 9_995, 10_000, 12)).toBe(9_999);
    // A viewport smaller than a row still moves.
    expect(targetIndex('PageDown', 10, 10_000, 0.4)).toBe(11);
  });

  it('leaves other keys, and empty lists, alone', () => {
    expect(targetIndex('Enter', 3, 10, 5)).toBeNull();
    expect(targetIndex('a', 3, 10, 5)).toBeNull();
    expect(targetIndex('ArrowDown', 0, 0, 5)).toBeNull();
  });
});

describe('withPinnedRow', () => {
  it('keeps the focused row drawn when it is scrolled out of view', () => {
    expect(withPinnedRow([40, 41, 42], 7, 100)).toEqual([7, 40, 41, 42]);
    expect(withPinnedRow([40, 41, 42], 99, 100)).toEqual([40, 41, 42, 99]);
  });

  it('adds nothing when the row is drawn already or does not exist', () => {
    expect(withPinnedRow([40, 41, 42], 41, 100)).toEqual([40, 41, 42]);
    expect(withPinnedRow([0, 1], 5, 2)).toEqual([0, 1]);
    expect(withPinnedRow([0, 1], null, 2)).toEqual([0, 1]);
  });
});

describe('followsSibling', () => {
  const post = (path: string, extra: Partial<PostSummary> = {}): PostSummary => ({
    path,
    collection: collectionId('blog'),
    title: path,
    date: null,
    draft: false,
    ...extra,
  });
  const posts = [
    post('en/trout.md', { locale: 'en', translationKey: 'trout' }),
    post('de/trout.md', { locale: 'de', translationKey: 'trout' }),
    post('en/kitchen.md', { locale: 'en', translationKey: 'kitchen' }),
    post('other/kitchen.md', { collection: collectionId('pages'), locale: 'en', translationKey: 'kitchen' }),
    post('plain.md'),
  ];

  it('draws a translation under its sibling of the same collection as part of it', () => {
    expect(posts.map((_, index) => followsSibling(posts, index))).toEqual([false, true, false, false, false]);
  });
});
