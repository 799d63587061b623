import type { Bloc } from '../../domain/bloc.ts';
import {
  addMonths,
  currentPeriod,
  periodYear,
  type OpenPeriod,
  type PeriodId,
  type PeriodRefusal,
} from '../../domain/calendar/index.ts';
import type { Submission } from '../../domain/submission.ts';
import type { Repositories } from '../ports.ts';
import { unitsOfPeriod } from './reporting-status.ts';
import { loadUnitCalendar, type UnitCalendar } from './unit-calendar.ts';

/**
 * Whether a unit may report for a period now. Asked when a report starts, at every step of the
 * draft (a period may lock while it is being typed) and again when it is sent.
 * - `notMember`: the unit is not a member of the bloc in the period's year (a year the bloc file
 *   lacks uses its latest year), so it has nothing to report for that period;
 * - `refused`: the calendar says no (not open yet, locked): the refusal says why;
 * - `accepted`: the secretariat accepted the unit's report, which locks it for the unit.
 */
export type Reportability =
  | { status: 'ok'; calendar: UnitCalendar; existing?: Submission }
  | { status: 'notMember'; year: number }
  | { status: 'refused'; refusal: PeriodRefusal }
  | { status: 'accepted'; existing: Submission };

export async function checkReportable(
  repos: Pick<Repositories, 'calendar' | 'submissions'>,
  bloc: Bloc,
  unitId: string,
  periodId: PeriodId,
  now: Date,
): Promise<Reportability> {
  if (!isMember(bloc, unitId, periodId)) return { status: 'notMember', year: periodYear(periodId) };
  const calendar = await loadUnitCalendar(repos, bloc, unitId, now);
  const refusal = calendar.refusal(periodId);
  if (refusal) return { status: 'refused', refusal };
  const existing = await repos.submissions.find(bloc.id, periodId, unitId);
  if (existing?.status === 'accepted') return { status: 'accepted', existing };
  return { status: 'ok', calendar, existing };
}

/** The periods a unit may report for now, and what keeps the others out. */
export interface ReportablePeriods {
  calendar: UnitCalendar;
  /** Open for the unit and not accepted, oldest first. */
  open: OpenPeriod[];
  /** Open by the calendar, but the unit's report was accepted (locked for it). */
  accepted: PeriodId[];
  /** Open by the calendar, but the unit is not a member of the bloc in that period's year. */
  notMember: PeriodId[];
  /** When none is open: the next period and the instant it opens. */
  next?: { id: PeriodId; openAt: Date };
}

export async function reportablePeriods(
  repos: Pick<Repositories, 'calendar' | 'submissions'>,
  bloc: Bloc,
  unitId: string,
  now: Date,
): Promise<ReportablePeriods> {
  const calendar = await loadUnitCalendar(repos, bloc, unitId, now);
  const open: OpenPeriod[] = [];
  const accepted: PeriodId[] = [];
  const notMember: PeriodId[] = [];
  for (const period of calendar.openPeriods()) {
    if (!isMember(bloc, unitId, period.id)) {
      notMember.push(period.id);
      continue;
    }
    const existing = await repos.submissions.find(bloc.id, period.id, unitId);
    if (existing?.status === 'accepted') accepted.push(period.id);
    else open.push(period);
  }
  if (open.length > 0 || accepted.length > 0 || notMember.length > 0) return { calendar, open, accepted, notMember };
  // The current period has opened and is closed for the unit: the next one is the first to open.
  const nextId = addMonths(currentPeriod(bloc.calendar, now), 1);
  return { calendar, open, accepted, notMember, next: { id: nextId, openAt: calendar.instants(nextId).openAt } };
}

function isMember(bloc: Bloc, unitId: string, periodId: PeriodId): boolean {
  return unitsOfPeriod(bloc, periodId).some((u) => u.id === unitId);
}
