import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarRule } from '../../../src/domain/bloc.ts';
import {
  addMonths,
  currentPeriod,
  openPeriodsFor,
  periodInstants,
  periodOf,
  periodState,
} from '../../../src/domain/calendar/index.ts';
import { EXAMPLE, ZONE } from './fixtures.ts';

const instants2020to2030 = fc
  .integer({ min: Date.UTC(2019, 11, 31, 17), max: Date.UTC(2030, 11, 31, 16, 59, 59, 999) })
  .map((ms) => new Date(ms));

describe('calendar properties', () => {
  it('with the example calendar, exactly one period is open at any instant of 2020–2030: the current one', () => {
    fc.assert(
      fc.property(instants2020to2030, (now) => {
        const open = openPeriodsFor(EXAMPLE, now);
        expect(open.length).toBeGreaterThanOrEqual(1);
        expect(open.map((p) => p.id)).toEqual([currentPeriod(EXAMPLE, now)]);
        // Cross-check by brute force around the local month.
        const here = periodOf(now, ZONE);
        const states = [-2, -1, 0, 1].map((n) => periodState(EXAMPLE, addMonths(here, n), now));
        expect(states.filter((s) => s !== 'not_open' && s !== 'locked')).toHaveLength(1);
      }),
      { numRuns: 2000 },
    );
  });

  const rules = fc
    .record({
      open: fc.integer({ min: 1, max: 31 }),
      dueAfterOpen: fc.integer({ min: 0, max: 40 }),
      graceDays: fc.integer({ min: 0, max: 5 }),
      lockAfterDue: fc.integer({ min: 0, max: 60 }),
    })
    .map(({ open, dueAfterOpen, graceDays, lockAfterDue }): CalendarRule => {
      const dueAbs = open + dueAfterOpen;
      const lockAbs = dueAbs + lockAfterDue;
      const day = (abs: number) => ({ day: ((abs - 1) % 31) + 1, monthOffset: Math.floor((abs - 1) / 31) });
      return { timezone: ZONE, open: day(open), due: day(dueAbs), graceDays, lock: day(lockAbs), reopenDays: 3 };
    });

  it('instants are in order and the current period has opened while the next has not', () => {
    fc.assert(
      fc.property(rules, instants2020to2030, (rule, now) => {
        const current = currentPeriod(rule, now);
        const i = periodInstants(rule, current);
        expect(i.openAt.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(periodInstants(rule, addMonths(current, 1)).openAt.getTime()).toBeGreaterThan(now.getTime());
        expect(i.openAt <= i.dueDayStart).toBe(true);
        expect(i.dueDayStart < i.dueAt).toBe(true);
        expect(i.dueAt <= i.onTimeUntil).toBe(true);
        expect(i.onTimeUntil <= i.lockAt).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
