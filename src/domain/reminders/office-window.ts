import type { ClockTime, ReminderPolicy } from '../bloc.ts';
import { startOfLocalDay, type LocalDate } from '../calendar/zoned-time.ts';

/** When on one local day a reminder may go out: from `send_at` until office hours end. */
export interface SendWindow {
  from: Date;
  /** The end of office hours that day: the outbox row of the reminder expires then. */
  until: Date;
}

function minutesOf(time: ClockTime): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`Not a time (HH:MM): ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The window of `date` in `timezone`. Times are counted from local midnight, which is exact in zones
 * without daylight saving (Asia/Ho_Chi_Minh); on a DST change day they would be off by the shift.
 */
export function sendWindow(policy: ReminderPolicy, date: LocalDate, timezone: string): SendWindow {
  const midnight = startOfLocalDay(date, timezone).getTime();
  return {
    from: new Date(midnight + minutesOf(policy.sendAt) * 60_000),
    until: new Date(midnight + minutesOf(policy.officeHours.end) * 60_000),
  };
}

/** Whether `now` lies in the window (the start included, the end not). */
export function isInWindow(window: SendWindow, now: Date): boolean {
  return now.getTime() >= window.from.getTime() && now.getTime() < window.until.getTime();
}
