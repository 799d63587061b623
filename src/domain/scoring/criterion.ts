import { figureNumber } from '../figure.ts';
import type { Indicator, ScoringRule } from '../bloc.ts';
import { bandsOn, completionBasis, completionOf } from './completion.ts';
import type { AppliedBonus, AppliedMinus, AppliedRule, CriterionScore, ScoredFigure } from './types.ts';

/**
 * Points carry float noise (51,6 × 10 / 100); rounding to a millionth makes equal scores equal
 * numbers, so ties are found exactly and a table's columns add up as shown.
 */
export function roundPoints(points: number): number {
  const rounded = Math.round(points * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded;
}

/** A band edge is inclusive even when the completion was computed (98,99999… for 99 % of a plan). */
const EDGE = 1e-9;

/** Whole steps in `span`: a completion of 109,99999… computed from 11/10 is still one step of 10. */
const wholeSteps = (span: number, step: number): number => Math.max(0, Math.floor(span / step + EDGE));

/**
 * One criterion of one unit (domain.md, "Scoring"): completion by kind, points by the rule (linear
 * with cap, or bands), bonus above 100 % and minus below the rule's floor, each explained.
 */
export function scoreCriterion(
  indicator: Indicator,
  plan: number | undefined,
  figure: ScoredFigure | undefined,
): CriterionScore {
  const code = indicator.code;
  const rule = indicator.scoring;
  if (!rule) return score(code, 'unscored', { unscoredReason: 'noRule', figure });
  const { basis, reason } = completionBasis(indicator, rule, plan);
  if (reason) return score(code, 'unscored', { unscoredReason: reason, figure });
  const completion = figure && basis ? completionOf(basis, figure.value) : undefined;
  if (!figure || (basis !== undefined && completion === undefined)) {
    return score(code, 'noFigure', { figure, basis, benchmark: rule.benchmark });
  }
  const on = bandsOn(indicator.kind);
  const applied = applyRule(rule, completion, on, on === 'value' ? figureNumber(figure.value) : (completion ?? 0));
  const earned = roundPoints(applied.earned);
  const appliedBonus = completion === undefined ? undefined : bonusOf(rule, completion);
  const appliedMinus = completion === undefined ? undefined : minusOf(rule, completion);
  const bonus = roundPoints(appliedBonus ? pointsOf(appliedBonus) : 0);
  const minus = roundPoints(appliedMinus ? pointsOf(appliedMinus) : 0);
  return score(code, 'scored', {
    figure,
    completion,
    basis,
    benchmark: rule.benchmark,
    earned,
    bonus,
    minus,
    points: roundPoints(earned + bonus - minus),
    rule: applied.rule,
    appliedBonus,
    appliedMinus,
  });
}

/**
 * Every criterion built with the same keys in the same order (absent ones undefined): a large bloc
 * keeps tens of thousands of them, and one object shape keeps them small for the garbage collector.
 */
function score(
  indicatorCode: string,
  outcome: CriterionScore['outcome'],
  f: Partial<Omit<CriterionScore, 'indicatorCode' | 'outcome'>>,
): CriterionScore {
  return {
    indicatorCode,
    outcome,
    unscoredReason: f.unscoredReason,
    figure: f.figure,
    completion: f.completion,
    basis: f.basis,
    benchmark: f.benchmark ?? 0,
    earned: f.earned ?? 0,
    bonus: f.bonus ?? 0,
    minus: f.minus ?? 0,
    points: f.points ?? 0,
    rule: f.rule,
    appliedBonus: f.appliedBonus,
    appliedMinus: f.appliedMinus,
  };
}

function applyRule(
  rule: ScoringRule,
  completion: number | undefined,
  on: 'value' | 'completion',
  measured: number,
): { earned: number; rule: AppliedRule } {
  if (rule.method === 'linear') {
    // completionBasis gives linear rules a basis, so completion is known here.
    const c = completion ?? 0;
    const counted = Math.max(0, Math.min(c, rule.capPercent));
    return {
      earned: (rule.benchmark * counted) / 100,
      rule: { method: 'linear', counted, capPercent: rule.capPercent, capped: c > rule.capPercent },
    };
  }
  // Bands are best first (the loader checks): the first one reached is the best one reached.
  const band = rule.bands.find((b) => measured + EDGE >= b.from);
  return {
    earned: band ? band.points : 0,
    rule: { method: 'bands', on, measured, ...(band ? { band } : {}) },
  };
}

function bonusOf(rule: ScoringRule, completion: number): AppliedBonus | undefined {
  if (!rule.bonus) return undefined;
  const { stepPercent, points, max } = rule.bonus;
  const steps = wholeSteps(completion - 100, stepPercent);
  return { steps, stepPercent, pointsPerStep: points, max, capped: steps * points > max };
}

function minusOf(rule: ScoringRule, completion: number): AppliedMinus | undefined {
  if (!rule.minus) return undefined;
  const { belowPercent, stepPercent, points, max } = rule.minus;
  const steps = wholeSteps(belowPercent - completion, stepPercent);
  return { belowPercent, steps, stepPercent, pointsPerStep: points, max, capped: steps * points > max };
}

const pointsOf = (step: AppliedBonus): number => Math.min(step.steps * step.pointsPerStep, step.max);
