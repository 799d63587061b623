import type { MemberUnit, ScoreBand } from '../bloc.ts';
import type { PeriodId } from '../calendar/index.ts';
import type { FigureValue } from '../figure.ts';
import type { SubmissionStatus } from '../submission.ts';

/**
 * What a score is computed over: one period, or the year to date (months 1..M of one year). Every
 * such score is provisional ("tạm tính", domain.md): real blocs rank yearly by assessment and vote.
 */
export interface ScoringScope {
  kind: 'period' | 'yearToDate';
  year: number;
  /** The months scored, oldest first, all in `year`: one for a period, 1..M for the year to date. */
  periods: PeriodId[];
}

/**
 * The figure a criterion was scored on, after aggregation over the scope's periods: for `cumulative`
 * and `stock` the latest month that has one, for `period` the sum of the months that have one.
 */
export interface ScoredFigure {
  value: FigureValue;
  /** The months the figure came from, oldest first (one unless summed). */
  periods: PeriodId[];
  /** At least one of those values was an estimate (số ước). */
  estimate: boolean;
}

/** What completion was measured against: the reported percent itself, the unit's plan, or the rule's target. */
export type CompletionBasis =
  { kind: 'reported' } | { kind: 'plan'; plan: number } | { kind: 'target'; target: number };

/**
 * The rule that gave the earned points. `linear`: `benchmark × counted / 100`, where `counted` is the
 * completion held at `capPercent`. `bands`: the first band (best first) whose `from` the measured
 * number reaches; `on: 'value'` for percent, number and yoy_percent (bands of the value itself),
 * `'completion'` for the others; `band` undefined when none is reached (0 points).
 */
export type AppliedRule =
  | { method: 'linear'; counted: number; capPercent: number; capped: boolean }
  | { method: 'bands'; on: 'value' | 'completion'; measured: number; band?: ScoreBand };

/** Bonus points: `min(steps × pointsPerStep, max)`, one step per whole `stepPercent` above 100 %. */
export interface AppliedBonus {
  steps: number;
  stepPercent: number;
  pointsPerStep: number;
  max: number;
  capped: boolean;
}

/** Minus points: `min(steps × pointsPerStep, max)`, one step per whole `stepPercent` below `belowPercent`. */
export interface AppliedMinus extends AppliedBonus {
  belowPercent: number;
}

/**
 * Why an indicator is shown but not scored: it has no rule, or the rule needs a plan (amount, count)
 * or a target (linear on percent, number, yoy_percent; ratio) that is not there.
 */
export type UnscoredReason = 'noRule' | 'noPlan' | 'noTarget';

/**
 * One criterion of one unit, explained: enough data for a line such as "đạt 51,6% KH × 10 điểm
 * chuẩn = 5,16". `points` = `earned + bonus − minus`. A scored criterion with no figure earns 0 of
 * its benchmark (`outcome: 'noFigure'`); an unscored one has benchmark 0 and no points.
 */
export interface CriterionScore {
  indicatorCode: string;
  outcome: 'scored' | 'noFigure' | 'unscored';
  unscoredReason?: UnscoredReason;
  figure?: ScoredFigure;
  /** Percent complete; undefined when there is nothing to measure it against. */
  completion?: number;
  basis?: CompletionBasis;
  benchmark: number;
  earned: number;
  bonus: number;
  minus: number;
  points: number;
  rule?: AppliedRule;
  appliedBonus?: AppliedBonus;
  appliedMinus?: AppliedMinus;
}

/**
 * How one unit stands in one period of the scope. A draft is not a report (`missing`); a returned
 * report still counts with its figures (`returned: true`). `late` follows the stored `onTime` as the
 * calendar settled it when the report came in (`unknown` when nothing was stored: not penalised).
 */
export interface PeriodEntry {
  periodId: PeriodId;
  timeliness: 'onTime' | 'late' | 'unknown' | 'missing';
  /** The stored status, when a report counts; undefined when missing (a draft included). */
  status?: Exclude<SubmissionStatus, 'draft'>;
  returned: boolean;
  firstSubmittedAt?: Date;
}

/** Points taken for late or missing reports over the scope: the periods and their sum. */
export interface Penalty {
  periods: PeriodId[];
  points: number;
}

/** One unit's line of the standings. `total` = Σ criteria points − late − missing. */
export interface StandingRow {
  unit: MemberUnit;
  /** Competition rank: equal after every real tie-break share it ("1, 2, 2, 4"). */
  rank: number;
  total: number;
  criteria: CriterionScore[];
  late: Penalty;
  missing: Penalty;
  periods: PeriodEntry[];
  /** Periods reported on time: the `on_time` tie-break. */
  onTimePeriods: number;
  /** Some scored figure is an estimate. */
  estimate: boolean;
  /** Periods whose report was returned and still counts. */
  returnedPeriods: PeriodId[];
}

/** The ranked table of a scope. Rows in display order: by rank, then by name where the bloc lists it. */
export interface Standings {
  blocId: string;
  scope: ScoringScope;
  /** The bloc year whose members and plans were used; `yearFallback` when the file lacks `scope.year`. */
  blocYear: number;
  yearFallback: boolean;
  rows: StandingRow[];
  /** Always true: monthly and year-to-date scores are an indication (domain.md). */
  provisional: true;
}
