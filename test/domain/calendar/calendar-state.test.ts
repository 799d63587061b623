import { describe, expect, it } from 'vitest';
import {
  acceptsReports,
  isOnTime,
  periodInstants,
  periodState,
  reopeningUntil,
  type PeriodOverrides,
} from '../../../src/domain/calendar/index.ts';
import { before, EXAMPLE, vn, WITH_GRACE } from './fixtures.ts';

describe('periodState at each boundary', () => {
  it.each([
    ['openAt − 1ms', before(vn('2023-06-10')), 'not_open'],
    ['openAt', vn('2023-06-10'), 'open'],
    ['dueDayStart − 1ms', before(vn('2023-06-16')), 'open'],
    ['dueDayStart', vn('2023-06-16'), 'due'],
    ['onTimeUntil − 1ms', before(vn('2023-06-17')), 'due'],
    ['onTimeUntil', vn('2023-06-17'), 'late'],
    ['lockAt − 1ms', before(vn('2023-07-10')), 'late'],
    ['lockAt', vn('2023-07-10'), 'locked'],
    ['long after', vn('2024-06-01'), 'locked'],
  ] as const)('example calendar, June at %s: %s', (_label, now, state) => {
    expect(periodState(EXAMPLE, '2023-06', now)).toBe(state);
  });

  it.each([
    ['dueDayStart', vn('2023-06-16'), 'due'],
    ['the due day ended', vn('2023-06-17'), 'due'],
    ['last grace day', vn('2023-06-18', '23:59'), 'due'],
    ['onTimeUntil − 1ms', before(vn('2023-06-19')), 'due'],
    ['onTimeUntil', vn('2023-06-19'), 'late'],
    ['lockAt', vn('2023-07-10'), 'locked'],
  ] as const)('with two grace days, June at %s: %s', (_label, now, state) => {
    expect(periodState(WITH_GRACE, '2023-06', now)).toBe(state);
  });

  it('takes reports while open, due and late only', () => {
    expect((['not_open', 'open', 'due', 'late', 'locked'] as const).map((s) => acceptsReports(s))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('an extension (/giahan)', () => {
  const extended: PeriodOverrides = { extension: { dueDate: '2023-06-25' } };

  it('keeps the period open before the new due day and due on it', () => {
    expect(periodState(EXAMPLE, '2023-06', vn('2023-06-16'), extended)).toBe('open');
    expect(periodState(EXAMPLE, '2023-06', before(vn('2023-06-25')), extended)).toBe('open');
    expect(periodState(EXAMPLE, '2023-06', vn('2023-06-25'), extended)).toBe('due');
    expect(periodState(EXAMPLE, '2023-06', before(vn('2023-06-26')), extended)).toBe('due');
  });

  it('makes the period late after the new due day, and locks as before', () => {
    expect(periodState(EXAMPLE, '2023-06', vn('2023-06-26'), extended)).toBe('late');
    expect(periodState(EXAMPLE, '2023-06', vn('2023-07-10'), extended)).toBe('locked');
  });

  it('past the lock, keeps the period due to the new deadline and then locks it', () => {
    const late: PeriodOverrides = { extension: { dueDate: '2023-07-12' } };
    expect(periodState(WITH_GRACE, '2023-06', vn('2023-07-10'), late)).toBe('open');
    expect(periodState(WITH_GRACE, '2023-06', vn('2023-07-14', '23:59'), late)).toBe('due');
    expect(periodState(WITH_GRACE, '2023-06', vn('2023-07-15'), late)).toBe('locked');
  });
});

describe('a reopening for one unit', () => {
  const now = vn('2023-07-20', '14:30');

  it('lasts to the end of the local day reopenDays days after today', () => {
    expect(reopeningUntil(EXAMPLE, now)).toEqual(vn('2023-07-24'));
    expect(reopeningUntil(EXAMPLE, now, 0)).toEqual(vn('2023-07-21'));
    expect(reopeningUntil(EXAMPLE, vn('2023-12-30', '23:59'), 3)).toEqual(vn('2024-01-03'));
    // 20:00Z on 19 July is already 20 July 03:00 in Hà Nội.
    expect(reopeningUntil(EXAMPLE, new Date('2023-07-19T20:00:00Z'), 1)).toEqual(vn('2023-07-22'));
    expect(() => reopeningUntil(EXAMPLE, now, -1)).toThrow(RangeError);
  });

  it('opens a locked period until it ends, then it is locked again', () => {
    const reopened: PeriodOverrides = { reopening: { until: reopeningUntil(EXAMPLE, now) } };
    expect(periodState(EXAMPLE, '2023-06', now)).toBe('locked');
    expect(periodState(EXAMPLE, '2023-06', now, reopened)).toBe('open');
    expect(periodState(EXAMPLE, '2023-06', before(vn('2023-07-24')), reopened)).toBe('open');
    expect(periodState(EXAMPLE, '2023-06', vn('2023-07-24'), reopened)).toBe('locked');
  });

  it('opens a late period, then it is late again', () => {
    const reopened: PeriodOverrides = { reopening: { until: vn('2023-06-25') } };
    expect(periodState(EXAMPLE, '2023-06', vn('2023-06-20'), reopened)).toBe('open');
    expect(periodState(EXAMPLE, '2023-06', vn('2023-06-25'), reopened)).toBe('late');
  });

  it('does not touch a period that is not open yet or still on time', () => {
    const reopened: PeriodOverrides = { reopening: { until: vn('2023-08-01') } };
    expect(periodState(EXAMPLE, '2023-06', before(vn('2023-06-10')), reopened)).toBe('not_open');
    expect(periodState(EXAMPLE, '2023-06', vn('2023-06-16'), reopened)).toBe('due');
  });

  it('does not make a report on time', () => {
    const reopened: PeriodOverrides = { reopening: { until: reopeningUntil(EXAMPLE, now) } };
    expect(isOnTime(periodInstants(EXAMPLE, '2023-06', reopened), now)).toBe(false);
  });
});
