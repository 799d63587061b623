import { localDateOf } from './zoned-time.ts';

/** A period: the month whose figures are reported, written `YYYY-MM` (e.g. `2023-06`). */
export type PeriodId = string;

const PERIOD_ID = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a well-formed period id, `YYYY-MM` with a month 01–12. */
export function isPeriodId(value: unknown): value is PeriodId {
  return typeof value === 'string' && PERIOD_ID.test(value);
}

/** The id of month `month` (1–12) of `year`. */
export function makePeriodId(year: number, month: number): PeriodId {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

function fields(id: PeriodId): { year: number; month: number } {
  const match = PERIOD_ID.exec(id);
  // A malformed id here is a bug: ids from people go through parsePeriod or isPeriodId first.
  if (!match) throw new RangeError(`Not a period id: ${id}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The year of a period: 2023 for `2023-06`. */
export function periodYear(id: PeriodId): number {
  return fields(id).year;
}

/** The month (1–12) of a period: 6 for `2023-06`. */
export function periodMonth(id: PeriodId): number {
  return fields(id).month;
}

/** The period `n` months after `id` (before it when `n` is negative), across years. */
export function addMonths(id: PeriodId, n: number): PeriodId {
  const { year, month } = fields(id);
  const index = year * 12 + (month - 1) + n;
  return makePeriodId(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1);
}

/** Orders periods oldest first: negative if `a` is before `b`, 0 if equal, positive after. */
export function comparePeriods(a: PeriodId, b: PeriodId): number {
  const x = fields(a);
  const y = fields(b);
  return x.year * 12 + x.month - (y.year * 12 + y.month);
}

/** The month `instant` falls in, on the local calendar of `timezone`. */
export function periodOf(instant: Date, timezone: string): PeriodId {
  const { year, month } = localDateOf(instant, timezone);
  return makePeriodId(year, month);
}
