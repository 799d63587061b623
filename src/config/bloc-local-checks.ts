import { MONEY_UNITS, type IndicatorKind, type MeasureUnit } from '../domain/bloc.ts';

/**
 * Checks inside one section of the bloc file (one indicator, the calendar, a list), run by zod after
 * the section's fields have their types. zod also runs them when a field failed only a bound (a day
 * of 40), so each check looks at the values it compares before comparing them.
 */

/** What a check needs from zod's refinement context (kept narrow so these stay plain functions). */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; path?: PropertyKey[] }): void;
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
    if (values.indexOf(value) !== index) ctx.addIssue({ code: 'custom', path: [index], message: `${String(value)} is repeated` });
  });
}

/** Bands read like the blocs' tables, best first: each `from` lower than the one before. */
export function checkBandOrder(bands: readonly { from: number; points: number }[], ctx: IssueSink): void {
  bands.forEach((band, index) => {
    const previous = bands[index - 1];
    if (!previous) return;
    if (!(band.from < previous.from)) {
      ctx.addIssue({ code: 'custom', path: [index, 'from'], message: `bands go from the highest "from" down: ${band.from} must be below ${previous.from}` });
    } else if (band.points > previous.points) {
      ctx.addIssue({ code: 'custom', path: [index, 'points'], message: `a lower band cannot earn more points than the band above it (${previous.points})` });
    }
  });
}

interface IndicatorLike {
  kind: IndicatorKind;
  unit?: MeasureUnit | undefined;
  decimals?: number | undefined;
  ratio_at_most_one?: boolean | undefined;
  scoring?: { benchmark: number; method: 'linear' | 'bands'; target?: number | undefined; bands?: { from: number; points: number }[] | undefined } | undefined;
}

export function checkIndicator(indicator: IndicatorLike, ctx: IssueSink): void {
  const { kind, unit, scoring } = indicator;
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (PERCENT_KINDS.includes(kind)) {
    if (unit !== undefined && unit !== 'percent') issue(['unit'], `${kind} indicators are in percent: write unit: percent or leave it out`);
  } else if (unit === undefined) {
    issue(['unit'], `required for ${kind} indicators`);
  } else if (kind === 'amount' ? !isMoney(unit) : isMoney(unit) || unit === 'percent') {
    issue(['unit'], kind === 'amount' ? 'an amount is money: billion_vnd, million_vnd, thousand_vnd or vnd' : `${unit} does not fit ${kind} indicators`);
  }
  if ((kind === 'count' || kind === 'ratio') && indicator.decimals !== undefined && indicator.decimals !== 0) {
    issue(['decimals'], `${kind} indicators are whole numbers: decimals must be 0`);
  }
  if (indicator.ratio_at_most_one !== undefined && kind !== 'ratio') issue(['ratio_at_most_one'], 'only for ratio indicators');
  if (!scoring) return;
  if (scoring.target !== undefined && PLAN_KINDS.includes(kind)) {
    issue(['scoring', 'target'], `${kind} indicators are scored against each unit's plan (years.<year>.plans): remove target`);
  }
  if (scoring.method === 'linear') {
    if (scoring.bands) issue(['scoring', 'bands'], 'bands are used only with method: bands');
    if (scoring.target === undefined && TARGET_KINDS.includes(kind)) issue(['scoring', 'target'], `required for a linear rule on ${kind} indicators`);
  } else if (!scoring.bands) {
    issue(['scoring', 'bands'], 'required with method: bands');
  }
  scoring.bands?.forEach((band, index) => {
    if (band.points > scoring.benchmark) issue(['scoring', 'bands', index, 'points'], `more than the benchmark (${scoring.benchmark})`);
  });
}

interface CalendarDayLike {
  day: number;
  month_offset: number;
}

/** Open, due and lock in that order (equal is allowed: a zero-length window). */
export function checkCalendarOrder(calendar: { open: CalendarDayLike; due: CalendarDayLike; lock: CalendarDayLike }, ctx: IssueSink): void {
  const days = [calendar.open, calendar.due, calendar.lock];
  const valid = (d: CalendarDayLike) => Number.isInteger(d.day) && d.day >= 1 && d.day <= 31 && Number.isInteger(d.month_offset) && d.month_offset >= 0 && d.month_offset <= 2;
  if (!days.every(valid)) return;
  // Month offset first, then day: an ordering that holds whatever the month's length.
  const position = (d: CalendarDayLike) => d.month_offset * 100 + d.day;
  if (position(calendar.due) < position(calendar.open)) ctx.addIssue({ code: 'custom', path: ['due'], message: 'the due day comes before the open day' });
  if (position(calendar.lock) < position(calendar.due)) ctx.addIssue({ code: 'custom', path: ['lock'], message: 'the lock day comes before the due day' });
}

export function checkOfficeHours(reminders: { send_at: string; office_hours: { start: string; end: string } }, ctx: IssueSink): void {
  const { start, end } = reminders.office_hours;
  // "HH:MM" strings compare in time order once padded (the schema pads "8:30"); skip malformed ones.
  if (![start, end, reminders.send_at].every((time) => /^\d\d:\d\d$/.test(time))) return;
  if (start >= end) {
    ctx.addIssue({ code: 'custom', path: ['office_hours', 'end'], message: `must be after the start (${start})` });
  } else if (reminders.send_at < start || reminders.send_at > end) {
    ctx.addIssue({ code: 'custom', path: ['send_at'], message: `must be within office hours (${start}–${end})` });
  }
}
