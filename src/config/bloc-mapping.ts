import {
  MONEY_SCALE,
  MONEY_UNITS,
  type Bloc,
  type Indicator,
  type IndicatorKind,
  type MeasureUnit,
  type ScoringRule,
  type ValidRange,
} from '../domain/bloc.ts';
import type { BlocFile, BlocFileIndicator, BlocFileScoringRule } from './bloc-schema.ts';

/**
 * From the checked bloc file to the domain's `Bloc`: snake_case to camelCase, the defaults that
 * depend on an indicator's kind, 1-based numbers for indicators and movements, years in order.
 */

interface KindDefaults {
  decimals: number;
  range: ValidRange;
}

/**
 * Valid ranges are what a figure may be without being asked back. Percents of plan and year-on-year
 * percents may pass 100 (the seed has 210 %); ratios are compared as the percent a ÷ b × 100 (as
 * `inValidRange` does), so 0–100.
 */
const KIND_DEFAULTS: Record<IndicatorKind, KindDefaults> = {
  percent_of_plan: { decimals: 1, range: { min: 0, max: 1000 } },
  percent: { decimals: 1, range: { min: 0, max: 100 } },
  yoy_percent: { decimals: 1, range: { min: 0, max: 1000 } },
  amount: { decimals: 1, range: { min: 0, max: 1e15 } },
  count: { decimals: 0, range: { min: 0, max: 10_000_000 } },
  number: { decimals: 2, range: { min: 0, max: 1_000_000 } },
  ratio: { decimals: 0, range: { min: 0, max: 100 } },
};

const isMoney = (unit: MeasureUnit): unit is (typeof MONEY_UNITS)[number] =>
  (MONEY_UNITS as readonly MeasureUnit[]).includes(unit);

export function toBloc(file: BlocFile): Bloc {
  return {
    id: file.id,
    name: file.name,
    years: Object.entries(file.years)
      .map(([year, body]) => ({
        year: Number(year),
        units: body.units,
        head: body.head,
        ...(body.deputy === undefined ? {} : { deputy: body.deputy }),
        plans: body.plans,
      }))
      .sort((a, b) => a.year - b.year),
    indicators: file.indicators.map(toIndicator),
    movements: file.movements.map((movement, index) => ({ id: movement.id, number: index + 1, name: movement.name })),
    calendar: {
      timezone: file.calendar.timezone,
      open: { day: file.calendar.open.day, monthOffset: file.calendar.open.month_offset },
      due: { day: file.calendar.due.day, monthOffset: file.calendar.due.month_offset },
      graceDays: file.calendar.grace_days,
      lock: { day: file.calendar.lock.day, monthOffset: file.calendar.lock.month_offset },
      reopenDays: file.calendar.reopen_days,
    },
    reminders: {
      // Furthest first, the order in which they fire.
      beforeDueDays: [...file.reminders.before_due_days].sort((a, b) => b - a),
      lateEveryDays: file.reminders.late_every_days,
      escalateAfterLateDays: file.reminders.escalate_after_late_days,
      sendAt: file.reminders.send_at,
      officeHours: { start: file.reminders.office_hours.start, end: file.reminders.office_hours.end },
      weekdays: [...file.reminders.weekdays].sort((a, b) => a - b),
      holidays: [...file.reminders.holidays].sort(),
    },
    scoring: {
      latePenalty: file.scoring.late_penalty,
      missingPenalty: file.scoring.missing_penalty,
      tieBreak: file.scoring.tie_break,
    },
    options: {
      autoPostStandings: file.options.auto_post_standings,
      postProgressOnDue: file.options.post_progress_on_due,
      focalSeesFullTable: file.options.focal_sees_full_table,
      ...(file.options.privacy_notice === undefined ? {} : { privacyNotice: file.options.privacy_notice }),
    },
  };
}

function toIndicator(source: BlocFileIndicator, index: number): Indicator {
  const defaults = KIND_DEFAULTS[source.kind];
  // The schema requires a unit for every kind that is not a percent.
  const unit = source.unit ?? 'percent';
  const ratioAtMostOne = source.ratio_at_most_one ?? source.kind === 'ratio';
  return {
    code: source.code,
    number: index + 1,
    name: { vi: source.name_vi, en: source.name_en ?? source.name_vi },
    kind: source.kind,
    unit,
    decimals: source.decimals ?? defaults.decimals,
    range: source.range ?? defaultRange(source.kind, unit, ratioAtMostOne, defaults.range),
    required: source.required,
    aggregation: source.aggregation,
    ratioAtMostOne,
    ...(source.scoring ? { scoring: toScoringRule(source.scoring, source.kind) } : {}),
  };
}

function defaultRange(kind: IndicatorKind, unit: MeasureUnit, ratioAtMostOne: boolean, range: ValidRange): ValidRange {
  // One default for every money unit would be far too tight in đồng or far too loose in tỷ đồng.
  if (kind === 'amount' && isMoney(unit)) return { min: 0, max: range.max / MONEY_SCALE[unit] };
  if (kind === 'ratio' && !ratioAtMostOne) return { min: 0, max: 1000 };
  return range;
}

function toScoringRule(source: BlocFileScoringRule, kind: IndicatorKind): ScoringRule {
  // A ratio is complete when a = b (152/152), so its target is 1 unless the file says otherwise.
  const target = source.target ?? (kind === 'ratio' ? 1 : undefined);
  return {
    benchmark: source.benchmark,
    method: source.method,
    ...(target === undefined ? {} : { target }),
    capPercent: source.cap_percent,
    bands: source.bands ?? [],
    ...(source.bonus
      ? { bonus: { stepPercent: source.bonus.step_percent, points: source.bonus.points, max: source.bonus.max } }
      : {}),
    ...(source.minus
      ? {
          minus: {
            belowPercent: source.minus.below_percent,
            stepPercent: source.minus.step_percent,
            points: source.minus.points,
            max: source.minus.max,
          },
        }
      : {}),
  };
}
