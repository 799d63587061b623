import { planOf, type Bloc, type BlocYear, type MemberUnit } from '../bloc.ts';
import type { PeriodId } from '../calendar/index.ts';
import type { Submission } from '../submission.ts';
import { aggregateFigure, type MonthValue } from './aggregate.ts';
import { roundPoints, scoreCriterion } from './criterion.ts';
import type { PeriodEntry, StandingRow } from './types.ts';

/** A unit's line before ranking. */
export type UnitScore = Omit<StandingRow, 'rank'>;

/**
 * One unit over the periods of a scope: every indicator scored on its figure aggregated over the
 * months, then a late penalty for each period reported late and a missing penalty for each period
 * without a report (a draft is not a report). A returned report still counts with its figures.
 * `reportOf` gives the unit's stored report of a period, if any.
 */
export function scoreUnit(
  bloc: Bloc,
  year: BlocYear,
  unit: MemberUnit,
  periods: readonly PeriodId[],
  reportOf: (periodId: PeriodId) => Submission | undefined,
): UnitScore {
  const entries: PeriodEntry[] = [];
  // Each indicator's months, oldest first, gathered in one pass over the reports (a large bloc
  // scores thousands of units: no per-report index to build and throw away).
  const monthsOf = new Map<string, MonthValue[]>();
  for (const periodId of periods) {
    const report = reportOf(periodId);
    if (!report || report.status === 'draft') {
      entries.push({ periodId, timeliness: 'missing', returned: false });
      continue;
    }
    const firstSubmittedAt = report.firstSubmittedAt ?? report.lastSubmittedAt;
    entries.push({
      periodId,
      timeliness: report.onTime === undefined ? 'unknown' : report.onTime ? 'onTime' : 'late',
      status: report.status,
      returned: report.status === 'returned',
      ...(firstSubmittedAt ? { firstSubmittedAt } : {}),
    });
    for (const value of report.values) {
      const months = monthsOf.get(value.indicatorCode);
      if (months) months.push({ periodId, value });
      else monthsOf.set(value.indicatorCode, [{ periodId, value }]);
    }
  }

  const criteria = bloc.indicators.map((indicator) => {
    const months = monthsOf.get(indicator.code) ?? [];
    return scoreCriterion(
      indicator,
      planOf(year, unit.id, indicator.code),
      aggregateFigure(indicator.aggregation, months),
    );
  });

  const periodsWhere = (t: PeriodEntry['timeliness']) =>
    entries.filter((e) => e.timeliness === t).map((e) => e.periodId);
  const latePeriods = periodsWhere('late');
  const missingPeriods = periodsWhere('missing');
  const late = { periods: latePeriods, points: roundPoints(latePeriods.length * bloc.scoring.latePenalty) };
  const missing = { periods: missingPeriods, points: roundPoints(missingPeriods.length * bloc.scoring.missingPenalty) };
  const scored = criteria.reduce((total, c) => total + c.points, 0);
  return {
    unit,
    total: roundPoints(scored - late.points - missing.points),
    criteria,
    late,
    missing,
    periods: entries,
    onTimePeriods: periodsWhere('onTime').length,
    estimate: criteria.some((c) => c.outcome === 'scored' && c.figure?.estimate === true),
    returnedPeriods: entries.filter((e) => e.returned).map((e) => e.periodId),
  };
}
