import { msg, type Message } from '../../app/messages.ts';
import { blocYear, planOf, type Bloc, type Indicator, type MeasureUnit } from '../../domain/bloc.ts';
import type { FigureValue } from '../../domain/figure.ts';
import { formatFigure, formatPercent, percentOfPlan } from '../../domain/figures/index.ts';

/**
 * A figure as every conversation shows it (the /baocao echo, summary and receipt, /xem): the number
 * in Vietnamese format (domain) with the unit word (locale `units.*`) and what it means against the
 * plan. One place, so a figure reads the same wherever it appears.
 */

export function unitWord(unit: MeasureUnit): Message {
  return msg(`units.${unit}`);
}

/** "20.207 tỷ đồng", "51,6%", "13/13 xã" for a number already written out. */
export function numberWithUnit(number: string, indicator: Indicator): Message {
  if (indicator.unit === 'percent') return msg('report.value.percent', { number });
  return msg('report.value.unit', { number, unit: unitWord(indicator.unit) });
}

/** The bare figure with its unit, without completion. */
export function figureText(value: FigureValue, indicator: Indicator): Message {
  return numberWithUnit(formatFigure(value, indicator), indicator);
}

/**
 * The unit's plan for the indicator in `year`, when the bloc file has one; a year the file lacks
 * uses its latest year (design.md, Configuration).
 */
export function planFor(bloc: Bloc, year: number, unitId: string, indicator: Indicator): number | undefined {
  return planOf(blocYear(bloc, year).year, unitId, indicator.code);
}

/**
 * The figure with its completion (domain.md, Scoring): "20.207 tỷ đồng — đạt 91,9% KH" for an
 * amount or a count with a plan, "62/127 xã (48,8%)" for a ratio, "51,6% KH" for a percent of plan
 * (already a completion); other kinds are measured against a target, not a plan, so stand alone.
 */
export function figureWithCompletion(value: FigureValue, indicator: Indicator, plan: number | undefined): Message {
  const figure = figureText(value, indicator);
  if (value.type === 'ratio') {
    const share = percentOfPlan(value.numerator, value.denominator);
    return share === undefined ? figure : msg('report.detail.share', { figure, percent: formatPercent(share) });
  }
  if (indicator.kind === 'percent_of_plan') return msg('report.detail.percentOfPlan', { figure });
  if (plan === undefined || (indicator.kind !== 'amount' && indicator.kind !== 'count')) return figure;
  const percent = percentOfPlan(value, plan);
  return percent === undefined ? figure : msg('report.detail.ofPlan', { figure, percent: formatPercent(percent) });
}

/**
 * The marks of a figure the person confirmed when asked: outside the indicator's valid range, or
 * against a validation rule (the unit's plan, its previous month). Flags on the value, each its own.
 */
export function withConfirmedMarks(
  figure: Message,
  confirmed: { outOfRange?: boolean; validation?: boolean },
): Message {
  let out = figure;
  if (confirmed.outOfRange) out = msg('report.detail.confirmed', { figure: out });
  if (confirmed.validation) out = msg('report.detail.confirmedRule', { figure: out });
  return out;
}
