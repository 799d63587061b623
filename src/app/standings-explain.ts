import type { Indicator } from '../domain/bloc.ts';
import { formatFigure, formatNumber, formatPercent } from '../domain/figures/format-figure.ts';
import type { CompletionBasis, CriterionScore } from '../domain/scoring/index.ts';
import { msg, type Message } from './messages.ts';

/** The words of one criterion's score: the rule applied with its numbers, then bonus and minus if any. */
export interface CriterionExplanation {
  rule: Message;
  bonus?: Message;
  minus?: Message;
}

const points = (n: number): string => formatNumber(n, 2);

function basisOf(basis: CompletionBasis | undefined): Message {
  return msg(`standings.basis.${basis?.kind ?? 'reported'}`);
}

/** A value a band read, as the person wrote it: "99,7%" for a percent, "12,5" for a number. */
function bandValue(indicator: Indicator, measured: number): string {
  const text = formatFigure({ type: 'scalar', value: measured }, indicator);
  return indicator.kind === 'number' ? text : `${text}%`;
}

/**
 * "đạt 51,6% KH × 10 điểm chuẩn = 5,16" and its kin, as messages, so the chat (`/chitiet`) and the
 * Excel file explain a score in the same words (domain.md: every score explained line by line).
 */
export function explainCriterion(c: CriterionScore, indicator: Indicator): CriterionExplanation {
  if (c.outcome === 'unscored') return { rule: msg(`standings.explain.${c.unscoredReason ?? 'noRule'}`) };
  if (c.outcome === 'noFigure' || !c.rule)
    return { rule: msg('standings.explain.noFigure', { benchmark: points(c.benchmark) }) };
  const completion = formatPercent(c.completion ?? 0);
  const basis = basisOf(c.basis);
  const benchmark = points(c.benchmark);
  const earned = points(c.earned);
  let rule: Message;
  if (c.rule.method === 'linear') {
    rule = c.rule.capped
      ? msg('standings.explain.linearCapped', {
          completion,
          basis,
          cap: formatNumber(c.rule.capPercent, 1),
          benchmark,
          earned,
        })
      : msg('standings.explain.linear', { completion, basis, benchmark, earned });
  } else if (!c.rule.band) {
    const value = c.rule.on === 'value' ? bandValue(indicator, c.rule.measured) : `${completion}%`;
    rule = msg('standings.explain.noBand', { value, benchmark });
  } else if (c.rule.on === 'value') {
    const from = formatNumber(c.rule.band.from, 2);
    rule = msg('standings.explain.bandValue', {
      value: bandValue(indicator, c.rule.measured),
      from,
      earned,
      benchmark,
    });
  } else {
    const from = formatNumber(c.rule.band.from, 2);
    rule = msg('standings.explain.bandCompletion', { completion, basis, from, earned, benchmark });
  }
  const out: CriterionExplanation = { rule };
  const b = c.appliedBonus;
  if (b && c.bonus > 0) {
    const params = {
      points: points(c.bonus),
      steps: b.steps,
      perStep: points(b.pointsPerStep),
      step: formatNumber(b.stepPercent, 1),
    };
    out.bonus = msg(b.capped ? 'standings.explain.bonusCapped' : 'standings.explain.bonus', params);
  }
  const m = c.appliedMinus;
  if (m && c.minus > 0) {
    const params = {
      points: points(c.minus),
      steps: m.steps,
      perStep: points(m.pointsPerStep),
      step: formatNumber(m.stepPercent, 1),
      below: formatNumber(m.belowPercent, 1),
    };
    out.minus = msg(m.capped ? 'standings.explain.minusCapped' : 'standings.explain.minus', params);
  }
  return out;
}
