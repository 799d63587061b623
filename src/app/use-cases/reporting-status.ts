import { blocYear, type Bloc, type MemberUnit } from '../../domain/bloc.ts';
import {
  addMonths,
  comparePeriods,
  currentPeriod,
  isOnTime,
  periodYear,
  stateAt,
  type PeriodId,
  type PeriodInstants,
  type PeriodState,
} from '../../domain/calendar/index.ts';
import type { Submission, SubmissionStatus } from '../../domain/submission.ts';
import type { Repositories } from '../ports.ts';
import { loadUnitCalendar, type UnitCalendar } from './unit-calendar.ts';

/**
 * Where one unit's report for one period stands now: what is in, and the calendar around it. Used by
 * /trangthai, /chuanop and the reminders, so they all count a report the same way.
 */
export interface UnitReportStatus {
  unitId: string;
  periodId: PeriodId;
  /** `none` when nothing is stored; a draft has not been sent. */
  status: 'none' | SubmissionStatus;
  submission?: Submission;
  /** The report is in: submitted or accepted. A returned report is out until it is sent again. */
  isIn: boolean;
  /**
   * Once the report has been submitted (even if returned since): on time or late, the stored flag,
   * else judged by its first submission. The on-time rate counts it only while the report is in.
   */
  onTime?: boolean;
  /** The period's state for this unit now (a reopening shows as `open`). */
  state: PeriodState;
  instants: PeriodInstants;
  /** The end of the secretariat's reopening, while it lifts a late or locked period for this unit. */
  reopenedUntil?: Date;
}

/** Completeness of one period (domain.md: reporting rate and on-time rate over the units expected). */
export interface PeriodReporting {
  periodId: PeriodId;
  /** One per member unit of the period's bloc year, in the bloc file's order. */
  units: UnitReportStatus[];
  expected: number;
  submitted: number;
  onTime: number;
}

/** Each unit's calendar, read from storage once per use however many periods are looked at. */
export type CalendarsOf = (unitId: string) => Promise<UnitCalendar>;

export function calendarsOf(repos: Pick<Repositories, 'calendar'>, bloc: Bloc, now: Date): CalendarsOf {
  const cache = new Map<string, Promise<UnitCalendar>>();
  return (unitId) => {
    let calendar = cache.get(unitId);
    if (!calendar) {
      calendar = loadUnitCalendar(repos, bloc, unitId, now);
      cache.set(unitId, calendar);
    }
    return calendar;
  };
}

/** The member units of the bloc in the year of `periodId` (or the latest year the file has). */
export function unitsOfPeriod(bloc: Bloc, periodId: PeriodId): MemberUnit[] {
  return blocYear(bloc, periodYear(periodId)).year.units;
}

/** The status of a unit's report from what is stored and its calendar (no storage access). */
export function reportStatus(
  calendar: UnitCalendar,
  unitId: string,
  periodId: PeriodId,
  submission: Submission | undefined,
  now: Date,
): UnitReportStatus {
  const instants = calendar.instants(periodId);
  const state = calendar.state(periodId);
  const isIn = submission?.status === 'submitted' || submission?.status === 'accepted';
  const first = submission?.firstSubmittedAt ?? submission?.lastSubmittedAt;
  const onTime = submission?.onTime ?? (first ? isOnTime(instants, first) : undefined);
  const reopening = calendar.overridesFor(periodId)?.reopening;
  // Reopened only while the reopening is what keeps the period open (the calendar's own rule).
  const reopened = reopening !== undefined && state === 'open' && stateAt(instants, now) !== 'open';
  return {
    unitId,
    periodId,
    status: submission?.status ?? 'none',
    submission,
    isIn,
    onTime,
    state,
    instants,
    reopenedUntil: reopened ? reopening.until : undefined,
  };
}

/** One unit's report for one period. */
export async function unitReportStatus(
  repos: Pick<Repositories, 'submissions'>,
  calendar: UnitCalendar,
  bloc: Bloc,
  unitId: string,
  periodId: PeriodId,
  now: Date,
): Promise<UnitReportStatus> {
  const submission = await repos.submissions.find(bloc.id, periodId, unitId);
  return reportStatus(calendar, unitId, periodId, submission, now);
}

/** Every member unit's report for a period, with the reporting and on-time rates. */
export async function periodReporting(
  repos: Pick<Repositories, 'submissions'>,
  calendars: CalendarsOf,
  bloc: Bloc,
  periodId: PeriodId,
  now: Date,
): Promise<PeriodReporting> {
  const stored = await repos.submissions.listForPeriod(bloc.id, periodId);
  const byUnit = new Map(stored.map((s) => [s.unitId, s]));
  const units: UnitReportStatus[] = [];
  for (const unit of unitsOfPeriod(bloc, periodId)) {
    units.push(reportStatus(await calendars(unit.id), unit.id, periodId, byUnit.get(unit.id), now));
  }
  return {
    periodId,
    units,
    expected: units.length,
    submitted: units.filter((u) => u.isIn).length,
    onTime: units.filter((u) => u.isIn && u.onTime === true).length,
  };
}

/**
 * The periods open now for at least one member unit, oldest first: the bloc's own open periods and
 * any a unit has had reopened. Members are taken from this year and last year, as far back as a
 * unit's open periods reach.
 */
export async function openPeriodsOfBloc(calendars: CalendarsOf, bloc: Bloc, now: Date): Promise<PeriodId[]> {
  const current = currentPeriod(bloc.calendar, now);
  const unitIds = new Set([
    ...unitsOfPeriod(bloc, current).map((u) => u.id),
    ...unitsOfPeriod(bloc, addMonths(current, -12)).map((u) => u.id),
  ]);
  const open = new Set<PeriodId>();
  for (const unitId of unitIds) {
    for (const period of (await calendars(unitId)).openPeriods()) {
      // A unit counts for a period only if it is a member in that period's year.
      if (unitsOfPeriod(bloc, period.id).some((u) => u.id === unitId)) open.add(period.id);
    }
  }
  return [...open].sort(comparePeriods);
}
