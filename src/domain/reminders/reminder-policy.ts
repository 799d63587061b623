import type { Bloc, ReminderPolicy } from '../bloc.ts';
import type { PeriodInstants, PeriodReopening } from '../calendar/calendar.ts';
import type { PeriodId } from '../calendar/period-id.ts';
import { addDays, formatLocalDate, localDateOf, type LocalDate } from '../calendar/zoned-time.ts';
import { isWorkingDay, lastWorkingDayOnOrBefore } from './days-off.ts';
import { isInWindow, sendWindow } from './office-window.ts';

/**
 * What a reminder is about: `before_due` (the days before the due day, and the day itself),
 * `late` (while a unit is late, until the lock), and, from the day of escalation, a digest of the
 * missing units to the leaders' group (`group_digest`) and a list to the secretariat
 * (`secretariat_list`).
 */
export type ReminderKind = 'before_due' | 'late' | 'group_digest' | 'secretariat_list';

/** The unit id of a reminder about the whole bloc (the digest and the list). */
export const WHOLE_BLOC = '*';

/**
 * The claim of one reminder in `reminder_claims` (the shape of the app's `ReminderKey`): at most one
 * message per bloc, period, unit, kind and local day, however many processes or runs ask.
 */
export interface ReminderClaimKey {
  blocId: string;
  periodId: PeriodId;
  unitId: string;
  kind: ReminderKind;
  /** The local day it is sent on, `YYYY-MM-DD` in the bloc's zone. */
  day: string;
}

/** A reminder due now: claim `key`, and let its outbox row expire at `expiresAt`. */
export interface DueReminder {
  key: ReminderClaimKey;
  /** The deadline it speaks of, `YYYY-MM-DD`: the (extended) due day, or a reopening's last day. */
  dueDate: string;
  /** Calendar days from today to `dueDate`: 3, 1, 0 before it; negative once late. */
  daysToDue: number;
  /** The end of today's office hours: a reminder not sent by then is dropped, never sent late. */
  expiresAt: Date;
}

/** The parts of a bloc the policy reads. */
export type ReminderBloc = Pick<Bloc, 'id' | 'calendar' | 'reminders'>;

/** One unit's view of one period: its instants (extension included) and its reopening, if any. */
export interface UnitPeriod {
  periodId: PeriodId;
  unitId: string;
  instants: PeriodInstants;
  reopening?: PeriodReopening;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: LocalDate): number => Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
const sameDay = (a: LocalDate, b: LocalDate): boolean => dayNumber(a) === dayNumber(b);

/** Today's local date and send window, when `now` is inside it on a working day. */
function sendingToday(bloc: ReminderBloc, now: Date): { today: LocalDate; expiresAt: Date } | undefined {
  const zone = bloc.calendar.timezone;
  const today = localDateOf(now, zone);
  const window = sendWindow(bloc.reminders, today, zone);
  if (!isWorkingDay(bloc.reminders, today) || !isInWindow(window, now)) return undefined;
  return { today, expiresAt: window.until };
}

/**
 * Whether `today` is a before-due day of `dueDate`: one of `before_due_days` calendar days before it,
 * or, when that day is a day off, the last working day before it. Several landing on one day are one
 * reminder (one claim key). One moved back before the period opens is not sent (nobody can report
 * yet; the next before-due day carries the message): `dueReminderFor` sends nothing before `openAt`.
 */
function isBeforeDueDay(policy: ReminderPolicy, dueDate: LocalDate, today: LocalDate): boolean {
  return policy.beforeDueDays.some((days) => {
    const day = lastWorkingDayOnOrBefore(policy, addDays(dueDate, -days));
    return day !== undefined && sameDay(day, today);
  });
}

/**
 * The reminder due now for a unit that has not submitted the period, if any (the caller checks
 * submission, claims the key and enqueues the message). Only on a working day (`weekdays`, not a
 * holiday) from `send_at` until office hours end:
 * - before the due day: on the `before_due_days` (see `isBeforeDueDay`), kind `before_due`;
 * - during grace days: none (the unit is still on time);
 * - late (from the on-time deadline until the lock): every `late_every_days` days counted from the
 *   first late day; a late day that falls on a day off is skipped, not moved;
 * - reopened by the secretariat (late or locked, reopening still running): `before_due` against the
 *   reopening's last day instead, and no late reminder.
 * An extension needs nothing here: it is already in `instants`, for everyone.
 */
export function dueReminderFor(bloc: ReminderBloc, unit: UnitPeriod, now: Date): DueReminder | undefined {
  const sending = sendingToday(bloc, now);
  if (!sending) return undefined;
  const { today, expiresAt } = sending;
  const policy = bloc.reminders;
  const zone = bloc.calendar.timezone;
  const { instants, reopening } = unit;
  const t = now.getTime();
  const due = (kind: ReminderKind, dueDate: LocalDate): DueReminder => ({
    key: { blocId: bloc.id, periodId: unit.periodId, unitId: unit.unitId, kind, day: formatLocalDate(today) },
    dueDate: formatLocalDate(dueDate),
    daysToDue: dayNumber(dueDate) - dayNumber(today),
    expiresAt,
  });

  if (t < instants.openAt.getTime()) return undefined;
  if (reopening && t >= instants.onTimeUntil.getTime() && t < reopening.until.getTime()) {
    // `until` is the midnight ending the reopening's last day.
    const lastDay = localDateOf(new Date(reopening.until.getTime() - 1), zone);
    return isBeforeDueDay(policy, lastDay, today) ? due('before_due', lastDay) : undefined;
  }
  // An early lock (`/khoaky`) may end the period before its due day: nothing to remind of then.
  if (t >= instants.lockAt.getTime()) return undefined;
  const dueDate = localDateOf(instants.dueDayStart, zone);
  if (t < instants.dueAt.getTime()) {
    return isBeforeDueDay(policy, dueDate, today) ? due('before_due', dueDate) : undefined;
  }
  if (t < instants.onTimeUntil.getTime()) return undefined;
  const lateDays = dayNumber(today) - dayNumber(localDateOf(instants.onTimeUntil, zone));
  return lateDays % policy.lateEveryDays === 0 ? due('late', dueDate) : undefined;
}

/** One period of a bloc, as escalation sees it (extension included in `instants`). */
export interface BlocPeriod {
  periodId: PeriodId;
  instants: PeriodInstants;
}

/**
 * The escalations due now for a period: from `escalate_after_late_days` days after the on-time
 * deadline until the lock, on each working day in the send window, one digest to the group and one
 * list to the secretariat (unit `WHOLE_BLOC`). The caller sends them only while some unit is missing.
 * When the day of escalation is a day off, the first working day after it is the first one.
 */
export function dueEscalations(bloc: ReminderBloc, period: BlocPeriod, now: Date): DueReminder[] {
  const sending = sendingToday(bloc, now);
  const { instants } = period;
  if (!sending || now.getTime() < instants.onTimeUntil.getTime() || now.getTime() >= instants.lockAt.getTime())
    return [];
  const { today, expiresAt } = sending;
  const zone = bloc.calendar.timezone;
  const firstDay = addDays(localDateOf(instants.onTimeUntil, zone), bloc.reminders.escalateAfterLateDays);
  if (dayNumber(today) < dayNumber(firstDay)) return [];
  const dueDate = localDateOf(instants.dueDayStart, zone);
  const kinds: ReminderKind[] = ['group_digest', 'secretariat_list'];
  return kinds.map((kind) => ({
    key: { blocId: bloc.id, periodId: period.periodId, unitId: WHOLE_BLOC, kind, day: formatLocalDate(today) },
    dueDate: formatLocalDate(dueDate),
    daysToDue: dayNumber(dueDate) - dayNumber(today),
    expiresAt,
  }));
}
