import type { Bloc } from '../../domain/bloc.ts';
import { addMonths, currentPeriod, periodMonth, periodYear, type PeriodId } from '../../domain/calendar/index.ts';
import {
  periodScope,
  rankStandings,
  reportIndex,
  scopeYear,
  scoreUnit,
  yearToDateScope,
  type ScoringScope,
  type StandingRow,
  type Standings,
  type UnitScore,
} from '../../domain/scoring/index.ts';
import type { Submission } from '../../domain/submission.ts';
import type { Repositories } from '../ports.ts';

/** What a leader asks for: one period (`/bangxephang 6/2023`) or a year to date (`/bangxephang 2023`). */
export type StandingsRequest = { kind: 'period'; periodId: PeriodId } | { kind: 'year'; year: number };

/** A line of the standings with its move since the previous period. */
export interface RankedRow extends StandingRow {
  /** The unit's rank in the previous scope; undefined when it was not a member then (or there is none). */
  previousRank?: number;
  /** `previousRank − rank`: positive when the unit moved up. */
  rankChange?: number;
}

export interface StandingsReport extends Standings {
  rows: RankedRow[];
  /** What the rank change compares with: the previous month, or the year to date one month shorter. */
  previousScope?: ScoringScope;
}

/**
 * Months of `year` that count for its year to date at `now`: all twelve for a past year, up to the
 * bloc's current period (the latest that has opened) for this year, none for a year not begun.
 */
export function yearToDateMonths(bloc: Bloc, year: number, now: Date): number {
  const current = currentPeriod(bloc.calendar, now);
  const currentYear = periodYear(current);
  if (year < currentYear) return 12;
  return year === currentYear ? periodMonth(current) : 0;
}

/** The scope asked for, and the one its rank change is measured against. */
export function scopesOf(
  bloc: Bloc,
  request: StandingsRequest,
  now: Date,
): { scope: ScoringScope; previous?: ScoringScope } {
  if (request.kind === 'period') {
    return { scope: periodScope(request.periodId), previous: periodScope(addMonths(request.periodId, -1)) };
  }
  const months = yearToDateMonths(bloc, request.year, now);
  const scope = yearToDateScope(request.year, months);
  return months > 1 ? { scope, previous: yearToDateScope(request.year, months - 1) } : { scope };
}

/** How long scoring may hold the event loop before letting other chats' updates in, in ms. */
const SLICE_MS = 10;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Scores every member unit of the scope's year, yielding to the event loop between slices of units
 * so a large bloc (thousands of communes) does not stall the bot while its standings are computed.
 * `ranksOnly` drops each unit's criteria at once (the previous scope is read only for its ranks):
 * short-lived objects cost the garbage collector far less than thousands kept to the end.
 */
async function scoreScope(
  bloc: Bloc,
  scope: ScoringScope,
  submissions: readonly Submission[],
  ranksOnly = false,
): Promise<Standings> {
  const { year } = scopeYear(bloc, scope);
  const find = reportIndex(submissions);
  const scores: UnitScore[] = [];
  let sliceStart = performance.now();
  for (const unit of year.units) {
    const score = scoreUnit(bloc, year, unit, scope.periods, (p) => find(unit.id, p));
    scores.push(ranksOnly ? { ...score, criteria: [] } : score);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToLoop();
      sliceStart = performance.now();
    }
  }
  return rankStandings(bloc, scope, scores);
}

/**
 * The provisional standings of a period or of a year to date, with each unit's rank change since
 * the previous month (domain.md, "Scoring"; design.md: "the current period" is the caller's default).
 * Reads each period's reports once. No rank change when nothing was reported in the previous scope.
 */
export async function computeStandings(
  repos: Pick<Repositories, 'submissions'>,
  bloc: Bloc,
  request: StandingsRequest,
  now: Date,
): Promise<StandingsReport> {
  const { scope, previous } = scopesOf(bloc, request, now);
  const wanted = [...new Set([...(previous?.periods ?? []), ...scope.periods])];
  const byPeriod = new Map<PeriodId, Submission[]>();
  for (const periodId of wanted) byPeriod.set(periodId, await repos.submissions.listForPeriod(bloc.id, periodId));
  const reportsOf = (s: ScoringScope) => s.periods.flatMap((p) => byPeriod.get(p) ?? []);

  const standings = await scoreScope(bloc, scope, reportsOf(scope));
  // A previous scope where nobody reported (the first month the bot ran) ranks everyone equal:
  // measuring moves against it would show noise, so there is no change to show.
  const comparable = previous && reportsOf(previous).some((s) => s.status !== 'draft');
  if (!previous || !comparable) return { ...standings, rows: standings.rows };
  const before = await scoreScope(bloc, previous, reportsOf(previous), true);
  const previousRanks = new Map(before.rows.map((r) => [r.unit.id, r.rank]));
  const rows = standings.rows.map((row): RankedRow => {
    const previousRank = previousRanks.get(row.unit.id);
    return previousRank === undefined ? row : { ...row, previousRank, rankChange: previousRank - row.rank };
  });
  return { ...standings, rows, previousScope: previous };
}
