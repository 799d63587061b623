/**
 * Local calendar dates and the instants of their midnights in an IANA time zone. The calendar works
 * in whole local days, so this is all it needs of a zone. Offsets come from `Intl.DateTimeFormat`,
 * which works for any zone (Asia/Ho_Chi_Minh is a fixed UTC+7, but a bloc file names its zone).
 */

/** A date on the wall calendar of some zone; `month` is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

// Building a formatter is costly and a calendar asks the same zone many times: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of `instant` in `timezone`, read back as if they were UTC (ms). */
function wallClockAsUtc(instant: Date, timezone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const get = (name: string): number => fields[name] ?? 0;
  // Some engines still write midnight as hour 24 despite h23.
  const hour = get('hour') === 24 ? 0 : get('hour');
  return Date.UTC(get('year'), get('month') - 1, get('day'), hour, get('minute'), get('second'));
}

/** The zone's offset from UTC at `instant`, in ms (+7 h for Asia/Ho_Chi_Minh). */
function offsetAt(instant: Date, timezone: string): number {
  const wholeSeconds = new Date(Math.floor(instant.getTime() / 1000) * 1000);
  return wallClockAsUtc(wholeSeconds, timezone) - wholeSeconds.getTime();
}

/** The local date of `instant` in `timezone`. */
export function localDateOf(instant: Date, timezone: string): LocalDate {
  const wall = new Date(instant.getTime() + offsetAt(instant, timezone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

// Every step of a report asks the same few midnights (a period's open, due and lock days) and each
// costs two `formatToParts` calls: remember them, by zone and day. Bounded: cleared when full.
const midnights = new Map<string, number>();
const MIDNIGHTS_KEPT = 4096;

/** The instant local 00:00 of `date` begins in `timezone`. */
export function startOfLocalDay(date: LocalDate, timezone: string): Date {
  const key = `${timezone}|${date.year}-${date.month}-${date.day}`;
  const known = midnights.get(key);
  if (known !== undefined) return new Date(known);
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  // Asking the offset twice settles zones whose offset changes near that midnight (DST).
  const first = wall - offsetAt(new Date(wall), timezone);
  const start = wall - offsetAt(new Date(first), timezone);
  if (midnights.size >= MIDNIGHTS_KEPT) midnights.clear();
  midnights.set(key, start);
  return new Date(start);
}

/** `date` moved by `days` calendar days (any sign), across months and years. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** Number of days of `month` (1–12) in `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD`, as `/giahan` takes a date and as date params are passed to locale messages. */
export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Reads `YYYY-MM-DD`; undefined unless it is a real date (no 30 February). */
export function parseLocalDate(text: string): LocalDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}
