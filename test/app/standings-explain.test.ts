import { describe, expect, it } from 'vitest';
import { explainCriterion } from '../../src/app/standings-explain.ts';
import type { FigureValue } from '../../src/domain/figure.ts';
import { scoreCriterion } from '../../src/domain/scoring/index.ts';
import { renderMessage } from '../../src/i18n/render.ts';
import { banded, indicator, linear } from '../domain/scoring/fixtures.ts';

const fig = (value: number) => ({
  value: { type: 'scalar', value } as FigureValue,
  periods: ['2023-06'],
  estimate: false,
});

describe('explainCriterion', () => {
  it('says the seed’s line in Vietnamese: đạt 51,6% KH × 10 điểm chuẩn = 5,16', () => {
    const crop = indicator('cay', 'percent_of_plan', 'cumulative', linear(10));
    const { rule, bonus, minus } = explainCriterion(scoreCriterion(crop, undefined, fig(51.6)), crop);
    expect(renderMessage(rule, 'vi')).toBe('đạt 51,6% KH × 10 điểm chuẩn = 5,16');
    expect([bonus, minus]).toEqual([undefined, undefined]);
  });

  it('names the cap, the capped bonus and the minus with their numbers', () => {
    const budget = indicator(
      'thu',
      'amount',
      'cumulative',
      linear(20, {
        bonus: { stepPercent: 10, points: 1, max: 3 },
        minus: { belowPercent: 80, stepPercent: 10, points: 0.5, max: 2 },
      }),
    );
    const high = explainCriterion(scoreCriterion(budget, 200, fig(300)), budget);
    expect(high.rule).toEqual({
      key: 'standings.explain.linearCapped',
      params: {
        completion: '150,0',
        basis: { key: 'standings.basis.plan' },
        cap: '100',
        benchmark: '20',
        earned: '20',
      },
    });
    expect(high.bonus).toEqual({
      key: 'standings.explain.bonusCapped',
      params: { points: '3', steps: 5, perStep: '1', step: '10' },
    });
    const low = explainCriterion(scoreCriterion(budget, 200, fig(130)), budget);
    expect(low.minus).toEqual({
      key: 'standings.explain.minus',
      params: { points: '0,5', steps: 1, perStep: '0,5', step: '10', below: '80' },
    });
  });

  it('names the band reached by the value, and the reason an indicator is not scored', () => {
    const enrolment = indicator(
      'hoc',
      'percent',
      'stock',
      banded(10, [
        { from: 99, points: 10 },
        { from: 95, points: 5 },
      ]),
    );
    expect(explainCriterion(scoreCriterion(enrolment, undefined, fig(99.7)), enrolment).rule).toEqual({
      key: 'standings.explain.bandValue',
      params: { value: '99,7%', from: '99', earned: '10', benchmark: '10' },
    });
    expect(explainCriterion(scoreCriterion(enrolment, undefined, fig(90)), enrolment).rule).toEqual({
      key: 'standings.explain.noBand',
      params: { value: '90%', benchmark: '10' },
    });
    const medals = indicator('khen', 'count', 'period');
    expect(explainCriterion(scoreCriterion(medals, undefined, fig(3)), medals).rule).toEqual({
      key: 'standings.explain.noRule',
    });
    const budget = indicator('thu', 'amount', 'cumulative', linear(20));
    expect(explainCriterion(scoreCriterion(budget, 200, undefined), budget).rule).toEqual({
      key: 'standings.explain.noFigure',
      params: { benchmark: '20' },
    });
  });
});
