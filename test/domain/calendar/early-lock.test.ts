import { describe, expect, it } from 'vitest';
import {
  describePeriodRefusal,
  isOnTime,
  periodInstants,
  periodState,
  type PeriodOverrides,
} from '../../../src/domain/calendar/index.ts';
import { before, EXAMPLE, vn, WITH_GRACE } from './fixtures.ts';

describe('an early lock (/khoaky)', () => {
  const lockedOn20 = { earlyLock: { at: vn('2023-06-20', '10:00') } };

  it('locks a late period at its instant, not at the end of the day', () => {
    expect(periodInstants(EXAMPLE, '2023-06', lockedOn20).lockAt).toEqual(vn('2023-06-20', '10:00'));
    expect(periodState(EXAMPLE, '2023-06', before(vn('2023-06-20', '10:00')), lockedOn20)).toBe('late');
    expect(periodState(EXAMPLE, '2023-06', vn('2023-06-20', '10:00'), lockedOn20)).toBe('locked');
    expect(periodState(EXAMPLE, '2023-06', vn('2023-07-05'), lockedOn20)).toBe('locked');
  });

  it('locks a period still open or due: closing early ends the on-time window too', () => {
    const lockedOn12 = { earlyLock: { at: vn('2023-06-12', '09:00') } };
    expect(periodState(EXAMPLE, '2023-06', vn('2023-06-11'), lockedOn12)).toBe('open');
    expect(periodState(EXAMPLE, '2023-06', vn('2023-06-12', '09:00'), lockedOn12)).toBe('locked');
    expect(periodState(EXAMPLE, '2023-06', vn('2023-06-16', '12:00'), lockedOn12)).toBe('locked');
    // What came in before the lock was on time: the on-time deadline itself does not move.
    const instants = periodInstants(EXAMPLE, '2023-06', lockedOn12);
    expect(instants.onTimeUntil).toEqual(vn('2023-06-17'));
    expect(isOnTime(instants, vn('2023-06-11', '16:00'))).toBe(true);
  });

  it('never moves the lock later: one after the rule’s lock changes nothing', () => {
    const late = { earlyLock: { at: vn('2023-07-15') } };
    expect(periodInstants(EXAMPLE, '2023-06', late).lockAt).toEqual(vn('2023-07-10'));
  });

  it('wins over the lock an extension pushed past the rule’s lock day', () => {
    const both: PeriodOverrides = {
      extension: { dueDate: '2023-07-09' },
      earlyLock: { at: vn('2023-07-01', '08:00') },
    };
    expect(periodInstants(WITH_GRACE, '2023-06', { extension: both.extension }).lockAt).toEqual(vn('2023-07-12'));
    expect(periodInstants(WITH_GRACE, '2023-06', both).lockAt).toEqual(vn('2023-07-01', '08:00'));
  });

  it('a reopening made after it still opens the period for its unit', () => {
    const reopened = { ...lockedOn20, reopening: { until: vn('2023-06-24') } };
    expect(periodState(EXAMPLE, '2023-06', vn('2023-06-21'), reopened)).toBe('open');
    expect(periodState(EXAMPLE, '2023-06', vn('2023-06-24'), reopened)).toBe('locked');
  });

  it('is refused as locked on the day it locked', () => {
    expect(describePeriodRefusal(EXAMPLE, '2023-06', vn('2023-06-20', '11:00'), lockedOn20)).toEqual({
      key: 'period.refused.locked',
      params: { period: '2023-06', lockedAt: '2023-06-20' },
    });
    // The rule's lock at the end of 9 July still names 9 July.
    expect(describePeriodRefusal(EXAMPLE, '2023-06', vn('2023-07-10'))?.params.lockedAt).toBe('2023-07-09');
  });
});
