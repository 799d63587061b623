import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../src/domain/bloc.ts';
import { validationFinding } from '../../../src/domain/validation/index.ts';

const base: Indicator = {
  code: 'x',
  number: 1,
  name: { vi: 'x', en: 'x' },
  kind: 'amount',
  unit: 'billion_vnd',
  decimals: 1,
  range: { min: 0, max: 1e9 },
  required: true,
  aggregation: 'cumulative',
  ratioAtMostOne: true,
};
const amount = (over: Partial<Indicator> = {}): Indicator => ({ ...base, ...over });
const scalar = (value: number) => ({ type: 'scalar' as const, value });
const ratio = (numerator: number, denominator: number) => ({ type: 'ratio' as const, numerator, denominator });
const sameYear = (previous: number) => ({ previous: scalar(previous), previousSameYear: true });

describe('validationFinding: a ratio against the unit plan', () => {
  const communes = amount({ kind: 'ratio', unit: 'communes', aggregation: 'stock' });

  it('asks back a total other than the plan: Bảo Yên has 17 communes, not the province total 152', () => {
    expect(validationFinding(communes, ratio(152, 152), { plan: 17, previousSameYear: true })).toEqual({
      rule: 'denominator',
      plan: 17,
    });
    expect(validationFinding(communes, ratio(12, 17), { plan: 17, previousSameYear: true })).toBeUndefined();
  });

  it('says nothing without a plan', () => {
    expect(validationFinding(communes, ratio(152, 152), { previousSameYear: true })).toBeUndefined();
  });
});

describe('validationFinding: a figure against the same unit previous month', () => {
  it('a cumulative amount or count below last month of the same year', () => {
    expect(validationFinding(amount(), scalar(40), sameYear(45.2))).toEqual({ rule: 'belowPrevious', previous: 45.2 });
    expect(validationFinding(amount({ kind: 'count', unit: 'people' }), scalar(1099), sameYear(1100))).toEqual({
      rule: 'belowPrevious',
      previous: 1100,
    });
    expect(validationFinding(amount(), scalar(45.2), sameYear(45.2))).toBeUndefined();
    // January starts the year again: December's year to date is no floor, nor a scale.
    expect(validationFinding(amount(), scalar(3), { previous: scalar(450), previousSameYear: false })).toBeUndefined();
  });

  it('a figure of the month or a level may go down, but not past a tenth, nor up past ten times', () => {
    const monthly = amount({ kind: 'count', unit: 'times', aggregation: 'period' });
    expect(validationFinding(monthly, scalar(12), sameYear(40))).toBeUndefined();
    expect(validationFinding(monthly, scalar(3), sameYear(40))).toEqual({ rule: 'belowTenth', previous: 40 });
    expect(validationFinding(monthly, scalar(401), sameYear(40))).toEqual({ rule: 'aboveTenfold', previous: 40 });
    expect(validationFinding(monthly, scalar(400), sameYear(40))).toBeUndefined();
    expect(validationFinding(monthly, scalar(4), sameYear(40))).toBeUndefined();
    // Across the year's end too, for what is not year to date.
    expect(validationFinding(monthly, scalar(401), { previous: scalar(40), previousSameYear: false })).toEqual({
      rule: 'aboveTenfold',
      previous: 40,
    });
    const level = amount({ kind: 'number', unit: 'criteria', aggregation: 'stock' });
    expect(validationFinding(level, scalar(1.07), sameYear(10.61))).toBeUndefined();
    expect(validationFinding(level, scalar(1.06), sameYear(10.61))).toEqual({ rule: 'belowTenth', previous: 10.61 });
  });

  it('a cumulative amount ten times last month is asked too (a misplaced thousands dot)', () => {
    expect(validationFinding(amount(), scalar(20207), sameYear(1800))).toEqual({
      rule: 'aboveTenfold',
      previous: 1800,
    });
  });

  it('needs both figures non-zero for the tenfold rules, and leaves percent kinds to their ranges', () => {
    const monthly = amount({ kind: 'count', unit: 'times', aggregation: 'period' });
    expect(validationFinding(monthly, scalar(0), sameYear(40))).toBeUndefined();
    expect(validationFinding(monthly, scalar(40), sameYear(0))).toBeUndefined();
    for (const kind of ['percent', 'percent_of_plan', 'yoy_percent'] as const) {
      expect(validationFinding(amount({ kind, unit: 'percent' }), scalar(5), sameYear(91)), kind).toBeUndefined();
    }
    expect(validationFinding(amount(), scalar(5), { previousSameYear: true })).toBeUndefined();
  });
});
