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
 * Whether a unit may report for a period now. Asked when a report starts and at every step of the
 * draft, the send included (a period may lock while it is being typed).
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

/** Whether the unit may report, from its calendar and the report stored (pure: no storage). */
export function reportability(
  bloc: Bloc,
  calendar: UnitCalendar,
  unitId: string,
  periodId: PeriodId,
  existing: Submission | undefined,
): Reportability {
  if (!isMember(bloc, unitId, periodId)) return { status: 'notMember', year: periodYear(periodId) };
  const refusal = calendar.refusal(periodId);
  if (refusal) return { status: 'refused', refusal };
  if (existing?.status === 'accepted') return { status: 'accepted', existing };
  return { status: 'ok', calendar, existing };
}

/**
 * Opens a unit's report for this update: takes the unit's lock (storage `Submissions.lock`), reads
 * the stored report once, and judges it against the unit's calendar (read here unless the caller
 * has it). Whatever the update then writes (the report sent) is settled against this very read.
 * Runs inside the update's unit of work.
 */
export async function openReport(
  repos: Pick<Repositories, 'calendar' | 'submissions'>,
  bloc: Bloc,
  unitId: string,
  periodId: PeriodId,
  now: Date,
  calendar?: UnitCalendar,
): Promise<Reportability> {
  await repos.submissions.lock(bloc.id, periodId, unitId);
  const existing = await repos.submissions.find(bloc.id, periodId, unitId);
  return reportability(
    bloc,
    calendar ?? (await loadUnitCalendar(repos, bloc, unitId, now)),
    unitId,
    periodId,
    existing,
  );
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
