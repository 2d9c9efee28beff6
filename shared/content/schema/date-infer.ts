/**
 * Which date field a key's values call for, and the day.js `format` that writes dates in the same
 * shape the site already uses: Jekyll's `2025-01-29 18:15:32 +0530`, Astro's `Jun 19 2024`,
 * `March 3, 2024`. With that format the picker reads the value and a picked date (or a new post's
 * date) is written back the way the other posts write it.
 */
import { parseDateString, type DatePattern } from '../dates';
import { parseInFormat } from './date-format';

/** A date field learned from values: a date or a date-time, with the format its values share (if one is needed). */
export interface InferredDate {
  widget: 'date' | 'datetime';
  /** Absent when the values need none: ISO dates and UTC `…Z` times keep their own shape without one. */
  format?: string;
}

/** The date field that fits every value, or null when some value is not a date. */
export function inferDateField(values: readonly string[]): InferredDate | null {
  if (values.length === 0) return null;
  const iso = values.map(parseDateString);
  if (iso.every((pattern): pattern is DatePattern => pattern !== null)) {
    if (iso.every((pattern) => pattern.time === null)) return { widget: 'date' };
    const formats = new Set(iso.map(isoFormat));
    const [only] = formats;
    // One shared shape: write new dates in it too. Mixed shapes: each value keeps its own on edit.
    return formats.size === 1 && only ? { widget: 'datetime', format: only } : { widget: 'datetime' };
  }
  if (iso.some((pattern) => pattern !== null)) return null;
  const format = proseFormat(values);
  if (format === null) return null;
  return /[Hh]/.test(format) ? { widget: 'datetime', format } : { widget: 'date', format };
}

/**
 * The format of an ISO-like date-time, or null when no format is needed or none fits: a `Z` time is
 * written by the picker's own ISO path, and fractions other than milliseconds have no token.
 */
function isoFormat(pattern: DatePattern): string | null {
  const { time } = pattern;
  if (time === null || time.zone?.trim() === 'Z') return null;
  if (time.fraction !== '' && time.fraction.length !== 4) return null;
  const seconds = time.seconds === null ? '' : `:ss${time.fraction === '' ? '' : '.SSS'}`;
  const zone = time.zone === null ? '' : `${/^\s/.test(time.zone) ? ' ' : ''}${time.zone.includes(':') ? 'Z' : 'ZZ'}`;
  return `YYYY-MM-DD${time.separator === 'T' ? 'T' : ' '}HH:mm${seconds}${zone}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// `Jun 19 2024`, `March 3, 2024`, `Mar. 3, 2024`, `3 March 2024`, each optionally followed by `10:30`, `4:30 PM`, `16:30:05`.
const PROSE_RE =
  /^(?:([A-Z][a-z]+)(\.?) (\d{1,2})(,?) (\d{4})|(\d{1,2}) ([A-Z][a-z]+)(,?) (\d{4}))(?:(,?) (\d{1,2}):(\d{2})(:\d{2})?(?:( ?)(AM|PM|am|pm))?)?$/;

interface ProseShape {
  /** The format with `{M}`, `{D}` and `{H}` standing for the month, day and hour tokens, decided across values. */
  template: string;
  /** True for a zero-padded day (`02`), false for an unpadded one (`2`), null when it cannot tell (`19`). */
  dayPadded: boolean | null;
  hourPadded: boolean | null;
  /** True for `Jun`, false for `June`, null for `May` (both). */
  monthShort: boolean | null;
  twelveHour: boolean;
}

function proseShape(value: string): ProseShape | null {
  const match = PROSE_RE.exec(value);
  if (!match) return null;
  const [, m1, dot, d1, comma1, , d2, m2, comma2, , timeComma, hour, , secs, ampmSpace, ampm] = match;
  const month = m1 ?? m2 ?? '';
  const day = d1 ?? d2 ?? '';
  const short = month.length === 3 && MONTHS.some((name) => name.slice(0, 3) === month);
  if (!short && !MONTHS.includes(month)) return null;
  const monthShort = month === 'May' ? null : short;
  const monthToken = `{M}${dot ? '[.]' : ''}`;
  const date = m1 !== undefined ? `${monthToken} {D}${comma1} YYYY` : `{D} ${monthToken}${comma2} YYYY`;
  const twelveHour = ampm !== undefined;
  const time =
    hour === undefined
      ? ''
      : `${timeComma} {H}:mm${secs ? ':ss' : ''}${twelveHour ? `${ampmSpace}${ampm === 'am' || ampm === 'pm' ? 'a' : 'A'}` : ''}`;
  return {
    template: date + time,
    dayPadded: padding(day),
    hourPadded: hour === undefined ? null : padding(hour),
    monthShort,
    twelveHour,
  };
}

function padding(digits: string): boolean | null {
  if (digits.length === 1) return false;
  return digits.startsWith('0') ? true : null;
}

/** The one format all prose dates share, checked by parsing every value in it; null when they differ. */
function proseFormat(values: readonly string[]): string | null {
  const shapes = values.map(proseShape);
  if (!shapes.every((shape): shape is ProseShape => shape !== null)) return null;
  const first = shapes[0];
  if (!first || shapes.some((shape) => shape.template !== first.template)) return null;
  const month = agreed(shapes.map((shape) => shape.monthShort));
  const day = agreed(shapes.map((shape) => shape.dayPadded));
  const hour = agreed(shapes.map((shape) => shape.hourPadded));
  if (month === undefined || day === undefined || hour === undefined) return null;
  const short = month ?? true;
  // Undecided (every day 10–31): `Jun 19 2024` sites pad (Astro's `Jul 08 2022`), prose months do not.
  const dayToken = (day ?? short) ? 'DD' : 'D';
  const hourLetter = first.twelveHour ? 'h' : 'H';
  const hourToken = (hour ?? !first.twelveHour) ? hourLetter.repeat(2) : hourLetter;
  const format = first.template
    .replace('{M}', short ? 'MMM' : 'MMMM')
    .replace('{D}', dayToken)
    .replace('{H}', hourToken);
  return values.every((value) => parseInFormat(value, format) !== null) ? format : null;
}

/** The one value the known flags agree on, null when none is known, undefined when they conflict. */
function agreed(flags: (boolean | null)[]): boolean | null | undefined {
  const known = new Set(flags.filter((flag): flag is boolean => flag !== null));
  if (known.size > 1) return undefined;
  const [only] = known;
  return only ?? null;
}
