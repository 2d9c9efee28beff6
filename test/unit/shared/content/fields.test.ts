import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dateFromInputValue,
  dateToInputValue,
  humanizeKey,
  isObject,
  parseDateString,
} from '../../../../shared/content/fields';

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

describe('isObject', () => {
  it('is true only for mappings', () => {
    expect(isObject({ a: 1 })).toBe(true);
    expect(isObject([1])).toBe(false);
    expect(isObject(null)).toBe(false);
    expect(isObject('x')).toBe(false);
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
    expect(parseDateString('2026-02-23T10:00:00.000Z')?.time).toMatchObject({
      separator: 'T',
      seconds: 0,
      fraction: '.000',
      zone: 'Z',
      offsetMinutes: 0,
    });
    expect(parseDateString('2026-02-23 10:00:00 +0100')?.time).toMatchObject({
      separator: ' ',
      zone: ' +0100',
      offsetMinutes: 60,
    });
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
    for (const text of [
      '2026-02-23T10:00:00.000Z',
      '2026-02-23T23:30:00Z',
      '2026-02-23 10:00:07 +0100',
      '2026-02-23T10:00',
      '2026-02-23',
    ]) {
      expect(dateFromInputValue(dateToInputValue(text), text)).toBe(text);
    }
  });

  it('refuses empty or unreadable input so the old value stays', () => {
    expect(dateFromInputValue('', '2026-02-23T10:00:00.000Z')).toBeNull();
    expect(dateFromInputValue('2026-02-31T10:00', '2026-02-23T10:00:00.000Z')).toBeNull();
  });
});
