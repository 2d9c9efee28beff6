import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inferDateField } from '../../../../../shared/content/schema/date-infer';
import {
  formatDateForField,
  fromDateInput,
  isValidDateValue,
  toDateInput,
  type DateSchemaField,
} from '../../../../../shared/content/schema/date-format';
import { inferFieldFromValues } from '../../../../../shared/content/schema/infer';

const savedTz = process.env.TZ;
beforeEach(() => {
  // Local-time conversions run in a known zone (UTC+1 in winter, UTC+2 in summer).
  process.env.TZ = 'Europe/Paris';
});
afterEach(() => {
  process.env.TZ = savedTz;
});

describe('date fields inferred from the shapes sites write', () => {
  it('gives each shape its widget and the format that writes it', () => {
    expect(inferDateField(['2025-01-29 18:15:32 +0530', '2024-12-10 08:05:00 +0530'])).toEqual({
      widget: 'datetime',
      format: 'YYYY-MM-DD HH:mm:ss ZZ',
    });
    expect(inferDateField(['2024-11-02T09:00:00+01:00', '2025-03-14T10:30:00+01:00'])).toEqual({
      widget: 'datetime',
      format: 'YYYY-MM-DDTHH:mm:ssZ',
    });
    expect(inferDateField(['2024-11-02 09:00', '2025-03-14 10:30'])).toEqual({
      widget: 'datetime',
      format: 'YYYY-MM-DD HH:mm',
    });
    expect(inferDateField(['2024-11-02T09:00:00.123+01:00'])).toEqual({
      widget: 'datetime',
      format: 'YYYY-MM-DDTHH:mm:ss.SSSZ',
    });
    expect(inferDateField(['Jun 19 2024', 'Jul 02 2024'])).toEqual({ widget: 'date', format: 'MMM DD YYYY' });
    expect(inferDateField(['Jun 19 2024', 'Aug 15 2024'])).toEqual({ widget: 'date', format: 'MMM DD YYYY' });
    expect(inferDateField(['Jul 2 2024', 'Aug 15 2024'])).toEqual({ widget: 'date', format: 'MMM D YYYY' });
    expect(inferDateField(['March 3, 2024', 'May 21, 2024'])).toEqual({ widget: 'date', format: 'MMMM D, YYYY' });
    expect(inferDateField(['3 March 2024'])).toEqual({ widget: 'date', format: 'D MMMM YYYY' });
    expect(inferDateField(['June 9, 2024 4:30 PM', 'June 10, 2024 11:05 AM'])).toEqual({
      widget: 'datetime',
      format: 'MMMM D, YYYY h:mm A',
    });
    // ISO dates and UTC times keep their own shape without a format (the picker writes them as they are).
    expect(inferDateField(['2024-06-19', '2024-07-01'])).toEqual({ widget: 'date' });
    expect(inferDateField(['2026-01-09T16:00:00.000Z'])).toEqual({ widget: 'datetime' });
    // Mixed shapes: a date-time field, each value kept in its own shape when edited.
    expect(inferDateField(['2024-06-19', '2024-06-19T10:00:00+02:00'])).toEqual({ widget: 'datetime' });
  });

  it('leaves text that only looks like a date as text', () => {
    expect(inferDateField(['Jun 19 2024', 'soon'])).toBeNull();
    expect(inferDateField(['Sept 3 2024'])).toBeNull();
    expect(inferDateField(['Jun 31 2024'])).toBeNull();
    expect(inferDateField(['Jun 19 2024', 'June 20, 2024'])).toBeNull();
    expect(inferDateField(['2024-06-19', 'Jun 19 2024'])).toBeNull();
    expect(inferDateField(['03/04/2024'])).toBeNull();
    expect(inferDateField([])).toBeNull();
  });

  it('is what inference gives a front-matter key', () => {
    expect(inferFieldFromValues('pubDate', ['Jun 19 2024', 'Jul 02 2024'])).toMatchObject({
      widget: 'date',
      format: 'MMM DD YYYY',
    });
    expect(inferFieldFromValues('date', ['2025-01-29 18:15:32 +0530'])).toMatchObject({
      widget: 'datetime',
      pickerUtc: false,
      format: 'YYYY-MM-DD HH:mm:ss ZZ',
    });
    expect(inferFieldFromValues('date', ['2024-06-19'])).toEqual({
      name: 'date',
      label: 'Date',
      required: false,
      presence: 1,
      widget: 'date',
    });
  });
});

/** value → what the picker shows → the value written after picking `picked` → what a new post gets. */
function roundTrip(values: string[], picked: string, now: Date) {
  const field = inferFieldFromValues('date', values) as DateSchemaField;
  const value = values[0] ?? '';
  return {
    valid: values.every((item) => isValidDateValue(field, item)),
    shown: toDateInput(field, value),
    written: fromDateInput(field, picked, value),
    fresh: formatDateForField(field, now),
  };
}

describe('picking a date writes it in the shape the site uses', () => {
  const now = new Date('2025-02-03T08:00:00Z'); // 09:00 in Paris

  it("Jekyll's `2025-01-29 18:15:32 +0530`: shown in local time, written back in the post's own offset", () => {
    expect(roundTrip(['2025-01-29 18:15:32 +0530', '2024-12-10 08:05:00 +0530'], '2025-02-03T09:00:00', now)).toEqual({
      valid: true,
      shown: '2025-01-29T13:45:32',
      written: '2025-02-03 13:30:00 +0530',
      fresh: '2025-02-03 09:00:00 +0100',
    });
  });

  it("Astro's `pubDate: 'Jun 19 2024'`", () => {
    expect(roundTrip(['Jun 19 2024', 'Jul 02 2024'], '2024-12-05', now)).toEqual({
      valid: true,
      shown: '2024-06-19',
      written: 'Dec 05 2024',
      fresh: 'Feb 03 2025',
    });
  });

  it('`date: 2024-06-19`', () => {
    expect(roundTrip(['2024-06-19', '2024-05-02'], '2024-12-05', now)).toEqual({
      valid: true,
      shown: '2024-06-19',
      written: '2024-12-05',
      fresh: '2025-02-03',
    });
  });

  it('`date: "March 3, 2024"`', () => {
    expect(roundTrip(['March 3, 2024', 'May 21, 2024'], '2024-11-21', now)).toEqual({
      valid: true,
      shown: '2024-03-03',
      written: 'November 21, 2024',
      fresh: 'February 3, 2025',
    });
  });

  it("Hugo's `2024-11-02T09:00:00+01:00`", () => {
    expect(roundTrip(['2024-11-02T09:00:00+01:00', '2025-03-14T10:30:00+01:00'], '2024-11-03T18:15:00', now)).toEqual({
      valid: true,
      shown: '2024-11-02T09:00:00',
      written: '2024-11-03T18:15:00+01:00',
      fresh: '2025-02-03T09:00:00+01:00',
    });
  });

  it('`June 9, 2024 4:30 PM`', () => {
    expect(roundTrip(['June 9, 2024 4:30 PM'], '2024-06-10T08:05', now)).toEqual({
      valid: true,
      shown: '2024-06-09T16:30',
      written: 'June 10, 2024 8:05 AM',
      fresh: 'February 3, 2025 9:00 AM',
    });
  });
});
