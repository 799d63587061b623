import type { CalendarRule } from '../bloc.ts';
import {
  calendarDate,
  periodInstants,
  reopeningUntil,
  stateAt,
  type PeriodInstants,
  type PeriodOverrides,
} from './calendar.ts';
import { currentPeriod, REOPEN_LOOKBACK_MONTHS } from './open-periods.ts';
import { addMonths, comparePeriods, type PeriodId } from './period-id.ts';
import { compareLocalDates } from './typed-date.ts';
import { addDays, formatLocalDate, localDateOf, startOfLocalDay, type LocalDate } from './zoned-time.ts';

/**
 * The rules of the secretariat's three changes to the calendar (`/moky`, `/giahan`, `/khoaky`),
 * checked before anything is stored. Each answer is a reason code with the dates the message needs
 * (the flow words it); dates are local `LocalDate`s, instants `Date`s.
 */

/** A reason kept in the audit must say something: at least this many words. */
export const REASON_MIN_WORDS = 3;
/** And fit a chat message with room to spare. */
export const REASON_MAX_LENGTH = 500;

export type ReasonCheck =
  | { ok: true; reason: string }
  | { ok: false; problem: 'missing' }
  | { ok: false; problem: 'tooShort'; words: number }
  | { ok: false; problem: 'tooLong'; length: number };

/** A reason for the audit trail: `REASON_MIN_WORDS` words or more, `REASON_MAX_LENGTH` characters at most. */
export function checkReason(text: string): ReasonCheck {
  const reason = text.trim().replace(/\s+/g, ' ');
  if (reason === '') return { ok: false, problem: 'missing' };
  if (reason.length > REASON_MAX_LENGTH) return { ok: false, problem: 'tooLong', length: reason.length };
  // Words with a letter or a digit: "- - -" is not a reason.
  const words = reason.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words < REASON_MIN_WORDS) return { ok: false, problem: 'tooShort', words };
  return { ok: true, reason };
}

/** The local date of `now`: dates typed before it are in the past. */
export function todayOf(rule: CalendarRule, now: Date): LocalDate {
  return localDateOf(now, rule.timezone);
}

/** The last local day on which a period still takes reports before `lockAt` (a midnight or an instant). */
export function lockDayOf(rule: CalendarRule, instants: PeriodInstants): LocalDate {
  return localDateOf(new Date(instants.lockAt.getTime() - 1), rule.timezone);
}

export type ReopeningCheck =
  | { ok: true; until: Date; state: 'late' | 'locked'; instants: PeriodInstants }
  | { ok: false; problem: 'notOpenYet'; instants: PeriodInstants }
  | { ok: false; problem: 'stillOpen'; instants: PeriodInstants }
  | { ok: false; problem: 'pastDate'; today: LocalDate }
  | { ok: false; problem: 'tooOld'; months: number };

/**
 * `/moky`: may a unit's period be reopened now, and until when. Only a period late or locked for the
 * unit by the calendar (a reopening already running may be replaced: it is judged without it);
 * reopening one still open or due changes nothing. It runs to the end of `endDate` (today or later),
 * or by default `rule.reopenDays` days (`reopeningUntil`). A period more than
 * `REOPEN_LOOKBACK_MONTHS` before the current one is refused: `openPeriodsFor` would not see it open.
 */
export function checkReopening(
  rule: CalendarRule,
  periodId: PeriodId,
  now: Date,
  overrides: PeriodOverrides | undefined,
  endDate?: LocalDate,
): ReopeningCheck {
  const instants = periodInstants(rule, periodId, overrides);
  const state = stateAt(instants, now);
  if (state === 'not_open') return { ok: false, problem: 'notOpenYet', instants };
  if (state === 'open' || state === 'due') return { ok: false, problem: 'stillOpen', instants };
  if (comparePeriods(periodId, addMonths(currentPeriod(rule, now), -REOPEN_LOOKBACK_MONTHS)) < 0)
    return { ok: false, problem: 'tooOld', months: REOPEN_LOOKBACK_MONTHS };
  const today = todayOf(rule, now);
  if (endDate && compareLocalDates(endDate, today) < 0) return { ok: false, problem: 'pastDate', today };
  const until = endDate ? startOfLocalDay(addDays(endDate, 1), rule.timezone) : reopeningUntil(rule, now);
  return { ok: true, until, state, instants };
}

export type ExtensionCheck =
  | { ok: true; before: PeriodInstants; after: PeriodInstants; lockMoved: boolean }
  | { ok: false; problem: 'locked'; instants: PeriodInstants }
  | { ok: false; problem: 'pastDate'; today: LocalDate }
  | { ok: false; problem: 'notLater'; instants: PeriodInstants }
  | { ok: false; problem: 'afterLock'; lockDay: LocalDate };

/**
 * `/giahan`: may the period's due day move to `dueDate` for everyone. Not once the period is locked
 * (a unit is then reopened instead); not to a past day; only later than the due day now in force
 * (moving it earlier would turn reports sent on time into late ones); and on or before the rule's
 * lock day. The calendar would otherwise move the lock after the new on-time deadline and leave no
 * late window; with grace days it still may, which `lockMoved` reports.
 */
export function checkExtension(
  rule: CalendarRule,
  periodId: PeriodId,
  now: Date,
  overrides: PeriodOverrides | undefined,
  dueDate: LocalDate,
): ExtensionCheck {
  const before = periodInstants(rule, periodId, overrides);
  if (stateAt(before, now) === 'locked') return { ok: false, problem: 'locked', instants: before };
  const today = todayOf(rule, now);
  if (compareLocalDates(dueDate, today) < 0) return { ok: false, problem: 'pastDate', today };
  const dueNow = localDateOf(before.dueDayStart, rule.timezone);
  if (compareLocalDates(dueDate, dueNow) <= 0) return { ok: false, problem: 'notLater', instants: before };
  const lockDay = calendarDate(periodId, rule.lock);
  if (compareLocalDates(dueDate, lockDay) > 0) return { ok: false, problem: 'afterLock', lockDay };
  const after = periodInstants(rule, periodId, { ...overrides, extension: { dueDate: formatLocalDate(dueDate) } });
  return { ok: true, before, after, lockMoved: after.lockAt.getTime() !== before.lockAt.getTime() };
}

export type EarlyLockCheck =
  | { ok: true; instants: PeriodInstants }
  | { ok: false; problem: 'notOpenYet'; instants: PeriodInstants }
  | { ok: false; problem: 'alreadyLocked'; instants: PeriodInstants };

/**
 * `/khoaky <period>`: may the whole period lock now. Not before it opens (nothing to close), not
 * once it is locked (by its rule or an earlier `/khoaky`); `overrides` are the bloc's (extension,
 * early lock), never a unit's reopening.
 */
export function checkEarlyLock(
  rule: CalendarRule,
  periodId: PeriodId,
  now: Date,
  overrides: PeriodOverrides | undefined,
): EarlyLockCheck {
  const instants = periodInstants(rule, periodId, overrides);
  const state = stateAt(instants, now);
  if (state === 'not_open') return { ok: false, problem: 'notOpenYet', instants };
  if (state === 'locked') return { ok: false, problem: 'alreadyLocked', instants };
  return { ok: true, instants };
}
