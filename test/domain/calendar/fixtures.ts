import type { CalendarRule } from '../../../src/domain/bloc.ts';

export const ZONE = 'Asia/Ho_Chi_Minh';

/** The example calendar of design.md: open on the 10th, due on the 16th, lock on the 9th of the next month. */
export const EXAMPLE: CalendarRule = {
  timezone: ZONE,
  open: { day: 10, monthOffset: 0 },
  due: { day: 16, monthOffset: 0 },
  graceDays: 0,
  lock: { day: 9, monthOffset: 1 },
  reopenDays: 3,
};

export const WITH_GRACE: CalendarRule = { ...EXAMPLE, graceDays: 2 };

/**
 * The instant of a wall-clock time in Asia/Ho_Chi_Minh (UTC+7), written out so tests do not rely on the
 * code under test.
 */
export function vn(date: string, time = '00:00'): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

/** One millisecond earlier. */
export function before(instant: Date): Date {
  return new Date(instant.getTime() - 1);
}
