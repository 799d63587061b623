import type { Bloc } from '../../domain/bloc.ts';
import { addMonths, comparePeriods, currentPeriod, type PeriodId } from '../../domain/calendar/index.ts';
import type { Repositories } from '../ports.ts';
import { reportStatus, unitsOfPeriod, unitReportStatus, type UnitReportStatus } from './reporting-status.ts';
import { loadUnitCalendar } from './unit-calendar.ts';

/** How many periods before the current one /trangthai shows, besides those still open. */
export const PAST_PERIODS_SHOWN = 3;

/** The next moment a unit has to meet: a period's on-time deadline, a reopening's end, a revise-by date. */
export interface NextDeadline {
  periodId: PeriodId;
  /** The instant the deadline ends (exclusive: a local midnight for calendar deadlines). */
  at: Date;
  /** Set when the period has not opened yet. */
  opensAt?: Date;
}

/** A unit's recent reporting: the periods open for it and the last few, newest first. */
export interface UnitReportHistory {
  unitId: string;
  periods: UnitReportStatus[];
  next?: NextDeadline;
}

/**
 * What /trangthai shows for one unit: every period open for it now, and the current period with the
 * `past` before it (only those in which it is a member), newest first; plus its nearest deadline.
 */
export async function unitReportHistory(
  repos: Pick<Repositories, 'calendar' | 'submissions'>,
  bloc: Bloc,
  unitId: string,
  now: Date,
  past: number = PAST_PERIODS_SHOWN,
): Promise<UnitReportHistory> {
  const calendar = await loadUnitCalendar(repos, bloc, unitId, now);
  const current = currentPeriod(bloc.calendar, now);
  const ids = new Set<PeriodId>(calendar.openPeriods().map((p) => p.id));
  for (let back = 0; back <= past; back++) ids.add(addMonths(current, -back));
  const member = (id: PeriodId) => unitsOfPeriod(bloc, id).some((u) => u.id === unitId);
  const periods: UnitReportStatus[] = [];
  for (const id of [...ids].filter(member).sort(comparePeriods).reverse()) {
    periods.push(await unitReportStatus(repos, calendar, bloc, unitId, id, now));
  }
  const upcoming = addMonths(current, 1);
  const candidates = [...periods];
  if (member(upcoming)) {
    const submission = await repos.submissions.find(bloc.id, upcoming, unitId);
    candidates.push(reportStatus(calendar, unitId, upcoming, submission, now));
  }
  return { unitId, periods, next: nearestDeadline(candidates, now) };
}

/** The deadline still ahead for a report not in, if any. */
function deadlineOf(s: UnitReportStatus, now: Date): NextDeadline | undefined {
  if (s.isIn) return undefined;
  const reviseBy = s.status === 'returned' ? s.submission?.reviseBy : undefined;
  const at = reviseBy ?? s.reopenedUntil ?? s.instants.onTimeUntil;
  if (at.getTime() <= now.getTime()) return undefined;
  return { periodId: s.periodId, at, opensAt: s.state === 'not_open' ? s.instants.openAt : undefined };
}

function nearestDeadline(statuses: readonly UnitReportStatus[], now: Date): NextDeadline | undefined {
  let best: NextDeadline | undefined;
  for (const s of statuses) {
    const d = deadlineOf(s, now);
    if (d && (!best || d.at.getTime() < best.at.getTime())) best = d;
  }
  return best;
}
