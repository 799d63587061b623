import { blocYear, type Bloc, type BlocYear } from '../bloc.ts';
import { makePeriodId, periodYear, type PeriodId } from '../calendar/index.ts';
import type { Submission } from '../submission.ts';
import { rankUnits } from './rank.ts';
import type { ScoringScope, Standings } from './types.ts';
import { scoreUnit, type UnitScore } from './unit-score.ts';

/** The scope of one period. */
export function periodScope(periodId: PeriodId): ScoringScope {
  return { kind: 'period', year: periodYear(periodId), periods: [periodId] };
}

/** The year to date: months 1..`throughMonth` of `year` (none when 0, as for a year not begun). */
export function yearToDateScope(year: number, throughMonth: number): ScoringScope {
  const months = Math.max(0, Math.min(12, Math.trunc(throughMonth)));
  return { kind: 'yearToDate', year, periods: Array.from({ length: months }, (_, i) => makePeriodId(year, i + 1)) };
}

/** Members and plans of the scope's year (membership is per year; a missing year uses the latest). */
export function scopeYear(bloc: Bloc, scope: ScoringScope): { year: BlocYear; fallback: boolean } {
  return blocYear(bloc, scope.year);
}

/** Finds a stored report by unit and period among many, in constant time. */
export function reportIndex(
  submissions: readonly Submission[],
): (unitId: string, periodId: PeriodId) => Submission | undefined {
  const index = new Map<string, Submission>();
  for (const s of submissions) index.set(`${s.unitId}\u0000${s.periodId}`, s);
  return (unitId, periodId) => index.get(`${unitId}\u0000${periodId}`);
}

/** Ranks lines already scored (scoreUnit) into the standings of the scope. */
export function rankStandings(bloc: Bloc, scope: ScoringScope, scores: readonly UnitScore[]): Standings {
  const { year, fallback } = scopeYear(bloc, scope);
  return {
    blocId: bloc.id,
    scope,
    blocYear: year.year,
    yearFallback: fallback,
    rows: rankUnits(scores, bloc.scoring.tieBreak),
    provisional: true,
  };
}

/**
 * The provisional standings of a scope from the reports stored for its periods: every member unit
 * of the scope's year is listed (one with no report gets the missing penalty), scored and ranked.
 * Reports of other blocs, units or periods are ignored.
 */
export function scoreStandings(bloc: Bloc, scope: ScoringScope, submissions: readonly Submission[]): Standings {
  const { year } = scopeYear(bloc, scope);
  const find = reportIndex(submissions.filter((s) => s.blocId === bloc.id));
  const scores = year.units.map((unit) => scoreUnit(bloc, year, unit, scope.periods, (p) => find(unit.id, p)));
  return rankStandings(bloc, scope, scores);
}
