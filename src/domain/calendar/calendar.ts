import type { CalendarDay, CalendarRule } from '../bloc.ts';
import { addMonths, periodMonth, periodYear, type PeriodId } from './period-id.ts';
import { addDays, daysInMonth, localDateOf, parseLocalDate, startOfLocalDay, type LocalDate } from './zoned-time.ts';

/**
 * The instants of one period's calendar, all at local midnights of the rule's zone:
 * - `openAt`: start (00:00) of the open day;
 * - `dueDayStart`: start of the due day; `dueAt`: end of the due day (00:00 of the next day);
 * - `onTimeUntil`: `dueAt` + `graceDays` days — a report before it is on time;
 * - `lockAt`: end of the lock day (00:00 of the day after), never before `onTimeUntil`; or the
 *   secretariat's early lock (`/khoaky`) when that comes first, which may be before `onTimeUntil`.
 */
export interface PeriodInstants {
  openAt: Date;
  dueDayStart: Date;
  dueAt: Date;
  onTimeUntil: Date;
  lockAt: Date;
}

/**
 * Where a period stands for a unit at an instant:
 * `not_open` (now < openAt) → `open` (< dueDayStart) → `due` (< onTimeUntil: the due day and the
 * grace days, still on time) → `late` (< lockAt: accepted, marked late) → `locked`. An early lock
 * may end the period in any of `open`, `due` or `late`.
 * A reopening shows a late or locked period as `open` until it ends.
 */
export type PeriodState = 'not_open' | 'open' | 'due' | 'late' | 'locked';

/** `/giahan`: a new due day for the whole period, local date `YYYY-MM-DD`. */
export interface PeriodExtension {
  dueDate: string;
}

/** The secretariat's reopening of a period for one unit (the reason is kept with it elsewhere). */
export interface PeriodReopening {
  until: Date;
}

/**
 * `/khoaky`: the secretariat locked the whole period at `at`, before its rule's lock (closing early).
 * Set to the instant of the command, never earlier, so nothing already taken falls in a locked time.
 */
export interface PeriodEarlyLock {
  at: Date;
}

/** What has been changed by hand about one period, for one unit. */
export interface PeriodOverrides {
  extension?: PeriodExtension;
  reopening?: PeriodReopening;
  earlyLock?: PeriodEarlyLock;
}

/**
 * The local date of a calendar day of a period: `day` of the month `monthOffset` months after the
 * period's month, clamped to that month's last day (31 → 30 in April, → 28 or 29 in February).
 */
export function calendarDate(periodId: PeriodId, calendarDay: CalendarDay): LocalDate {
  const month = addMonths(periodId, calendarDay.monthOffset);
  const year = periodYear(month);
  const monthNumber = periodMonth(month);
  return { year, month: monthNumber, day: Math.min(calendarDay.day, daysInMonth(year, monthNumber)) };
}

/**
 * The heart of the calendar: the instants of `periodId` under `rule` (see `PeriodInstants`).
 * An extension replaces the due day (and so `dueAt` and `onTimeUntil`). The lock never comes before
 * the on-time deadline: if the (extended) `onTimeUntil` is after the rule's lock, `lockAt` moves to
 * `onTimeUntil`, leaving no late window. An early lock earlier than that lock replaces it (the
 * earlier of the two counts, so a lock can only come sooner). A reopening does not change any instant.
 * Throws on a malformed extension date: the `/giahan` flow checks it with `parseLocalDate` first.
 */
export function periodInstants(rule: CalendarRule, periodId: PeriodId, overrides?: PeriodOverrides): PeriodInstants {
  const zone = rule.timezone;
  const dueDate = overrides?.extension ? extensionDate(overrides.extension) : calendarDate(periodId, rule.due);
  const onTimeUntil = startOfLocalDay(addDays(dueDate, 1 + rule.graceDays), zone);
  const ruleLockAt = startOfLocalDay(addDays(calendarDate(periodId, rule.lock), 1), zone);
  const lockAt = ruleLockAt < onTimeUntil ? onTimeUntil : ruleLockAt;
  const early = overrides?.earlyLock?.at;
  return {
    openAt: startOfLocalDay(calendarDate(periodId, rule.open), zone),
    dueDayStart: startOfLocalDay(dueDate, zone),
    dueAt: startOfLocalDay(addDays(dueDate, 1), zone),
    onTimeUntil,
    lockAt: early && early < lockAt ? new Date(early.getTime()) : lockAt,
  };
}

function extensionDate(extension: PeriodExtension): LocalDate {
  const date = parseLocalDate(extension.dueDate);
  if (!date) throw new RangeError(`Not a date (YYYY-MM-DD): ${extension.dueDate}`);
  return date;
}

/** The state at `now` given a period's instants and a unit's reopening, if any (see `PeriodState`). */
export function stateAt(instants: PeriodInstants, now: Date, reopening?: PeriodReopening): PeriodState {
  const t = now.getTime();
  if (t < instants.openAt.getTime()) return 'not_open';
  // Checked before the due instants: an early lock may come while the period is still on time.
  const locked = t >= instants.lockAt.getTime();
  if (!locked && t < instants.dueDayStart.getTime()) return 'open';
  if (!locked && t < instants.onTimeUntil.getTime()) return 'due';
  // A reopening lifts a late or locked period only; it never makes an on-time one look otherwise.
  if (reopening && t < reopening.until.getTime()) return 'open';
  return locked ? 'locked' : 'late';
}

/** Where `periodId` stands for a unit at `now` (see `PeriodState`, `periodInstants`). */
export function periodState(
  rule: CalendarRule,
  periodId: PeriodId,
  now: Date,
  overrides?: PeriodOverrides,
): PeriodState {
  return stateAt(periodInstants(rule, periodId, overrides), now, overrides?.reopening);
}

/** Whether a report is taken in this state (a late one is taken, and marked late). */
export function acceptsReports(state: PeriodState): boolean {
  return state === 'open' || state === 'due' || state === 'late';
}

/**
 * Whether a report submitted at `submittedAt` is on time: before `onTimeUntil`. A reopening does not
 * change this; a report taken during a reopening after `onTimeUntil` is late.
 */
export function isOnTime(instants: PeriodInstants, submittedAt: Date): boolean {
  return submittedAt.getTime() < instants.onTimeUntil.getTime();
}

/**
 * When a reopening made at `now` ends by default: the end of the local day `days` days after today
 * (`rule.reopenDays` unless given; 0 means the end of today).
 */
export function reopeningUntil(rule: CalendarRule, now: Date, days: number = rule.reopenDays): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Reopening days must be a whole number ≥ 0: ${days}`);
  return startOfLocalDay(addDays(localDateOf(now, rule.timezone), days + 1), rule.timezone);
}
