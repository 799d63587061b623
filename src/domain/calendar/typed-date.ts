import { daysInMonth, type LocalDate } from './zoned-time.ts';

/** What a date typed in chat came to: a real date, something shaped like a date that is not one, or no date. */
export type TypedDate = { type: 'date'; date: LocalDate } | { type: 'invalid' } | { type: 'none' };

// Vietnamese order first (day/month/year, as officials write 20/7/2023), then the ISO form.
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Anything made of digits and date separators, so "31/2/2023" or "20/7/23" is told apart from a word.
const DATE_SHAPED = /^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$/;

/**
 * Reads a date typed by the secretariat (`/moky`, `/giahan`): `20/7/2023`, `20/07/2023`, `20.7.2023`,
 * `20-7-2023` or `2023-07-20`. A two-digit year, a month past 12 or a day past the month's end
 * (`31/2/2023`) is `invalid`, never guessed at; text that does not look like a date is `none`
 * (the reason of a command begins there).
 */
export function parseTypedDate(text: string): TypedDate {
  const trimmed = text.trim();
  const dayFirst = DAY_FIRST.exec(trimmed);
  const yearFirst = YEAR_FIRST.exec(trimmed);
  let fields: [number, number, number] | undefined;
  if (dayFirst) fields = [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])];
  else if (yearFirst) fields = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  if (!fields) return DATE_SHAPED.test(trimmed) ? { type: 'invalid' } : { type: 'none' };
  const [year, month, day] = fields;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { type: 'invalid' };
  return { type: 'date', date: { year, month, day } };
}

/** Orders local dates: negative if `a` is before `b`, 0 if the same day, positive after. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
