import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dateHasSeconds,
  dateInputKind,
  type DateSchemaField,
  formatDateForField,
  fromDateInput,
  isValidDateValue,
  parseInFormat,
  toDateInput,
} from '../../../../../shared/content/schema/date-format';

const datetime = (extra: Partial<Extract<DateSchemaField, { widget: 'datetime' }>> = {}): DateSchemaField => ({
  widget: 'datetime',
  name: 'date',
  label: 'Date',
  required: false,
  pickerUtc: false,
  ...extra,
});
const dateOnly = (format?: string): DateSchemaField => ({
  widget: 'date',
  name: 'day',
  label: 'Day',
  required: false,
  ...(format ? { format } : {}),
});

const savedTz = process.env.TZ;
beforeEach(() => {
  // Node re-reads TZ when assigned: local-time conversions below run in a known zone (UTC+1 in winter).
  process.env.TZ = 'Europe/Paris';
});
afterEach(() => {
  process.env.TZ = savedTz;
});

describe('input kind', () => {
  it('follows the format, the date/time switches, or the value shape', () => {
    expect(dateInputKind(datetime({ format: 'YYYY-MM-DD' }), '')).toBe('date');
    expect(dateInputKind(datetime({ format: 'LLL' }), '')).toBe('datetime-local');
    expect(dateInputKind(datetime({ format: 'LL' }), '')).toBe('date');
    expect(dateInputKind(datetime({ format: 'h:mm a' }), '')).toBe('time');
    expect(dateInputKind(datetime({ timeFormat: false }), '')).toBe('date');
    expect(dateInputKind(datetime({ dateFormat: false }), '')).toBe('time');
    expect(dateInputKind(datetime(), '2026-02-23')).toBe('date');
    expect(dateInputKind(datetime(), '2026-02-23T10:00:00Z')).toBe('datetime-local');
    expect(dateInputKind(datetime(), '')).toBe('datetime-local');
    expect(dateInputKind(dateOnly(), '')).toBe('date');
  });
  it('offers seconds when the format or the value has them', () => {
    expect(dateHasSeconds(datetime({ format: 'YYYY-MM-DDTHH:mm:ss.SSSZ' }), '')).toBe(true);
    expect(dateHasSeconds(datetime({ format: 'MMM D, YYYY h:mm a' }), '')).toBe(false);
    expect(dateHasSeconds(datetime(), '2026-02-23T10:00:07Z')).toBe(true);
    expect(dateHasSeconds(datetime(), '2026-02-23T10:00Z')).toBe(false);
  });
});

describe('parseInFormat', () => {
  it('is strict yet accepts values written in another offset', () => {
    const iso = 'YYYY-MM-DDTHH:mm:ss.SSSZ';
    expect(parseInFormat('2026-02-23T10:00:00.000Z', iso)?.toISOString()).toBe('2026-02-23T10:00:00.000Z');
    expect(parseInFormat('2026-02-23T10:00:00.000+05:30', iso)?.toISOString()).toBe('2026-02-23T04:30:00.000Z');
    expect(parseInFormat('2026-02-23T10:00:00.000', iso)).toBeNull();
    expect(parseInFormat('2026-02-30', 'YYYY-MM-DD')).toBeNull();
    expect(parseInFormat('2026-02-23 junk', 'YYYY-MM-DD')).toBeNull();
    expect(parseInFormat('February 23, 2026 10:05 AM', 'LLL')?.format('HH:mm')).toBe('10:05');
  });
  it('backs isValidDateValue', () => {
    expect(isValidDateValue(datetime({ format: 'MMM D, YYYY h:mm a' }), 'Feb 23, 2026 9:05 pm')).toBe(true);
    expect(isValidDateValue(datetime({ format: 'MMM D, YYYY h:mm a' }), '2026-02-23')).toBe(false);
    expect(isValidDateValue(datetime({ dateFormat: false }), '10:30')).toBe(true);
    expect(isValidDateValue(dateOnly(), '2026-02-23')).toBe(true);
  });
});

describe('reading and writing in a format', () => {
  it('shows a formatted value in local time and writes it back in the format', () => {
    const field = datetime({ format: 'MMM D, YYYY h:mm a' });
    expect(toDateInput(field, 'Feb 23, 2026 10:05 am')).toBe('2026-02-23T10:05');
    expect(fromDateInput(field, '2026-02-24T21:30', 'Feb 23, 2026 10:05 am')).toBe('Feb 24, 2026 9:30 pm');
    expect(fromDateInput(field, '2026-02-24T21:30', '')).toBe('Feb 24, 2026 9:30 pm');
  });
  it('handles localized tokens', () => {
    const field = datetime({ format: 'LLL' });
    expect(fromDateInput(field, '2026-02-24T21:30', '')).toBe('February 24, 2026 9:30 PM');
    expect(toDateInput(field, 'February 24, 2026 9:30 PM')).toBe('2026-02-24T21:30');
  });
  it('keeps the offset a value was written in', () => {
    const field = datetime({ format: 'YYYY-MM-DDTHH:mm:ss.SSSZ' });
    // 10:00Z is 11:00 in Paris; moving it to 12:00 local writes 11:00 in the value's own zone.
    expect(toDateInput(field, '2026-02-23T10:00:00.000Z')).toBe('2026-02-23T11:00:00');
    expect(fromDateInput(field, '2026-02-23T12:00:00', '2026-02-23T10:00:00.000Z')).toBe(
      '2026-02-23T11:00:00.000+00:00',
    );
    expect(fromDateInput(field, '2026-02-23T12:00:00', '2026-02-23T10:00:00.000+05:30')).toBe(
      '2026-02-23T16:30:00.000+05:30',
    );
    expect(fromDateInput(field, '2026-02-23T12:00:00', '')).toBe('2026-02-23T12:00:00.000+01:00');
  });
  it('reads a whole minute from an input showing seconds as zero seconds, not the file’s', () => {
    // Chromium reports 09:30:00 in a step=1 datetime-local input as "2026-05-01T09:30".
    expect(fromDateInput(datetime(), '2026-05-01T09:30', '2026-11-22T01:31:57.392Z')).toBe(
      new Date(2026, 4, 1, 9, 30, 0).toISOString().replace('.000Z', '.392Z'),
    );
    expect(fromDateInput(datetime(), '2026-05-01T09:30', '2026-05-01 08:15:42')).toBe('2026-05-01 09:30:00');
    expect(
      fromDateInput(
        datetime({ format: 'YYYY-MM-DD HH:mm:ss', pickerUtc: true }),
        '2026-05-01T09:30',
        '2026-05-01 08:15:42',
      ),
    ).toBe('2026-05-01 09:30:00');
    // Without seconds in the file, the minute stays a minute.
    expect(fromDateInput(datetime(), '2026-05-01T09:30', '2026-05-01 08:15')).toBe('2026-05-01 09:30');
  });
  it('shows and writes UTC when the picker is UTC', () => {
    const field = datetime({ format: 'YYYY-MM-DD HH:mm', pickerUtc: true });
    expect(toDateInput(field, '2026-02-23 10:00')).toBe('2026-02-23T10:00');
    expect(fromDateInput(field, '2026-02-23T12:00', '2026-02-23 10:00')).toBe('2026-02-23 12:00');
    const zoned = datetime({ format: 'YYYY-MM-DDTHH:mm:ssZ', pickerUtc: true });
    expect(toDateInput(zoned, '2026-02-23T10:00:00+01:00')).toBe('2026-02-23T09:00:00');
    expect(fromDateInput(zoned, '2026-02-23T12:00:00', '2026-02-23T10:00:00+01:00')).toBe('2026-02-23T12:00:00+00:00');
  });
  it('writes date-only and time-only formats', () => {
    expect(fromDateInput(dateOnly('DD/MM/YYYY'), '2026-02-23', '01/01/2026')).toBe('23/02/2026');
    expect(toDateInput(dateOnly('DD/MM/YYYY'), '01/01/2026')).toBe('2026-01-01');
    expect(fromDateInput(datetime({ format: 'h:mm a' }), '21:15', '')).toBe('9:15 pm');
  });
  it('refuses empty or unreadable input', () => {
    expect(fromDateInput(datetime({ format: 'LLL' }), '', 'x')).toBeNull();
    expect(fromDateInput(datetime(), '2026-02-31T10:00', '2026-02-23T10:00:00.000Z')).toBeNull();
    expect(toDateInput(datetime({ format: 'LLL' }), 'not a date')).toBe('');
  });
});

describe('without a format', () => {
  it('keeps the value its own shape', () => {
    const field = datetime();
    expect(toDateInput(field, '2026-02-23T10:00:00.000Z')).toBe('2026-02-23T11:00:00');
    expect(fromDateInput(field, '2026-02-23T11:30', '2026-02-23T10:00:00.000Z')).toBe('2026-02-23T10:30:00.000Z');
    expect(fromDateInput(field, '2026-03-01', '2026-02-23')).toBe('2026-03-01');
    expect(fromDateInput(dateOnly(), '2026-03-01', '')).toBe('2026-03-01');
  });
  it('writes ISO 8601 for a new value', () => {
    expect(fromDateInput(datetime(), '2026-02-23T11:30', '')).toBe('2026-02-23T10:30:00.000Z');
    expect(fromDateInput(datetime({ pickerUtc: true }), '2026-02-23T11:30', '')).toBe('2026-02-23T11:30:00.000Z');
  });
  it('shows a zoned value in UTC for a UTC picker and writes it back in its zone', () => {
    const field = datetime({ pickerUtc: true });
    expect(toDateInput(field, '2026-02-23T10:00:00+05:30')).toBe('2026-02-23T04:30:00');
    expect(fromDateInput(field, '2026-02-23T05:00:00', '2026-02-23T10:00:00+05:30')).toBe('2026-02-23T10:30:00+05:30');
  });
  it('round-trips unedited values exactly', () => {
    for (const [field, text] of [
      [datetime(), '2026-02-23T10:00:00.000Z'],
      [datetime(), '2026-02-23 10:00:07 +0100'],
      [datetime({ pickerUtc: true }), '2026-02-23T10:00:00+05:30'],
      [datetime({ format: 'MMM D, YYYY h:mm a' }), 'Feb 3, 2026 1:05 pm'],
      [datetime({ format: 'YYYY-MM-DDTHH:mm:ss.SSSZ' }), '2026-02-23T10:00:00.000+05:30'],
      [dateOnly('YYYY-MM-DD'), '2026-02-23'],
    ] as const) {
      expect(fromDateInput(field, toDateInput(field, text), text), text).toBe(text);
    }
  });
});

describe('formatDateForField', () => {
  const when = new Date('2026-02-23T10:00:00.000Z');
  it('writes new-entry dates in the format, or ISO', () => {
    expect(formatDateForField(datetime(), when)).toBe('2026-02-23T10:00:00.000Z');
    expect(formatDateForField(datetime({ format: 'YYYY-MM-DD HH:mm' }), when)).toBe('2026-02-23 11:00');
    expect(formatDateForField(datetime({ format: 'YYYY-MM-DD HH:mm', pickerUtc: true }), when)).toBe(
      '2026-02-23 10:00',
    );
    expect(formatDateForField(dateOnly(), when)).toBe('2026-02-23');
  });
});
