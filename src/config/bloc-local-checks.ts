import { MONEY_UNITS, type IndicatorKind, type MeasureUnit } from '../domain/bloc.ts';
import { errorKey, type BlocErrorKind, type ProblemParams } from './bloc-messages.ts';

/**
 * Checks inside one section of the bloc file (one indicator, the calendar, a list), run by zod after
 * the section's fields have their types. zod also runs them when a field failed only a bound (a day
 * of 40), so each check looks at the values it compares before comparing them.
 */

/** What a check needs from zod's refinement context (kept narrow so these stay plain functions). */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; params?: ProblemParams; path?: PropertyKey[] }): void;
}

/** A custom issue whose message is the problem's locale key (bloc-issues.ts reads it back). */
function report(ctx: IssueSink, path: PropertyKey[], kind: BlocErrorKind, params: ProblemParams = {}): void {
  ctx.addIssue({ code: 'custom', path, message: errorKey(kind), params });
}

const PERCENT_KINDS: readonly IndicatorKind[] = ['percent_of_plan', 'percent', 'yoy_percent'];
/** Kinds scored against each unit's plan: a target would be a second, conflicting goal. */
const PLAN_KINDS: readonly IndicatorKind[] = ['amount', 'count'];
/** Kinds whose value has no goal of its own: a linear rule needs the target that counts as 100 %. */
const TARGET_KINDS: readonly IndicatorKind[] = ['percent', 'number', 'yoy_percent'];

const isMoney = (unit: MeasureUnit): boolean => (MONEY_UNITS as readonly MeasureUnit[]).includes(unit);

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  // Date accepts 2023-02-30 by rolling over to March; the round trip refuses it.
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export function checkUnique(values: readonly (string | number)[], ctx: IssueSink): void {
  values.forEach((value, index) => {
    if (values.indexOf(value) !== index) report(ctx, [index], 'repeated', { value });
  });
}

/** Bands read like the blocs' tables, best first: each `from` lower than the one before. */
export function checkBandOrder(bands: readonly { from: number; points: number }[], ctx: IssueSink): void {
  bands.forEach((band, index) => {
    const previous = bands[index - 1];
    if (!previous) return;
    if (!(band.from < previous.from)) {
      report(ctx, [index, 'from'], 'bandOrder', { from: band.from, previous: previous.from });
    } else if (band.points > previous.points) {
      report(ctx, [index, 'points'], 'bandPoints', { previous: previous.points });
    }
  });
}

interface IndicatorLike {
  kind: IndicatorKind;
  unit?: MeasureUnit | undefined;
  decimals?: number | undefined;
  ratio_at_most_one?: boolean | undefined;
  scoring?:
    | {
        benchmark: number;
        method: 'linear' | 'bands';
        target?: number | undefined;
        bands?: { from: number; points: number }[] | undefined;
      }
    | undefined;
}

export function checkIndicator(indicator: IndicatorLike, ctx: IssueSink): void {
  const { kind, unit, scoring } = indicator;
  const issue = (path: PropertyKey[], what: BlocErrorKind, params: ProblemParams = {}) =>
    report(ctx, path, what, params);
  if (PERCENT_KINDS.includes(kind)) {
    if (unit !== undefined && unit !== 'percent') issue(['unit'], 'percentUnit', { kind });
  } else if (unit === undefined) {
    issue(['unit'], 'unitRequired', { kind });
  } else if (kind === 'amount' ? !isMoney(unit) : isMoney(unit) || unit === 'percent') {
    if (kind === 'amount') issue(['unit'], 'amountUnit');
    else issue(['unit'], 'unitMismatch', { unit, kind });
  }
  if ((kind === 'count' || kind === 'ratio') && indicator.decimals !== undefined && indicator.decimals !== 0) {
    issue(['decimals'], 'wholeDecimals', { kind });
  }
  if (indicator.ratio_at_most_one !== undefined && kind !== 'ratio') issue(['ratio_at_most_one'], 'ratioOnly');
  if (!scoring) return;
  if (scoring.target !== undefined && PLAN_KINDS.includes(kind)) {
    issue(['scoring', 'target'], 'targetWithPlan', { kind });
  }
  if (scoring.method === 'linear') {
    if (scoring.bands) issue(['scoring', 'bands'], 'bandsWithLinear');
    if (scoring.target === undefined && TARGET_KINDS.includes(kind))
      issue(['scoring', 'target'], 'targetRequired', { kind });
  } else if (!scoring.bands) {
    issue(['scoring', 'bands'], 'bandsRequired');
  }
  scoring.bands?.forEach((band, index) => {
    if (band.points > scoring.benchmark)
      issue(['scoring', 'bands', index, 'points'], 'bandAboveBenchmark', { benchmark: scoring.benchmark });
  });
}

interface CalendarDayLike {
  day: number;
  month_offset: number;
}

/** Open, due and lock in that order (equal is allowed: a zero-length window). */
export function checkCalendarOrder(
  calendar: { open: CalendarDayLike; due: CalendarDayLike; lock: CalendarDayLike },
  ctx: IssueSink,
): void {
  const days = [calendar.open, calendar.due, calendar.lock];
  const valid = (d: CalendarDayLike) =>
    Number.isInteger(d.day) &&
    d.day >= 1 &&
    d.day <= 31 &&
    Number.isInteger(d.month_offset) &&
    d.month_offset >= 0 &&
    d.month_offset <= 2;
  if (!days.every(valid)) return;
  // Month offset first, then day: an ordering that holds whatever the month's length.
  const position = (d: CalendarDayLike) => d.month_offset * 100 + d.day;
  if (position(calendar.due) < position(calendar.open)) report(ctx, ['due'], 'dueBeforeOpen');
  if (position(calendar.lock) < position(calendar.due)) report(ctx, ['lock'], 'lockBeforeDue');
}

export function checkOfficeHours(
  reminders: { send_at: string; office_hours: { start: string; end: string } },
  ctx: IssueSink,
): void {
  const { start, end } = reminders.office_hours;
  // "HH:MM" strings compare in time order once padded (the schema pads "8:30"); skip malformed ones.
  if (![start, end, reminders.send_at].every((time) => /^\d\d:\d\d$/.test(time))) return;
  if (start >= end) {
    report(ctx, ['office_hours', 'end'], 'officeHoursOrder', { start });
  } else if (reminders.send_at < start || reminders.send_at > end) {
    report(ctx, ['send_at'], 'outsideOfficeHours', { start, end });
  }
}
