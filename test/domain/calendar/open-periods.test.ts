import { describe, expect, it } from 'vitest';
import type { CalendarRule } from '../../../src/domain/bloc.ts';
import {
  currentPeriod,
  describePeriodRefusal,
  openPeriodsFor,
  type PeriodOverrides,
} from '../../../src/domain/calendar/index.ts';
import { before, EXAMPLE, vn } from './fixtures.ts';

describe('currentPeriod: the latest period that has opened', () => {
  it.each([
    [before(vn('2023-06-10')), '2023-05'],
    [vn('2023-06-10'), '2023-06'],
    [vn('2023-06-16'), '2023-06'],
    [vn('2023-06-17'), '2023-06'],
    [vn('2023-06-30', '23:59'), '2023-06'],
    [vn('2023-07-01'), '2023-06'],
    [vn('2023-07-09', '23:59'), '2023-06'],
    [before(vn('2023-07-10')), '2023-06'],
    [vn('2023-07-10'), '2023-07'],
    [vn('2024-01-05'), '2023-12'],
    [vn('2024-01-10'), '2024-01'],
  ] as const)('at %s it is %s', (now, period) => {
    expect(currentPeriod(EXAMPLE, now)).toBe(period);
  });

  it('works for a calendar that opens in the month after the period', () => {
    const afterMonth: CalendarRule = {
      ...EXAMPLE,
      open: { day: 1, monthOffset: 1 },
      due: { day: 5, monthOffset: 1 },
      lock: { day: 31, monthOffset: 1 },
    };
    expect(currentPeriod(afterMonth, vn('2023-07-01'))).toBe('2023-06');
    expect(currentPeriod(afterMonth, before(vn('2023-07-01')))).toBe('2023-05');
    expect(currentPeriod(afterMonth, vn('2024-01-01'))).toBe('2023-12');
  });
});

describe('openPeriodsFor', () => {
  it('gives the one open period of the example calendar', () => {
    expect(openPeriodsFor(EXAMPLE, vn('2023-06-12')).map((p) => [p.id, p.state])).toEqual([['2023-06', 'open']]);
    expect(openPeriodsFor(EXAMPLE, vn('2023-06-16')).map((p) => [p.id, p.state])).toEqual([['2023-06', 'due']]);
    expect(openPeriodsFor(EXAMPLE, vn('2023-07-09', '23:59')).map((p) => [p.id, p.state])).toEqual([
      ['2023-06', 'late'],
    ]);
    expect(openPeriodsFor(EXAMPLE, vn('2023-07-10')).map((p) => [p.id, p.state])).toEqual([['2023-07', 'open']]);
  });

  it('adds an old period reopened for the unit, oldest first', () => {
    const now = vn('2023-07-20');
    const overrides = new Map<string, PeriodOverrides>([['2023-03', { reopening: { until: vn('2023-07-23') } }]]);
    const open = openPeriodsFor(EXAMPLE, now, (id) => overrides.get(id));
    expect(open.map((p) => [p.id, p.state, p.reopened])).toEqual([
      ['2023-03', 'open', true],
      ['2023-07', 'late', false],
    ]);
    expect(open[0]?.instants.lockAt).toEqual(vn('2023-04-10'));
    // Once the reopening ends, only the current period is left.
    expect(openPeriodsFor(EXAMPLE, vn('2023-07-23'), (id) => overrides.get(id)).map((p) => p.id)).toEqual(['2023-07']);
  });

  it('does not look further back than asked', () => {
    const reopened = (id: string): PeriodOverrides | undefined =>
      id === '2022-01' ? { reopening: { until: vn('2023-08-01') } } : undefined;
    expect(openPeriodsFor(EXAMPLE, vn('2023-07-20'), reopened).map((p) => p.id)).toEqual(['2023-07']);
    expect(openPeriodsFor(EXAMPLE, vn('2023-07-20'), reopened, 18).map((p) => p.id)).toEqual(['2022-01', '2023-07']);
  });

  it('keeps an extended period open beside the next one', () => {
    const extended = (id: string): PeriodOverrides | undefined =>
      id === '2023-06' ? { extension: { dueDate: '2023-07-12' } } : undefined;
    expect(openPeriodsFor(EXAMPLE, vn('2023-07-11'), extended).map((p) => [p.id, p.state])).toEqual([
      ['2023-06', 'open'],
      ['2023-07', 'open'],
    ]);
  });
});

describe('describePeriodRefusal', () => {
  it('accepts an open, due, late or reopened period', () => {
    expect(describePeriodRefusal(EXAMPLE, '2023-06', vn('2023-06-10'))).toBeUndefined();
    expect(describePeriodRefusal(EXAMPLE, '2023-06', vn('2023-06-16'))).toBeUndefined();
    expect(describePeriodRefusal(EXAMPLE, '2023-06', vn('2023-07-01'))).toBeUndefined();
    expect(
      describePeriodRefusal(EXAMPLE, '2023-05', vn('2023-07-01'), { reopening: { until: vn('2023-07-02') } }),
    ).toBeUndefined();
  });

  it('says when a period not open yet will open', () => {
    expect(describePeriodRefusal(EXAMPLE, '2023-07', vn('2023-07-09', '23:59'))).toEqual({
      key: 'period.refused.notOpenYet',
      params: { period: '2023-07', openAt: '2023-07-10' },
    });
  });

  it('says the last day a locked period was taken', () => {
    expect(describePeriodRefusal(EXAMPLE, '2023-05', vn('2023-06-10'))).toEqual({
      key: 'period.refused.locked',
      params: { period: '2023-05', lockedAt: '2023-06-09' },
    });
    expect(describePeriodRefusal(EXAMPLE, '2023-12', vn('2024-02-01'))).toEqual({
      key: 'period.refused.locked',
      params: { period: '2023-12', lockedAt: '2024-01-09' },
    });
  });

  it('refuses what is not a period id', () => {
    expect(describePeriodRefusal(EXAMPLE, '2023-13', vn('2023-06-10'))).toEqual({
      key: 'period.refused.notAPeriod',
      params: { period: '2023-13' },
    });
  });
});
