import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInMonth,
  formatLocalDate,
  localDateOf,
  parseLocalDate,
  startOfLocalDay,
} from '../../../src/domain/calendar/index.ts';
import { ZONE } from './fixtures.ts';

describe('local dates in a time zone', () => {
  it('puts local midnight in Asia/Ho_Chi_Minh at 17:00Z the day before', () => {
    expect(startOfLocalDay({ year: 2023, month: 6, day: 10 }, ZONE).toISOString()).toBe('2023-06-09T17:00:00.000Z');
    expect(startOfLocalDay({ year: 2024, month: 1, day: 1 }, ZONE).toISOString()).toBe('2023-12-31T17:00:00.000Z');
    expect(localDateOf(new Date('2023-12-31T17:00:00Z'), ZONE)).toEqual({ year: 2024, month: 1, day: 1 });
    expect(localDateOf(new Date('2023-12-31T16:59:59.999Z'), ZONE)).toEqual({ year: 2023, month: 12, day: 31 });
  });

  it('follows a zone with summer time through Intl', () => {
    // Berlin moves to UTC+2 on 26 March 2023 at 02:00 and back on 29 October.
    expect(startOfLocalDay({ year: 2023, month: 3, day: 26 }, 'Europe/Berlin').toISOString()).toBe(
      '2023-03-25T23:00:00.000Z',
    );
    expect(startOfLocalDay({ year: 2023, month: 3, day: 27 }, 'Europe/Berlin').toISOString()).toBe(
      '2023-03-26T22:00:00.000Z',
    );
    expect(startOfLocalDay({ year: 2023, month: 10, day: 30 }, 'Europe/Berlin').toISOString()).toBe(
      '2023-10-29T23:00:00.000Z',
    );
  });

  it('answers a midnight asked again the same, in a Date of its own', () => {
    const day = { year: 2023, month: 6, day: 16 };
    const first = startOfLocalDay(day, ZONE);
    // Remembered midnights are handed out as new Dates: a caller that changes one changes no other.
    first.setTime(0);
    expect(startOfLocalDay(day, ZONE).toISOString()).toBe('2023-06-15T17:00:00.000Z');
    expect(startOfLocalDay(day, 'Europe/Berlin').toISOString()).toBe('2023-06-15T22:00:00.000Z');
  });

  it('counts days and months', () => {
    expect(addDays({ year: 2023, month: 12, day: 30 }, 3)).toEqual({ year: 2024, month: 1, day: 2 });
    expect(addDays({ year: 2024, month: 3, day: 1 }, -1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2100, 2), daysInMonth(2023, 4)]).toEqual([
      29, 28, 28, 30,
    ]);
  });

  it('reads and writes YYYY-MM-DD, real dates only', () => {
    expect(parseLocalDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseLocalDate('2023-02-29')).toBeUndefined();
    expect(parseLocalDate('2023-6-1')).toBeUndefined();
    expect(formatLocalDate({ year: 2023, month: 6, day: 1 })).toBe('2023-06-01');
  });
});
