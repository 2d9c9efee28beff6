import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FrontMatterData } from '../../../../shared/api';
import {
  dateFromInputValue,
  dateToInputValue,
  humanizeKey,
  inferField,
  inferFields,
  parseDateString,
} from '../../../../shared/content/fields';

// A post shaped like a Decap-managed Gatsby blog's (our own words, not the seed's).
const post: FrontMatterData = {
  title: 'Notes from a rainy conference',
  author: 'Ada Example',
  date: '2026-02-23T10:00:00.000Z',
  draft: false,
  weight: 3,
  category: [{ value: 'category-abc123', label: 'Community' }],
  tags: ['travel', 'events'],
  seo: {
    title: 'Notes from a rainy conference',
    description: 'What we learned.',
    url: 'https://example.org/blog/rainy',
    twitterUsername: '@example',
  },
  cover: null,
  mixed: ['a', 1],
};

describe('humanizeKey', () => {
  it.each([
    ['twitterUsername', 'Twitter username'],
    ['seo', 'SEO'],
    ['url', 'URL'],
    ['canonical_url', 'Canonical URL'],
    ['og-image', 'OG image'],
    ['pubDate', 'Pub date'],
    ['title', 'Title'],
    ['HTMLTitle', 'HTML title'],
  ])('%s → %s', (key, label) => {
    expect(humanizeKey(key)).toBe(label);
  });
});

describe('inferFields', () => {
  const fields = inferFields(post);
  const byKey = (key: string) => fields.find((field) => field.key === key);

  it('keeps every key, in the file order', () => {
    expect(fields.map((field) => field.key)).toEqual(Object.keys(post));
  });

  it('infers each kind', () => {
    expect(byKey('author')).toEqual({ key: 'author', label: 'Author', kind: 'text', multiline: false });
    expect(byKey('date')).toEqual({ key: 'date', label: 'Date', kind: 'date', withTime: true });
    expect(byKey('draft')?.kind).toBe('boolean');
    expect(byKey('weight')?.kind).toBe('number');
    expect(byKey('tags')?.kind).toBe('string-list');
    expect(byKey('cover')?.kind).toBe('kept');
    expect(byKey('mixed')?.kind).toBe('kept');
  });

  it('makes a labelled group for a nested object', () => {
    const seo = byKey('seo');
    expect(seo?.kind).toBe('group');
    if (seo?.kind !== 'group') return;
    expect(seo.label).toBe('SEO');
    expect(seo.fields.map((field) => [field.key, field.label, field.kind])).toEqual([
      ['title', 'Title', 'text'],
      ['description', 'Description', 'text'],
      ['url', 'URL', 'text'],
      ['twitterUsername', 'Twitter username', 'text'],
    ]);
    // Descriptions are prose: a textarea even when short.
    expect(seo.fields[1]).toMatchObject({ kind: 'text', multiline: true });
  });

  it('makes an item form for a list of {value, label} objects', () => {
    const category = byKey('category');
    expect(category).toMatchObject({ kind: 'object-list', label: 'Category', template: { value: '', label: '' } });
    if (category?.kind !== 'object-list') return;
    expect(category.itemFields.map((field) => field.label)).toEqual(['Value', 'Label']);
  });

  it('uses a textarea for long or multi-line text', () => {
    expect(inferField('note', 'one\ntwo')).toMatchObject({ kind: 'text', multiline: true });
    expect(inferField('note', 'x'.repeat(120))).toMatchObject({ kind: 'text', multiline: true });
  });

  it('tells dates from date-times and from look-alikes', () => {
    expect(inferField('d', '2026-02-23')).toMatchObject({ kind: 'date', withTime: false });
    expect(inferField('d', '2026-02-23 10:00:00 +0100')).toMatchObject({ kind: 'date', withTime: true });
    expect(inferField('d', '2026-02-30')).toMatchObject({ kind: 'text' });
    expect(inferField('d', '2026-02-23 is a Monday')).toMatchObject({ kind: 'text' });
  });

  it('offers an editable string list for an empty list and keeps lists of nested objects as is', () => {
    expect(inferField('tags', []).kind).toBe('string-list');
    expect(inferField('authors', [{ name: 'A', links: ['x'] }]).kind).toBe('kept');
  });
});

describe('date round trip', () => {
  const savedTz = process.env.TZ;
  beforeEach(() => {
    // Node re-reads TZ when it is assigned, so local-time conversions below run in a known zone.
    process.env.TZ = 'Europe/Paris';
  });
  afterEach(() => {
    process.env.TZ = savedTz;
  });

  it('parses the written shape', () => {
    expect(parseDateString('2026-02-23T10:00:00.000Z')?.time).toMatchObject({ separator: 'T', seconds: 0, fraction: '.000', zone: 'Z', offsetMinutes: 0 });
    expect(parseDateString('2026-02-23 10:00:00 +0100')?.time).toMatchObject({ separator: ' ', zone: ' +0100', offsetMinutes: 60 });
    expect(parseDateString('2026-02-23T10:00')?.time).toMatchObject({ seconds: null, zone: null, offsetMinutes: null });
    expect(parseDateString('hello')).toBeNull();
  });

  it('shows zoned times in local time', () => {
    expect(dateToInputValue('2026-02-23T10:00:00.000Z')).toBe('2026-02-23T11:00:00');
    expect(dateToInputValue('2026-02-23')).toBe('2026-02-23');
    expect(dateToInputValue('2026-02-23T10:00')).toBe('2026-02-23T10:00');
  });

  it('writes an edit back in the original shape', () => {
    expect(dateFromInputValue('2026-02-23T11:30', '2026-02-23T10:00:00.000Z')).toBe('2026-02-23T10:30:00.000Z');
    expect(dateFromInputValue('2026-02-23T11:30:15', '2026-02-23T10:00:00.000Z')).toBe('2026-02-23T10:30:15.000Z');
    expect(dateFromInputValue('2026-07-01T09:00', '2026-02-23T10:00:00+05:30')).toBe('2026-07-01T12:30:00+05:30');
    expect(dateFromInputValue('2026-03-01T08:05', '2026-02-23 10:00:00 +0100')).toBe('2026-03-01 08:05:00 +0100');
    expect(dateFromInputValue('2026-03-01T08:05', '2026-02-23T10:00')).toBe('2026-03-01T08:05');
    expect(dateFromInputValue('2026-03-01', '2026-02-23')).toBe('2026-03-01');
  });

  it('round-trips an unedited value exactly', () => {
    for (const text of ['2026-02-23T10:00:00.000Z', '2026-02-23T23:30:00Z', '2026-02-23 10:00:07 +0100', '2026-02-23T10:00', '2026-02-23']) {
      expect(dateFromInputValue(dateToInputValue(text), text)).toBe(text);
    }
  });

  it('refuses empty or unreadable input so the old value stays', () => {
    expect(dateFromInputValue('', '2026-02-23T10:00:00.000Z')).toBeNull();
    expect(dateFromInputValue('2026-02-31T10:00', '2026-02-23T10:00:00.000Z')).toBeNull();
  });
});
