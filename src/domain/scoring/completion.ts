import type { Indicator, IndicatorKind, ScoringRule } from '../bloc.ts';
import { figureNumber, type FigureValue } from '../figure.ts';
import type { CompletionBasis, UnscoredReason } from './types.ts';

/** Kinds whose bands read the value itself (99,7 % enrolment), not a completion. */
const VALUE_BAND_KINDS: readonly IndicatorKind[] = ['percent', 'number', 'yoy_percent'];

/**
 * What completion of an indicator is measured against (domain.md, "Scoring"): `percent_of_plan` is
 * the reported percent; `amount` and `count` need the unit's plan; `ratio` is a ÷ b against the
 * rule's target (1 = every commune); `percent`, `number` and `yoy_percent` against the target, or,
 * with no target, only by bands of the value itself (no completion then). `basis` undefined with no
 * reason means banded on the value alone.
 */
export function completionBasis(
  indicator: Indicator,
  rule: ScoringRule,
  plan: number | undefined,
): { basis?: CompletionBasis; reason?: UnscoredReason } {
  switch (indicator.kind) {
    case 'percent_of_plan':
      return { basis: { kind: 'reported' } };
    case 'amount':
    case 'count':
      return plan !== undefined && plan > 0 ? { basis: { kind: 'plan', plan } } : { reason: 'noPlan' };
    case 'ratio':
      return hasTarget(rule) ? { basis: { kind: 'target', target: rule.target } } : { reason: 'noTarget' };
    case 'percent':
    case 'number':
    case 'yoy_percent':
      if (hasTarget(rule)) return { basis: { kind: 'target', target: rule.target } };
      return rule.method === 'bands' ? {} : { reason: 'noTarget' };
  }
}

function hasTarget(rule: ScoringRule): rule is ScoringRule & { target: number } {
  return rule.target !== undefined && rule.target > 0;
}

/** Completion in percent of a figure against its basis; undefined when the figure has no number. */
export function completionOf(basis: CompletionBasis, value: FigureValue): number | undefined {
  const n = figureNumber(value);
  if (!Number.isFinite(n)) return undefined;
  switch (basis.kind) {
    case 'reported':
      return n;
    case 'plan':
      return (n / basis.plan) * 100;
    case 'target':
      return (n / basis.target) * 100;
  }
}

/** Whether bands of this indicator read its value (`value`) or its completion. */
export function bandsOn(kind: IndicatorKind): 'value' | 'completion' {
  return VALUE_BAND_KINDS.includes(kind) ? 'value' : 'completion';
}
