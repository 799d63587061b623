import { describe, expect, it } from 'vitest';
import {
  addMonths,
  comparePeriods,
  isPeriodId,
  makePeriodId,
  periodMonth,
  periodOf,
  periodYear,
} from '../../../src/domain/calendar/index.ts';
import { vn, ZONE } from './fixtures.ts';

describe('period ids', () => {
  it('recognises well-formed ids only', () => {
    expect(isPeriodId('2023-06')).toBe(true);
    expect(isPeriodId('2023-12')).toBe(true);
    for (const bad of ['2023-6', '2023-13', '2023-00', '23-06', '2023/06', '', 202306, undefined]) {
      expect(isPeriodId(bad)).toBe(false);
    }
  });

  it('splits and builds ids', () => {
    expect(periodYear('2023-06')).toBe(2023);
    expect(periodMonth('2023-06')).toBe(6);
    expect(makePeriodId(2024, 1)).toBe('2024-01');
    expect(() => periodYear('June')).toThrow(RangeError);
  });

  it('adds months across years, both ways', () => {
    expect(addMonths('2023-06', 1)).toBe('2023-07');
    expect(addMonths('2023-12', 1)).toBe('2024-01');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(addMonths('2023-06', -18)).toBe('2021-12');
    expect(addMonths('2023-06', 30)).toBe('2025-12');
    expect(addMonths('2023-06', 0)).toBe('2023-06');
  });

  it('orders periods oldest first', () => {
    expect(comparePeriods('2023-06', '2023-07')).toBeLessThan(0);
    expect(comparePeriods('2024-01', '2023-12')).toBeGreaterThan(0);
    expect(comparePeriods('2023-06', '2023-06')).toBe(0);
    expect(['2024-01', '2023-06', '2023-12'].sort(comparePeriods)).toEqual(['2023-06', '2023-12', '2024-01']);
  });

  it('finds the local month of an instant in Asia/Ho_Chi_Minh', () => {
    // 30 June 17:00Z is already 1 July 00:00 in Hà Nội.
    expect(periodOf(new Date('2023-06-30T16:59:59.999Z'), ZONE)).toBe('2023-06');
    expect(periodOf(new Date('2023-06-30T17:00:00.000Z'), ZONE)).toBe('2023-07');
    expect(periodOf(vn('2024-01-01'), ZONE)).toBe('2024-01');
    expect(periodOf(new Date('2023-06-30T17:00:00.000Z'), 'UTC')).toBe('2023-06');
  });
});
