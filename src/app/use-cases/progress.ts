import type { Bloc, MemberUnit } from '../../domain/bloc.ts';
import type { PeriodId } from '../../domain/calendar/index.ts';
import type { Repositories } from '../ports.ts';
import {
  calendarsOf,
  periodReporting,
  unitsOfPeriod,
  type PeriodReporting,
  type UnitReportStatus,
} from './reporting-status.ts';

/** One unit's line of the progress digest. */
export interface ProgressLine {
  unit: MemberUnit;
  status: UnitReportStatus;
}

/**
 * Who has reported for a period (/tiendo): in on time, in late, returned for revision, a draft not
 * sent, nothing at all; each group in the bloc file's order. The counts and rates are those of
 * `periodReporting`, so /tiendo, /chuanop and the reminders count a report the same way: a report is
 * in once submitted or accepted; one in without an on-time flag counts as in, not on time.
 */
export interface PeriodProgress {
  periodId: PeriodId;
  reporting: PeriodReporting;
  onTime: ProgressLine[];
  late: ProgressLine[];
  returned: ProgressLine[];
  draft: ProgressLine[];
  none: ProgressLine[];
  /** Reports in ÷ units expected, in percent; undefined for a period with no member unit. */
  reportingRate?: number;
  /** Reports in on time ÷ units expected, in percent. */
  onTimeRate?: number;
}

type Group = 'onTime' | 'late' | 'returned' | 'draft' | 'none';

function groupOf(s: UnitReportStatus): Group {
  if (s.isIn) return s.onTime === true ? 'onTime' : 'late';
  if (s.status === 'returned' || s.status === 'draft') return s.status;
  return 'none';
}

export async function periodProgress(
  repos: Pick<Repositories, 'submissions' | 'calendar'>,
  bloc: Bloc,
  periodId: PeriodId,
  now: Date,
): Promise<PeriodProgress> {
  const reporting = await periodReporting(repos, calendarsOf(repos, bloc, now), bloc, periodId, now);
  const units = new Map(unitsOfPeriod(bloc, periodId).map((u) => [u.id, u]));
  const groups: Record<Group, ProgressLine[]> = { onTime: [], late: [], returned: [], draft: [], none: [] };
  for (const status of reporting.units) {
    const unit = units.get(status.unitId);
    if (unit) groups[groupOf(status)].push({ unit, status });
  }
  const rate = (n: number) => (reporting.expected > 0 ? (n / reporting.expected) * 100 : undefined);
  const reportingRate = rate(reporting.submitted);
  const onTimeRate = rate(reporting.onTime);
  return {
    periodId,
    reporting,
    ...groups,
    ...(reportingRate === undefined ? {} : { reportingRate }),
    ...(onTimeRate === undefined ? {} : { onTimeRate }),
  };
}
