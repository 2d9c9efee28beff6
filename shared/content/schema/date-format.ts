/**
 * Date and date-time values in a field's own `format` (Decap's moment.js tokens: `YYYY-MM-DD`,
 * `YYYY-MM-DDTHH:mm:ss.SSSZ`, `MMM D, YYYY h:mm a`, `LLL`), read into and written back from the
 * browser's date inputs. A field without a format keeps the existing value's own shape (see
 * ../dates.ts), so an edit changes the date and nothing else about how it is written.
 */
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import localizedFormat from 'dayjs/plugin/localizedFormat.js';
import utc from 'dayjs/plugin/utc.js';
import { dateFromInputValue, dateToInputValue, parseDateString, zoneOffsetMinutes } from '../dates';
import type { SchemaField } from './types';

dayjs.extend(customParseFormat);
dayjs.extend(utc);
dayjs.extend(localizedFormat);

/** A field holding a date: Decap's `datetime`, or its deprecated `date`. */
export type DateSchemaField = Extract<SchemaField, { widget: 'datetime' | 'date' }>;

/** Which browser input edits the value. */
export type DateInputKind = 'date' | 'datetime-local' | 'time';

const INPUT_FORMAT: Record<DateInputKind, { minutes: string; seconds: string }> = {
  date: { minutes: 'YYYY-MM-DD', seconds: 'YYYY-MM-DD' },
  'datetime-local': { minutes: 'YYYY-MM-DDTHH:mm', seconds: 'YYYY-MM-DDTHH:mm:ss' },
  time: { minutes: 'HH:mm', seconds: 'HH:mm:ss' },
};

// Bracketed text is literal in moment formats; drop it before looking for tokens.
const tokensOf = (format: string): string => format.replace(/\[[^\]]*\]/g, '');
const hasTimeTokens = (format: string): boolean => /LT|LLL|[Hhkmsa]|A|X|x/.test(tokensOf(format));
const hasDateTokens = (format: string): boolean => /[YMDdLlXxQWw]/.test(tokensOf(format).replace(/LTS?/g, ''));
const hasSecondTokens = (format: string): boolean => /s|LTS|X|x/.test(tokensOf(format));
const hasZoneTokens = (format: string): boolean => /Z/.test(tokensOf(format));

/** The field's format, when it has one that is not empty. */
function formatOf(field: DateSchemaField): string | undefined {
  return typeof field.format === 'string' && field.format.trim() !== '' ? field.format : undefined;
}

const pickerUtc = (field: DateSchemaField): boolean => field.widget === 'datetime' && field.pickerUtc;

/** The input that fits the field: its format's parts, else the existing value's own shape. */
export function dateInputKind(field: DateSchemaField, value: string): DateInputKind {
  if (field.widget === 'datetime') {
    if (field.timeFormat === false) return 'date';
    if (field.dateFormat === false) return 'time';
  }
  const format = formatOf(field);
  if (format) {
    if (!hasDateTokens(format) && hasTimeTokens(format)) return 'time';
    return hasTimeTokens(format) ? 'datetime-local' : 'date';
  }
  if (field.widget === 'date') return 'date';
  const shape = parseDateString(value);
  // A date-only value in a datetime field stays date-only: that is how this site writes it.
  return shape && shape.time === null ? 'date' : 'datetime-local';
}

/** Whether the input should offer seconds (the format or the value has them). */
export function dateHasSeconds(field: DateSchemaField, value: string): boolean {
  const format = formatOf(field);
  if (format) return hasSecondTokens(format);
  return parseDateString(value)?.time?.seconds != null;
}

// Offsets as written after a digit: `Z`, `+01:00`, `-0530`.
const OFFSET_RE = /(?<=\d)\s?(Z|[+-]\d\d:?\d\d)(?!\d)/g;

// `Z` and `+00:00` say the same; compare offsets by their minutes, not their spelling.
const canonicalOffsets = (text: string): string =>
  text.replace(OFFSET_RE, (_, zone: string) => `@${zoneOffsetMinutes(zone)}`);

/** The offset written in a value, in minutes, or null when it has none. */
function writtenOffset(value: string): number | null {
  const zones = [...value.matchAll(OFFSET_RE)];
  const zone = zones.at(-1)?.[1];
  return zone === undefined ? null : zoneOffsetMinutes(zone);
}

/**
 * Parses `value` strictly in `format`. day.js's own strict mode re-formats in the local zone, so it
 * rejects any value written with another offset (even `Z`); here the value is re-formatted in its
 * own written offset before comparing.
 */
export function parseInFormat(value: string, format: string, utcWallTime = false): Dayjs | null {
  // A zone-less value from a UTC picker is UTC wall time, not the writer's.
  const strict = utcWallTime ? dayjs.utc(value, format, true) : dayjs(value, format, true);
  if (strict.isValid()) return strict;
  if (!hasZoneTokens(format)) return null;
  const loose = dayjs(value, format);
  const offset = writtenOffset(value);
  if (!loose.isValid() || offset === null) return null;
  const again = loose.utcOffset(offset).format(format);
  return canonicalOffsets(again) === canonicalOffsets(value) ? loose : null;
}

/** True when `value` is a date this field can read: in its format, or ISO 8601 without one. */
export function isValidDateValue(field: DateSchemaField, value: string): boolean {
  const format = formatOf(field);
  if (format) return parseInFormat(value, format, pickerUtc(field)) !== null;
  if (field.widget === 'datetime' && field.dateFormat === false) return /^\d{2}:\d{2}(:\d{2})?$/.test(value);
  return parseDateString(value) !== null;
}

/** A sample of how the field writes dates, for messages ("should look like Feb 23, 2026 10:00 am"). */
export function exampleDateValue(field: DateSchemaField): string {
  const sample = dayjs.utc('2026-02-23T10:00:00.000Z');
  const format = formatOf(field);
  if (format) return sample.format(format);
  const kind = dateInputKind(field, '');
  if (kind === 'date') return '2026-02-23';
  if (kind === 'time') return '10:00';
  return '2026-02-23T10:00:00.000Z';
}

/** The text for the field's browser input showing `value`, or '' when it cannot be read. */
export function toDateInput(field: DateSchemaField, value: string): string {
  const kind = dateInputKind(field, value);
  const shape = INPUT_FORMAT[kind][dateHasSeconds(field, value) ? 'seconds' : 'minutes'];
  const format = formatOf(field);
  if (format) {
    const parsed = parseInFormat(value, format, pickerUtc(field));
    if (!parsed) return '';
    return (pickerUtc(field) ? parsed.utc() : parsed.local()).format(shape);
  }
  if (kind === 'time') return /^\d{2}:\d{2}(:\d{2})?$/.test(value) ? value : '';
  const written = parseDateString(value);
  if (!written) return '';
  // Zoned values show in UTC when the config asks for a UTC picker, else in the writer's time.
  if (pickerUtc(field) && written.time?.offsetMinutes != null) return dayjs(value).utc().format(shape);
  return dateToInputValue(value);
}

/**
 * The value to save for the input text `typed`, written in the field's format, else in the shape
 * of `previous`, else as ISO 8601. Null when the input is empty or unreadable: the caller keeps
 * the saved value rather than erasing it mid-typing.
 */
export function fromDateInput(field: DateSchemaField, typed: string, previous: string): string | null {
  const kind = dateInputKind(field, previous);
  // An input that shows seconds reports 09:30:00 as "…T09:30" (the browser drops zero seconds):
  // that is zero seconds the writer can see, not a minute-precision value keeping the file's.
  const input =
    kind !== 'date' && /(^|T)\d\d:\d\d$/.test(typed) && dateHasSeconds(field, previous) ? `${typed}:00` : typed;
  const seconds = /:\d\d:\d\d$/.test(input);
  const inputShape = INPUT_FORMAT[kind][seconds ? 'seconds' : 'minutes'];
  const utcPicker = pickerUtc(field);
  const picked = utcPicker ? dayjs.utc(input, inputShape, true) : dayjs(input, inputShape, true);
  if (input === '' || !picked.isValid()) return null;
  const format = formatOf(field);
  if (format) {
    if (utcPicker) return picked.format(format);
    // Keep the offset the value was written in (another author's zone) rather than the writer's.
    const offset = hasZoneTokens(format) ? writtenOffset(previous) : null;
    return (offset === null ? picked : picked.utcOffset(offset)).format(format);
  }
  if (kind === 'time') return input;
  const written = parseDateString(previous);
  if (written && (kind === 'date') === (written.time === null)) {
    // dateFromInputValue reads the input as local time: hand it the picked instant in local time.
    const local = utcPicker && written.time?.offsetMinutes != null ? picked.local().format(inputShape) : input;
    return dateFromInputValue(local, previous);
  }
  return kind === 'date' ? picked.format('YYYY-MM-DD') : picked.toISOString();
}

/**
 * `date` written as a new entry's value of `field`: in the field's format (UTC when the picker is),
 * else ISO 8601 — a date alone for date-only fields, else the instant with milliseconds and `Z`.
 */
export function formatDateForField(field: DateSchemaField, date: Date): string {
  const format = formatOf(field);
  const when = pickerUtc(field) ? dayjs.utc(date) : dayjs(date);
  if (format) return when.format(format);
  const kind = dateInputKind(field, '');
  if (kind === 'date') return when.format('YYYY-MM-DD');
  if (kind === 'time') return when.format('HH:mm');
  return when.toISOString();
}
