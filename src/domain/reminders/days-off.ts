import type { ReminderPolicy } from '../bloc.ts';
import { addDays, formatLocalDate, type LocalDate } from '../calendar/zoned-time.ts';

/** The ISO weekday of a local date: 1 = Monday … 7 = Sunday, as the bloc file writes `weekdays`. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** A day reminders may go out: one of the policy's `weekdays` and not a listed holiday. */
export function isWorkingDay(policy: ReminderPolicy, date: LocalDate): boolean {
  return policy.weekdays.includes(isoWeekday(date)) && !policy.holidays.includes(formatLocalDate(date));
}

// A year has at most 366 days off; past that the policy has no working day at all.
const SEARCH_LIMIT = 366;

/** `date` itself when it is a working day, else the last working day before it; undefined if none. */
export function lastWorkingDayOnOrBefore(policy: ReminderPolicy, date: LocalDate): LocalDate | undefined {
  for (let back = 0; back <= SEARCH_LIMIT; back++) {
    const day = addDays(date, -back);
    if (isWorkingDay(policy, day)) return day;
  }
  return undefined;
}

/** Whether the policy lists any holiday in `year` (a bloc file that does not is warned about). */
export function listsHolidaysIn(policy: ReminderPolicy, year: number): boolean {
  const prefix = `${String(year).padStart(4, '0')}-`;
  return policy.holidays.some((day) => day.startsWith(prefix));
}
