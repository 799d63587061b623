import type { Aggregation } from '../bloc.ts';
import type { PeriodId } from '../calendar/index.ts';
import { figureNumber, type FigureValue } from '../figure.ts';
import type { ReportedValue } from '../submission.ts';
import type { ScoredFigure } from './types.ts';

/** One month's reported value of an indicator, from a report that counts. */
export interface MonthValue {
  periodId: PeriodId;
  value: ReportedValue;
}

/**
 * The figure of an indicator over the months of a scope (domain.md: how each indicator adds up):
 * `cumulative` figures are already year to date and `stock` figures are a level at month end, so the
 * latest month that has one stands for the scope; `period` figures are this month only, so they add
 * up (ratios add numerators and denominators). `months` is oldest first.
 */
export function aggregateFigure(aggregation: Aggregation, months: readonly MonthValue[]): ScoredFigure | undefined {
  const last = months.at(-1);
  if (!last) return undefined;
  if (aggregation !== 'period' || months.length === 1) {
    return { value: last.value.value, periods: [last.periodId], estimate: last.value.estimate };
  }
  return {
    value: sum(months.map((m) => m.value.value)),
    periods: months.map((m) => m.periodId),
    estimate: months.some((m) => m.value.estimate),
  };
}

function sum(values: readonly FigureValue[]): FigureValue {
  if (values.every((v) => v.type === 'ratio')) {
    let numerator = 0;
    let denominator = 0;
    for (const v of values) {
      numerator += v.numerator;
      denominator += v.denominator;
    }
    return { type: 'ratio', numerator, denominator };
  }
  return { type: 'scalar', value: values.reduce((total, v) => total + figureNumber(v), 0) };
}
