import { describe, expect, it } from 'vitest';
import type { FrontMatterData } from '../../../../../shared/api';
import {
  applyFieldChoice,
  describeFieldConflict,
  mergeFrontMatter,
} from '../../../../../shared/content/merge/front-matter-merge';

const BASE: FrontMatterData = {
  title: 'Brent geese return to the estuary',
  date: '2025-10-06',
  draft: true,
  tags: ['birds', 'estuary'],
  seo: { title: 'Brent geese return', description: 'The first skeins arrive.' },
};

describe('mergeFrontMatter', () => {
  it('takes a key changed on one side only, from either side', () => {
    const mine = { ...BASE, title: 'Brent geese are back' };
    const theirs = { ...BASE, draft: false };
    expect(mergeFrontMatter(BASE, mine, theirs)).toEqual({
      merged: { ...BASE, title: 'Brent geese are back', draft: false },
      conflicts: [],
    });
    expect(mergeFrontMatter(BASE, theirs, mine)).toEqual({
      merged: { ...BASE, title: 'Brent geese are back', draft: false },
      conflicts: [],
    });
  });

  it('takes the same change made on both sides without a conflict', () => {
    const both = { ...BASE, tags: ['birds', 'estuary', 'autumn'] };
    expect(mergeFrontMatter(BASE, both, { ...both })).toEqual({ merged: both, conflicts: [] });
  });

  it('reports different changes to one key as a conflict, holding theirs until settled', () => {
    const result = mergeFrontMatter(BASE, { ...BASE, title: 'Mine' }, { ...BASE, title: 'Theirs' });
    expect(result.conflicts).toEqual([
      { key: 'title', path: ['title'], base: BASE.title, mine: 'Mine', theirs: 'Theirs' },
    ]);
    expect(result.merged.title).toBe('Theirs');
    const conflict = result.conflicts[0]!;
    expect(applyFieldChoice(result.merged, conflict, 'mine').title).toBe('Mine');
    expect(applyFieldChoice(result.merged, conflict, { value: 'Both, agreed' })).toEqual({
      ...BASE,
      title: 'Both, agreed',
    });
    expect(describeFieldConflict(conflict)).toBe('Field “title”');
    expect(describeFieldConflict(conflict, (path) => (path[0] === 'title' ? 'Title' : undefined))).toBe(
      'Field “Title”',
    );
  });

  it('takes a deletion made on one side, and reports delete against edit as a conflict', () => {
    const { draft: _draft, ...withoutDraft } = BASE;
    expect(mergeFrontMatter(BASE, withoutDraft, { ...BASE, title: 'New' })).toEqual({
      merged: { ...withoutDraft, title: 'New' },
      conflicts: [],
    });
    const clash = mergeFrontMatter(BASE, withoutDraft, { ...BASE, draft: false });
    expect(clash.conflicts).toEqual([{ key: 'draft', path: ['draft'], base: true, mine: undefined, theirs: false }]);
    expect(applyFieldChoice(clash.merged, clash.conflicts[0]!, 'mine')).toEqual(withoutDraft);
  });

  it('does not count reordered keys as a change, and keeps theirs’ order', () => {
    const reordered: FrontMatterData = {
      seo: BASE.seo!,
      tags: BASE.tags!,
      draft: true,
      date: BASE.date!,
      title: BASE.title!,
    };
    const result = mergeFrontMatter(BASE, { ...BASE, draft: false }, reordered);
    expect(result.conflicts).toEqual([]);
    expect(Object.keys(result.merged)).toEqual(['seo', 'tags', 'draft', 'date', 'title']);
    expect(result.merged.draft).toBe(false);
  });

  it('keeps keys added on both sides, a new key of mine after the key it followed', () => {
    const mine: FrontMatterData = {
      title: BASE.title!,
      author: 'Idris',
      date: BASE.date!,
      draft: true,
      tags: BASE.tags!,
      seo: BASE.seo!,
    };
    const theirs: FrontMatterData = { ...BASE, image: '/img/brent.jpg' };
    const result = mergeFrontMatter(BASE, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(Object.entries(result.merged)).toEqual([
      ['title', BASE.title],
      ['author', 'Idris'],
      ['date', BASE.date],
      ['draft', true],
      ['tags', BASE.tags],
      ['seo', BASE.seo],
      ['image', '/img/brent.jpg'],
    ]);
    const clash = mergeFrontMatter(BASE, { ...BASE, image: '/a.jpg' }, { ...BASE, image: '/b.jpg' });
    expect(clash.conflicts).toEqual([
      { key: 'image', path: ['image'], base: undefined, mine: '/a.jpg', theirs: '/b.jpg' },
    ]);
  });

  it('merges a nested object edited on both sides key by key, one level down', () => {
    const mine = { ...BASE, seo: { ...(BASE.seo as object), title: 'Geese return' } };
    const theirs = { ...BASE, seo: { ...(BASE.seo as object), description: 'Four hundred birds by Thursday.' } };
    expect(mergeFrontMatter(BASE, mine, theirs)).toEqual({
      merged: { ...BASE, seo: { title: 'Geese return', description: 'Four hundred birds by Thursday.' } },
      conflicts: [],
    });
    const clash = mergeFrontMatter(BASE, mine, { ...BASE, seo: { ...(BASE.seo as object), title: 'Brent back' } });
    expect(clash.conflicts).toEqual([
      {
        key: 'seo.title',
        path: ['seo', 'title'],
        base: 'Brent geese return',
        mine: 'Geese return',
        theirs: 'Brent back',
      },
    ]);
    expect(applyFieldChoice(clash.merged, clash.conflicts[0]!, 'mine')).toEqual(mine);
  });

  it('treats lists as whole values', () => {
    const result = mergeFrontMatter(
      BASE,
      { ...BASE, tags: ['birds', 'estuary', 'autumn'] },
      { ...BASE, tags: ['birds'] },
    );
    expect(result.conflicts.map((conflict) => conflict.key)).toEqual(['tags']);
  });

  it('keeps a key named __proto__ as an ordinary field', () => {
    const base = JSON.parse('{"__proto__": "a", "title": "T"}') as FrontMatterData;
    const mine = JSON.parse('{"__proto__": "b", "title": "T"}') as FrontMatterData;
    const merged = mergeFrontMatter(base, mine, base).merged;
    expect(Object.prototype.hasOwnProperty.call(merged, '__proto__')).toBe(true);
    expect(JSON.stringify(merged)).toBe('{"__proto__":"b","title":"T"}');
  });
});
