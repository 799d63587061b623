/**
 * The bloc (khối thi đua) as the rest of the program sees it, after the bloc file has been read and
 * checked by `src/config/bloc-loader.ts`. Pure data: no I/O, no user-facing strings beyond the names
 * the bloc file itself gives.
 */

/** How the figure of an indicator is written and compared (domain.md, "Figures in chat"). */
export type IndicatorKind = 'percent_of_plan' | 'percent' | 'amount' | 'count' | 'number' | 'ratio' | 'yoy_percent';

/** How a monthly figure adds up over the year: year to date, this month only, or a level at month end. */
export type Aggregation = 'cumulative' | 'period' | 'stock';

/**
 * The unit of measure of an indicator. Money units convert into each other; the others are only
 * labels (their words live in `locales/*.json` under `units.<code>`).
 */
export type MeasureUnit =
  | 'billion_vnd'
  | 'million_vnd'
  | 'thousand_vnd'
  | 'vnd'
  | 'percent'
  | 'people'
  | 'communes'
  | 'times'
  | 'criteria'
  | 'items';

/** Every measure unit, for checking a code read from a file or a stored row. */
export const MEASURE_UNITS = [
  'billion_vnd',
  'million_vnd',
  'thousand_vnd',
  'vnd',
  'percent',
  'people',
  'communes',
  'times',
  'criteria',
  'items',
] as const satisfies readonly MeasureUnit[];

export function isMeasureUnit(value: unknown): value is MeasureUnit {
  return (MEASURE_UNITS as readonly unknown[]).includes(value);
}

export const MONEY_UNITS = [
  'billion_vnd',
  'million_vnd',
  'thousand_vnd',
  'vnd',
] as const satisfies readonly MeasureUnit[];

/** Value of one money unit in đồng, for converting "20 tỷ" into an indicator kept in triệu đồng. */
export const MONEY_SCALE: Record<(typeof MONEY_UNITS)[number], number> = {
  billion_vnd: 1e9,
  million_vnd: 1e6,
  thousand_vnd: 1e3,
  vnd: 1,
};

export interface LocalizedName {
  vi: string;
  en: string;
}

/** Inclusive valid range; a figure outside it is asked back, never taken in silence. */
export interface ValidRange {
  min: number;
  max: number;
}

/** One band of a banded scoring rule: a completion (or value) of at least `from` earns `points`. */
export interface ScoreBand {
  from: number;
  points: number;
}

/**
 * How one indicator earns points. `benchmark` is the điểm chuẩn. `linear`: points grow with completion
 * up to `target` (100 % of plan by default) and stop at `capPercent`; `bands`: the first band whose
 * `from` is reached. `bonus`/`minus` add or take points beyond or below the target.
 */
export interface ScoringRule {
  benchmark: number;
  method: 'linear' | 'bands';
  /** For percent, number, yoy_percent and ratio: the value that counts as 100 % complete. */
  target?: number;
  /** Completion above this percent counts as this percent (linear). */
  capPercent: number;
  bands: ScoreBand[];
  /** Bonus points per `stepPercent` of completion above 100 %, at most `max`. */
  bonus?: { stepPercent: number; points: number; max: number };
  /** Minus points per `stepPercent` of completion below `belowPercent`, at most `max`. */
  minus?: { belowPercent: number; stepPercent: number; points: number; max: number };
}

export interface Indicator {
  /** Stable id used in commands, storage and exports, e.g. `thu-ngan-sach`. */
  code: string;
  /** 1-based position in the bloc file: what a focal point types as a shortcut ("3: 51,6%"). */
  number: number;
  name: LocalizedName;
  kind: IndicatorKind;
  unit: MeasureUnit;
  decimals: number;
  range: ValidRange;
  required: boolean;
  aggregation: Aggregation;
  /** Ratios: the numerator may not exceed the denominator (152/152, 62/127). */
  ratioAtMostOne: boolean;
  scoring?: ScoringRule;
}

export type UnitType = 'district' | 'town' | 'city' | 'commune' | 'ward' | 'special_zone' | 'department' | 'other';

/** A member unit (đơn vị thành viên) of the bloc in one year. */
export interface MemberUnit {
  id: string;
  name: string;
  type: UnitType;
}

/** Membership, leadership and plans of one year: members change from year to year. */
export interface BlocYear {
  year: number;
  units: MemberUnit[];
  head: string;
  deputy?: string;
  /** plans[unitId][indicatorCode] = the unit's target for the year, in the indicator's unit. */
  plans: Record<string, Record<string, number>>;
}

export interface Movement {
  /** Stable id, e.g. `chuyen-doi-so`. */
  id: string;
  number: number;
  name: string;
}

/** A day of a period's calendar: `day` of the month `monthOffset` months after the period's month. */
export interface CalendarDay {
  day: number;
  monthOffset: number;
}

/**
 * The monthly calendar (design.md, "The period calendar"). Instants are in `timezone`
 * (Asia/Ho_Chi_Minh): a period opens at the start of its open day, is due at the end of its due day,
 * stays on time for `graceDays` more days, and locks at the end of its lock day.
 */
export interface CalendarRule {
  timezone: string;
  open: CalendarDay;
  due: CalendarDay;
  graceDays: number;
  lock: CalendarDay;
  /** Default length of a reopening by the secretariat, in days. */
  reopenDays: number;
}

/** Local time of day, "HH:MM". */
export type ClockTime = string;

export interface ReminderPolicy {
  /** Days before the due day to remind (e.g. [3, 1, 0]: three days before, the day before, the day). */
  beforeDueDays: number[];
  /** While late, remind every this many days. */
  lateEveryDays: number;
  /** After this many late days, also tell the group and the secretariat. */
  escalateAfterLateDays: number;
  sendAt: ClockTime;
  officeHours: { start: ClockTime; end: ClockTime };
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which reminders may be sent. */
  weekdays: number[];
  /** Dates (YYYY-MM-DD) on which no reminder is sent. */
  holidays: string[];
}

export type TieBreak = 'total' | 'on_time' | 'submitted_at' | 'name';

export interface ScoringPolicy {
  /** Points taken for a late report, per period. */
  latePenalty: number;
  /** Points taken for a missing report, per period. */
  missingPenalty: number;
  tieBreak: TieBreak[];
}

export interface BlocOptions {
  /** Post the provisional standings of a period to the leaders' group by itself when the period locks. */
  autoPostStandings: boolean;
  /** Post a progress digest (who is in, late, silent) the day after the due date. */
  postProgressOnDue: boolean;
  /** Focal points see the whole table, not only their own rank and score. */
  focalSeesFullTable: boolean;
  /** Text shown with individual nominations about why personal data is kept (legal reference). */
  privacyNotice?: string;
}

export interface Bloc {
  id: string;
  name: string;
  years: BlocYear[];
  indicators: Indicator[];
  movements: Movement[];
  calendar: CalendarRule;
  reminders: ReminderPolicy;
  scoring: ScoringPolicy;
  options: BlocOptions;
}

/**
 * The year of the bloc that applies to `year`: the year itself, or the latest year the file has
 * (`fallback: true`) so the example bloc works on any date.
 */
export function blocYear(bloc: Bloc, year: number): { year: BlocYear; fallback: boolean } {
  const exact = bloc.years.find((y) => y.year === year);
  if (exact) return { year: exact, fallback: false };
  const latest = [...bloc.years].sort((a, b) => b.year - a.year)[0];
  if (!latest) throw new Error(`Bloc ${bloc.id} has no year`);
  return { year: latest, fallback: true };
}

/** A unit's name from the bloc file (the latest year that has it), or its id when no year has it. */
export function unitNameOf(bloc: Bloc | undefined, unitId: string): string {
  for (const year of [...(bloc?.years ?? [])].reverse()) {
    const unit = year.units.find((u) => u.id === unitId);
    if (unit) return unit.name;
  }
  return unitId;
}

export function findIndicator(bloc: Bloc, codeOrNumber: string): Indicator | undefined {
  const key = codeOrNumber.trim().toLowerCase();
  return bloc.indicators.find((i) => i.code === key || String(i.number) === key);
}

export function planOf(year: BlocYear, unitId: string, indicatorCode: string): number | undefined {
  return year.plans[unitId]?.[indicatorCode];
}
