import { describe, expect, it } from 'vitest';
import type { CalendarRule } from '../../../src/domain/bloc.ts';
import { calendarDate, isOnTime, periodInstants } from '../../../src/domain/calendar/index.ts';
import { EXAMPLE, vn, WITH_GRACE } from './fixtures.ts';

describe('periodInstants', () => {
  it('places the example calendar of June on local midnights', () => {
    const june = periodInstants(EXAMPLE, '2023-06');
    // Local 00:00 in Hà Nội is 17:00Z the day before.
    expect(june.openAt.toISOString()).toBe('2023-06-09T17:00:00.000Z');
    expect(june).toEqual({
      openAt: vn('2023-06-10'),
      dueDayStart: vn('2023-06-16'),
      dueAt: vn('2023-06-17'),
      onTimeUntil: vn('2023-06-17'),
      lockAt: vn('2023-07-10'),
    });
    // June locks exactly when July opens.
    expect(june.lockAt).toEqual(periodInstants(EXAMPLE, '2023-07').openAt);
  });

  it('adds grace days after the end of the due day', () => {
    const june = periodInstants(WITH_GRACE, '2023-06');
    expect(june.dueAt).toEqual(vn('2023-06-17'));
    expect(june.onTimeUntil).toEqual(vn('2023-06-19'));
    expect(june.lockAt).toEqual(vn('2023-07-10'));
  });

  it('puts the lock day of December in January of the next year', () => {
    const december = periodInstants(EXAMPLE, '2023-12');
    expect(december.openAt).toEqual(vn('2023-12-10'));
    expect(december.lockAt).toEqual(vn('2024-01-10'));
    expect(calendarDate('2023-12', EXAMPLE.lock)).toEqual({ year: 2024, month: 1, day: 9 });
  });

  describe('clamps days past the end of the month', () => {
    const endOfMonth: CalendarRule = {
      ...EXAMPLE,
      due: { day: 31, monthOffset: 0 },
      lock: { day: 31, monthOffset: 1 },
    };

    it('31 in April is 30 April', () => {
      expect(calendarDate('2023-04', endOfMonth.due)).toEqual({ year: 2023, month: 4, day: 30 });
      const april = periodInstants(endOfMonth, '2023-04');
      expect(april.dueDayStart).toEqual(vn('2023-04-30'));
      expect(april.dueAt).toEqual(vn('2023-05-01'));
      expect(april.lockAt).toEqual(vn('2023-06-01')); // 31 May is a real day
    });

    it('30 and 31 in February are its last day, by leap year', () => {
      for (const day of [29, 30, 31]) {
        expect(calendarDate('2024-02', { day, monthOffset: 0 })).toEqual({ year: 2024, month: 2, day: 29 });
        expect(calendarDate('2023-02', { day, monthOffset: 0 })).toEqual({ year: 2023, month: 2, day: 28 });
      }
      expect(periodInstants(endOfMonth, '2024-02').dueAt).toEqual(vn('2024-03-01'));
      expect(periodInstants(endOfMonth, '2023-02').dueDayStart).toEqual(vn('2023-02-28'));
      // A lock on the 31st of the month after January lands on the end of February.
      expect(periodInstants(endOfMonth, '2024-01').lockAt).toEqual(vn('2024-03-01'));
      expect(periodInstants(endOfMonth, '2023-01').lockAt).toEqual(vn('2023-03-01'));
    });

    it('grace days run on into the next month', () => {
      const april = periodInstants({ ...endOfMonth, graceDays: 2 }, '2023-04');
      expect(april.onTimeUntil).toEqual(vn('2023-05-03'));
    });
  });

  it('an extension moves the due day and the on-time deadline, not the opening', () => {
    const june = periodInstants(WITH_GRACE, '2023-06', { extension: { dueDate: '2023-06-25' } });
    expect(june.openAt).toEqual(vn('2023-06-10'));
    expect(june.dueDayStart).toEqual(vn('2023-06-25'));
    expect(june.dueAt).toEqual(vn('2023-06-26'));
    expect(june.onTimeUntil).toEqual(vn('2023-06-28'));
    expect(june.lockAt).toEqual(vn('2023-07-10'));
  });

  it('an extension past the lock moves the lock to the on-time deadline', () => {
    const june = periodInstants(WITH_GRACE, '2023-06', { extension: { dueDate: '2023-07-12' } });
    expect(june.onTimeUntil).toEqual(vn('2023-07-15'));
    expect(june.lockAt).toEqual(vn('2023-07-15'));
  });

  it('refuses a malformed extension date (the flow checks it first)', () => {
    expect(() => periodInstants(EXAMPLE, '2023-06', { extension: { dueDate: '2023-02-30' } })).toThrow(RangeError);
  });

  it('a report is on time before onTimeUntil only', () => {
    const june = periodInstants(WITH_GRACE, '2023-06');
    expect(isOnTime(june, vn('2023-06-18', '23:59'))).toBe(true);
    expect(isOnTime(june, new Date(vn('2023-06-19').getTime() - 1))).toBe(true);
    expect(isOnTime(june, vn('2023-06-19'))).toBe(false);
  });
});
