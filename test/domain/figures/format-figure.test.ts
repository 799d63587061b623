import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../src/domain/bloc.ts';
import {
  exampleFor,
  formatFigure,
  formatNumber,
  formatPercent,
  percentOfPlan,
  readFigure,
} from '../../../src/domain/figures/index.ts';
import {
  AMOUNT,
  CRITERIA,
  FREE_RATIO,
  GROWTH,
  INDICATOR_CODES,
  MILLIONS,
  PEOPLE,
  PERCENT,
  PLAN_PERCENT,
  RATIO,
  SMALL_COUNT,
  indicator,
} from './fixtures.ts';

describe('formatNumber', () => {
  it.each([
    [20207, 1, '20.207'],
    [20207.5, 1, '20.207,5'],
    [51.6, 1, '51,6'],
    [51.66, 1, '51,7'],
    [40, 1, '40'],
    [1234567.891, 2, '1.234.567,89'],
    [9224, 0, '9.224'],
    [999, 0, '999'],
    [1000, 0, '1.000'],
    [-5.5, 1, '-5,5'],
    [-0, 1, '0'],
    [0.5, 3, '0,5'],
  ])('formats %d with %d decimals as %s', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it('prints only ASCII separators, whatever the ICU build', () => {
    expect(formatNumber(-1234567.5, 1)).toMatch(/^-?[\d.,]+$/);
  });

  it('survives decimals Intl would refuse', () => {
    expect(formatNumber(1.5, -3)).toBe('2');
    expect(formatNumber(1.5, 500)).toBe('1,5');
    expect(formatNumber(1.5, Number.NaN)).toBe('2');
  });
});

describe('formatPercent', () => {
  it.each([
    [40, '40,0'],
    [105.26, '105,3'],
    [0, '0,0'],
    [1234.56, '1.234,6'],
  ])('formats %d as %s', (p, expected) => {
    expect(formatPercent(p)).toBe(expected);
  });
});

describe('percentOfPlan', () => {
  it('divides by the plan', () => {
    expect(percentOfPlan({ type: 'scalar', value: 20207 }, 50517.5)).toBeCloseTo(40, 10);
    expect(percentOfPlan(50, 200)).toBe(25);
    expect(percentOfPlan({ type: 'ratio', numerator: 62, denominator: 124 }, 1)).toBe(50);
  });

  it('has no answer without a usable plan', () => {
    expect(percentOfPlan(10, 0)).toBeUndefined();
    expect(percentOfPlan(10, -5)).toBeUndefined();
    expect(percentOfPlan(10, Number.NaN)).toBeUndefined();
    expect(percentOfPlan(10, Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('reads as the standings show it', () => {
    expect(formatPercent(percentOfPlan(20207, 50517.5) ?? Number.NaN)).toBe('40,0');
  });
});

describe('formatFigure', () => {
  const shown: Array<[number, Indicator, string]> = [
    [20207, AMOUNT, '20.207'],
    [20207.5, AMOUNT, '20.207,5'],
    [51.6, PLAN_PERCENT, '51,6'],
    [99.7, PERCENT, '99,7'],
    [10.61, CRITERIA, '10,61'],
    [10, CRITERIA, '10'],
    [9224, PEOPLE, '9.224'],
    [-5, GROWTH, '-5'],
    // The echo never rounds away what was typed.
    [66.62, PLAN_PERCENT, '66,62'],
    [0.00025, AMOUNT, '0,00025'],
    [1234567.891, MILLIONS, '1.234.567,891'],
    [5e-7, AMOUNT, '0,0000005'],
  ];
  // The name shows the indicator's code and the expected text, not an object.
  it.each(shown.map(([value, ind, expected]) => [value, ind.code, expected, ind] as const))(
    'shows %d (%s) as %s',
    (value, _code, expected, ind) => {
      expect(formatFigure({ type: 'scalar', value }, ind)).toBe(expected);
    },
  );

  it('groups both parts of a ratio', () => {
    expect(formatFigure({ type: 'ratio', numerator: 152, denominator: 152 }, RATIO)).toBe('152/152');
    expect(formatFigure({ type: 'ratio', numerator: 1234, denominator: 2000 }, FREE_RATIO)).toBe('1.234/2.000');
  });
});

describe('exampleFor', () => {
  it.each(
    (
      [
        [AMOUNT, '20.207'],
        [PLAN_PERCENT, '51,6'],
        [PERCENT, '99,7'],
        [PEOPLE, '1.502'],
        [CRITERIA, '10,61'],
        [RATIO, '152/152'],
        [FREE_RATIO, '62/127'],
        [SMALL_COUNT, '516'],
      ] as const
    ).map(([ind, expected]) => [ind.code, expected, ind] as const),
  )('gives %s the example %s', (_code, expected, ind) => {
    expect(exampleFor(ind)).toBe(expected);
  });

  it('stays inside a narrow range', () => {
    expect(exampleFor(indicator('huy-dong-hoc-sinh', { range: { min: 0, max: 10 } }))).toBe('5,2');
  });

  it('gives examples the reader takes as they are', () => {
    const all = [...INDICATOR_CODES.map((c) => indicator(c)), MILLIONS, GROWTH, FREE_RATIO, SMALL_COUNT];
    for (const ind of all) {
      expect(readFigure(exampleFor(ind), ind).type, ind.code).toBe('value');
    }
  });
});
