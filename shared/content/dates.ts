/**
 * ISO-like date strings as posts write them: parse their exact shape, show them in the browser's
 * date inputs, and write an edit back in the same shape, so changing a date changes only the date.
 */
/** The written shape of an ISO-like date, so an edited date can be written back the same way. */
export interface DatePattern {
  date: string;
  /** Null for a date without a time. */
  time: {
    /** `T` or a space, as written. */
    separator: string;
    hours: number;
    minutes: number;
    /** Null when the file has no seconds. */
    seconds: number | null;
    /** The fraction as written (e.g. `.000`), or '' when absent. */
    fraction: string;
    /** Null for a floating (zone-less) time; otherwise the zone as written: `Z`, `+01:00`, ` +0100`. */
    zone: string | null;
    /** The zone's offset from UTC in minutes (0 for `Z`), or null when floating. */
    offsetMinutes: number | null;
  } | null;
}

const DATE_RE = /^(\d{4}-\d{2}-\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(\s?(?:Z|[+-]\d{2}:?\d{2}))?)?$/;

/** Parses an ISO-like date or date-time string (`2026-02-23`, `2026-02-23T10:00:00.000Z`, `… +0100`); null otherwise. */
export function parseDateString(text: string): DatePattern | null {
  const match = DATE_RE.exec(text);
  if (!match) return null;
  const [, date, separator, hh, mm, ss, fraction, zone] = match;
  if (!date || !isRealDate(date)) return null;
  if (separator === undefined || hh === undefined || mm === undefined) return { date, time: null };
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = ss === undefined ? null : Number(ss);
  if (hours > 23 || minutes > 59 || (seconds !== null && seconds > 59)) return null;
  return {
    date,
    time: {
      separator,
      hours,
      minutes,
      seconds,
      fraction: fraction ?? '',
      zone: zone ?? null,
      offsetMinutes: zone === undefined ? null : zoneOffsetMinutes(zone),
    },
  };
}

function isRealDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** Minutes east of UTC for a written zone: `Z`, `+01:00`, `-0530` (surrounding spaces allowed). */
export function zoneOffsetMinutes(zone: string): number {
  const trimmed = zone.trim();
  if (trimmed === 'Z') return 0;
  const sign = trimmed.startsWith('-') ? -1 : 1;
  const digits = trimmed.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The value for an `<input type="date">` or `<input type="datetime-local">` showing this date. Times
 * with a zone are shown in the writer's local time; floating times are shown as written.
 */
export function dateToInputValue(text: string): string {
  const pattern = parseDateString(text);
  if (!pattern) return '';
  const { time } = pattern;
  if (!time) return pattern.date;
  const withSeconds = (h: number, m: number, s: number | null, date: string): string =>
    `${date}T${pad(h)}:${pad(m)}${time.seconds === null ? '' : `:${pad(s ?? 0)}`}`;
  if (time.offsetMinutes === null) return withSeconds(time.hours, time.minutes, time.seconds, pattern.date);
  const local = new Date(instantOf(pattern.date, time.hours, time.minutes, time.seconds ?? 0, time.offsetMinutes));
  const localDate = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
  return withSeconds(local.getHours(), local.getMinutes(), local.getSeconds(), localDate);
}

/**
 * Writes an edited input value back in the original string's shape: same separator, seconds,
 * fraction and zone. A zoned time is read as the writer's local time and re-expressed in the
 * original zone, so `2026-02-23T10:00:00.000Z` edited to 11:30 local stays `…T…:30:00.000Z`.
 * Returns null when the input is empty or unreadable, so the caller can keep the old value.
 */
export function dateFromInputValue(inputValue: string, original: string): string | null {
  const pattern = parseDateString(original);
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/.exec(inputValue);
  if (!pattern || !match || !match[1] || !isRealDate(match[1])) return null;
  const { time } = pattern;
  if (!time) return match[1];
  const hours = Number(match[2] ?? 0);
  const minutes = Number(match[3] ?? 0);
  // A minute-precision input keeps the file's seconds rather than zeroing them behind the writer's back.
  const seconds = match[4] === undefined ? (time.seconds ?? 0) : Number(match[4]);
  const clock = (date: string, h: number, m: number, s: number): string =>
    `${date}${time.separator}${pad(h)}:${pad(m)}${time.seconds === null ? '' : `:${pad(s)}${time.fraction}`}${time.zone ?? ''}`;
  if (time.offsetMinutes === null) return clock(match[1], hours, minutes, seconds);
  const [y, mo, d] = match[1].split('-').map(Number) as [number, number, number];
  const instant = new Date(y, mo - 1, d, hours, minutes, seconds).getTime();
  // Shift into the original zone and read the wall clock there with UTC getters.
  const there = new Date(instant + time.offsetMinutes * 60_000);
  const date = `${there.getUTCFullYear()}-${pad(there.getUTCMonth() + 1)}-${pad(there.getUTCDate())}`;
  return clock(date, there.getUTCHours(), there.getUTCMinutes(), there.getUTCSeconds());
}

function instantOf(date: string, h: number, m: number, s: number, offsetMinutes: number): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d, h, m, s) - offsetMinutes * 60_000;
}
