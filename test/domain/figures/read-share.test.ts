import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../src/domain/bloc.ts';
import { exampleFor, readAsShareOfPlan } from '../../../src/domain/figures/index.ts';

const communes: Indicator = {
  code: 'pho-cap-giao-duc',
  number: 6,
  name: { vi: 'Xã đạt chuẩn phổ cập giáo dục', en: 'x' },
  kind: 'ratio',
  unit: 'communes',
  decimals: 0,
  range: { min: 0, max: 100 },
  required: true,
  aggregation: 'stock',
  ratioAtMostOne: true,
};

describe('readAsShareOfPlan', () => {
  it('reads a bare whole number as a share of the plan: 17 of 17 communes', () => {
    expect(readAsShareOfPlan('17', communes, 17)).toEqual({
      type: 'value',
      value: { type: 'ratio', numerator: 17, denominator: 17 },
    });
    expect(readAsShareOfPlan('12 xã', communes, 17)).toMatchObject({ value: { numerator: 12, denominator: 17 } });
  });

  it('refuses more than the plan, and reads nothing from a ratio, another unit or without a plan', () => {
    expect(readAsShareOfPlan('20', communes, 17)).toMatchObject({ type: 'error', key: 'figures.errors.ratioAboveOne' });
    expect(readAsShareOfPlan('17/17', communes, 17)).toBeUndefined();
    expect(readAsShareOfPlan('17 người', communes, 17)).toBeUndefined();
    expect(readAsShareOfPlan('17', communes, undefined)).toBeUndefined();
    expect(readAsShareOfPlan('17', { ...communes, kind: 'count' }, 17)).toBeUndefined();
  });
});

describe('exampleFor a ratio', () => {
  it('fits the unit when its plan is known, else the province example', () => {
    expect(exampleFor(communes, 17)).toBe('17/17');
    expect(exampleFor({ ...communes, ratioAtMostOne: false }, 16)).toBe('8/16');
    expect(exampleFor(communes)).toBe('152/152');
  });
});
