import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateFromInputValue, parseDateString, zoneOffsetMinutes } from '../../../../shared/content/dates';

describe('zoneOffsetMinutes', () => {
  it.each([
    ['Z', 0],
    ['+01:00', 60],
    [' +0100', 60],
    ['-05:30', -330],
    ['-0930', -570],
    ['+00:00', 0],
    ['+14:00', 840],
  ])('%j is %i minutes from UTC', (zone, minutes) => {
    expect(zoneOffsetMinutes(zone)).toBe(minutes);
  });

  it('is what a parsed date reports for its zone', () => {
    expect(parseDateString('2026-02-23T10:00:00-03:30')?.time?.offsetMinutes).toBe(-210);
    expect(parseDateString('2026-02-23 10:00:00 +0545')?.time?.offsetMinutes).toBe(345);
  });
});

describe('dateFromInputValue keeps the file’s seconds', () => {
  const savedTz = process.env.TZ;
  beforeEach(() => {
    // Node re-reads TZ when it is assigned, so local-time conversions below run in a known zone.
    process.env.TZ = 'Europe/Paris';
  });
  afterEach(() => {
    process.env.TZ = savedTz;
  });

  it('keeps the seconds of a floating time when the minute-precision input names the same minute', () => {
    expect(dateFromInputValue('2026-02-23T10:00', '2026-02-23T10:00:42')).toBe('2026-02-23T10:00:42');
  });

  it('keeps the seconds and fraction of a zoned time edited to the same minute', () => {
    // 10:00 UTC is 11:00 in Paris in February.
    expect(dateFromInputValue('2026-02-23T11:00', '2026-02-23T10:00:42.250Z')).toBe('2026-02-23T10:00:42.250Z');
    expect(dateFromInputValue('2026-02-23T11:00', '2026-02-23 10:00:07 +0000')).toBe('2026-02-23 10:00:07 +0000');
  });

  it('keeps the seconds when only the day changes', () => {
    expect(dateFromInputValue('2026-03-01T10:00', '2026-02-23T10:00:42')).toBe('2026-03-01T10:00:42');
  });

  it('takes the input’s seconds when it has them', () => {
    expect(dateFromInputValue('2026-02-23T10:00:05', '2026-02-23T10:00:42')).toBe('2026-02-23T10:00:05');
  });

  it('writes no seconds for a file without them', () => {
    expect(dateFromInputValue('2026-02-23T10:05', '2026-02-23T10:00')).toBe('2026-02-23T10:05');
  });
});
