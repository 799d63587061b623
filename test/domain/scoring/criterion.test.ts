import { describe, expect, it } from 'vitest';
import { scoreCriterion } from '../../../src/domain/scoring/index.ts';
import type { FigureValue } from '../../../src/domain/figure.ts';
import { banded, indicator, linear } from './fixtures.ts';

const fig = (value: number | [number, number], estimate = false) => ({
  value: (Array.isArray(value)
    ? { type: 'ratio', numerator: value[0], denominator: value[1] }
    : { type: 'scalar', value }) as FigureValue,
  periods: ['2023-06'],
  estimate,
});

// thu ngân sách: 20 điểm chuẩn, +1 per 10 % above plan (at most 3), −1 per 10 % below 80 % (at most 2).
const budget = indicator(
  'thu',
  'amount',
  'cumulative',
  linear(20, {
    bonus: { stepPercent: 10, points: 1, max: 3 },
    minus: { belowPercent: 80, stepPercent: 10, points: 1, max: 2 },
  }),
);

describe('linear rules on an amount against the plan', () => {
  it('earns benchmark × completion / 100: 90 of a plan of 200 is 45 %, 9 points', () => {
    const c = scoreCriterion(budget, 200, fig(90));
    expect(c.completion).toBeCloseTo(45, 9);
    expect(c.basis).toEqual({ kind: 'plan', plan: 200 });
    expect(c.earned).toBeCloseTo(9, 9);
    expect(c.rule).toEqual({ method: 'linear', counted: 45, capPercent: 100, capped: false });
  });

  it('caps completion at cap_percent: 250 of 200 is 125 % but earns the 20 of 100 %, plus 2 bonus steps', () => {
    const c = scoreCriterion(budget, 200, fig(250));
    expect(c.completion).toBeCloseTo(125, 9);
    expect(c.rule).toEqual({ method: 'linear', counted: 100, capPercent: 100, capped: true });
    expect(c.earned).toBe(20);
    expect(c.bonus).toBe(2);
    expect(c.appliedBonus).toEqual({ steps: 2, stepPercent: 10, pointsPerStep: 1, max: 3, capped: false });
    expect(c.points).toBe(22);
  });

  it('caps the bonus at its max: 300 of 200 is 5 steps above 100 % but earns 3', () => {
    const c = scoreCriterion(budget, 200, fig(300));
    expect(c.bonus).toBe(3);
    expect(c.appliedBonus).toMatchObject({ steps: 5, capped: true });
    expect(c.points).toBe(23);
  });

  it('counts whole bonus steps only: 109,99 % earns none, exactly 110 % (computed as 220 ÷ 200) earns one', () => {
    expect(scoreCriterion(budget, 200, fig(219.98)).bonus).toBe(0);
    expect(scoreCriterion(budget, 200, fig(220)).bonus).toBe(1);
  });

  it('takes minus points per whole step below the floor: 65 % is one step under 80 %, 13 − 1 = 12', () => {
    const c = scoreCriterion(budget, 200, fig(130));
    expect(c.earned).toBeCloseTo(13, 9);
    expect(c.minus).toBe(1);
    expect(c.appliedMinus).toEqual({
      belowPercent: 80,
      steps: 1,
      stepPercent: 10,
      pointsPerStep: 1,
      max: 2,
      capped: false,
    });
    expect(c.points).toBeCloseTo(12, 9);
  });

  it('caps the minus at its max: 45 % is 3 steps under 80 % but loses 2', () => {
    const c = scoreCriterion(budget, 200, fig(90));
    expect(c.minus).toBe(2);
    expect(c.appliedMinus).toMatchObject({ steps: 3, capped: true });
    expect(c.points).toBeCloseTo(7, 9);
  });

  it('shows an amount without a plan but does not score it', () => {
    const c = scoreCriterion(budget, undefined, fig(90));
    expect(c).toMatchObject({ outcome: 'unscored', unscoredReason: 'noPlan', benchmark: 0, points: 0 });
    expect(c.figure?.value).toEqual({ type: 'scalar', value: 90 });
  });

  it('scores a rule with no figure as 0 of its benchmark', () => {
    const c = scoreCriterion(budget, 200, undefined);
    expect(c).toMatchObject({ outcome: 'noFigure', benchmark: 20, earned: 0, points: 0 });
  });
});

describe('completion by kind', () => {
  it('takes the reported percent of percent_of_plan: Bảo Yên 51,6 % × 10 điểm chuẩn = 5,16', () => {
    const crop = indicator('cay', 'percent_of_plan', 'cumulative', linear(10));
    const c = scoreCriterion(crop, undefined, fig(51.6));
    expect(c.basis).toEqual({ kind: 'reported' });
    expect(c.completion).toBe(51.6);
    expect(c.earned).toBe(5.16);
  });

  it('measures a ratio a ÷ b against the target: 62/127 against half the communes is 97,6 %', () => {
    const ntm = indicator('ntm', 'ratio', 'stock', linear(10, { target: 0.5 }));
    const c = scoreCriterion(ntm, undefined, fig([62, 127]));
    expect(c.basis).toEqual({ kind: 'target', target: 0.5 });
    // 62 / 127 = 0,488189; ÷ 0,5 = 97,6378 %; × 10 / 100 = 9,76378.
    expect(c.completion).toBeCloseTo(97.6378, 4);
    expect(c.earned).toBeCloseTo(9.76378, 5);
    expect(scoreCriterion(ntm, undefined, fig([6, 12])).earned).toBe(10);
  });

  it('measures a number against the target, held at a cap above 100 %', () => {
    const criteria = indicator('tieu-chi', 'number', 'stock', linear(10, { target: 15, capPercent: 120 }));
    expect(scoreCriterion(criteria, undefined, fig(16.5)).earned).toBeCloseTo(11, 9);
    const high = scoreCriterion(criteria, undefined, fig(19));
    expect(high.completion).toBeCloseTo(126.667, 3);
    expect(high.rule).toEqual({ method: 'linear', counted: 120, capPercent: 120, capped: true });
    expect(high.earned).toBeCloseTo(12, 9);
  });

  it('does not score a linear percent without a target', () => {
    const p = indicator('p', 'percent', 'stock', linear(10));
    expect(scoreCriterion(p, undefined, fig(90))).toMatchObject({ outcome: 'unscored', unscoredReason: 'noTarget' });
  });

  it('shows an indicator without a rule, unscored, with its figure and estimate mark', () => {
    const medals = indicator('khen', 'count', 'period');
    const c = scoreCriterion(medals, 50, fig(12, true));
    expect(c).toMatchObject({ outcome: 'unscored', unscoredReason: 'noRule', benchmark: 0, points: 0 });
    expect(c.figure).toMatchObject({ value: { type: 'scalar', value: 12 }, estimate: true });
  });
});

describe('bands', () => {
  const enrolment = indicator(
    'hoc',
    'percent',
    'stock',
    banded(10, [
      { from: 99, points: 10 },
      { from: 98, points: 8 },
      { from: 95, points: 5 },
      { from: 0, points: 0 },
    ]),
  );

  it('reads the value itself for a percent without target, the band edge inclusive', () => {
    const edge = scoreCriterion(enrolment, undefined, fig(98));
    expect(edge.earned).toBe(8);
    expect(edge.rule).toEqual({ method: 'bands', on: 'value', measured: 98, band: { from: 98, points: 8 } });
    expect(edge.completion).toBeUndefined();
    expect(scoreCriterion(enrolment, undefined, fig(97.99)).earned).toBe(5);
    expect(scoreCriterion(enrolment, undefined, fig(99.7)).earned).toBe(10);
  });

  it('reads completion for an amount, and 0 points when no band is reached', () => {
    const amount = indicator(
      'a',
      'amount',
      'cumulative',
      banded(10, [
        { from: 100, points: 10 },
        { from: 50, points: 4 },
      ]),
    );
    // 99 of a plan of 99 is exactly 100 % however the division rounds.
    expect(scoreCriterion(amount, 99, fig(99)).earned).toBe(10);
    const low = scoreCriterion(amount, 200, fig(60));
    expect(low.rule).toEqual({ method: 'bands', on: 'completion', measured: 30 });
    expect(low.earned).toBe(0);
  });
});
