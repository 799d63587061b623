import type { CalendarRule } from '../bloc.ts';
import { periodInstants, stateAt, type PeriodOverrides } from './calendar.ts';
import { isPeriodId } from './period-id.ts';
import { formatLocalDate, localDateOf } from './zoned-time.ts';

/** Why a period someone asked for cannot take a report (locale keys). */
export type PeriodRefusalKey = 'period.refused.notAPeriod' | 'period.refused.notOpenYet' | 'period.refused.locked';

/** A refusal to show: a locale key and its params. */
export interface PeriodRefusal {
  key: PeriodRefusalKey;
  params: Record<string, string | number>;
}

/**
 * Why a unit cannot report for `periodId` at `now`, or undefined when it can (open, due, late, or
 * reopened for it). Params: `period` (the id as asked); for `notOpenYet`, `openAt` = the local date
 * (`YYYY-MM-DD`) from whose start it opens; for `locked`, `lockedAt` = the last local date on which it
 * was taken (it locked at that day's end). The locale text says who can reopen (the secretariat).
 */
export function describePeriodRefusal(
  rule: CalendarRule,
  periodId: string,
  now: Date,
  overrides?: PeriodOverrides,
): PeriodRefusal | undefined {
  if (!isPeriodId(periodId)) return { key: 'period.refused.notAPeriod', params: { period: periodId } };
  const instants = periodInstants(rule, periodId, overrides);
  const zone = rule.timezone;
  switch (stateAt(instants, now, overrides?.reopening)) {
    case 'not_open':
      return {
        key: 'period.refused.notOpenYet',
        params: { period: periodId, openAt: formatLocalDate(localDateOf(instants.openAt, zone)) },
      };
    case 'locked': {
      // lockAt is the midnight ending the lock day (or the instant of an early lock): name the day
      // of its last moment, as people count days.
      const lockDay = localDateOf(new Date(instants.lockAt.getTime() - 1), zone);
      return { key: 'period.refused.locked', params: { period: periodId, lockedAt: formatLocalDate(lockDay) } };
    }
    default:
      return undefined;
  }
}
