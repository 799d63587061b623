import type { Bloc } from '../../domain/bloc.ts';
import {
  describePeriodRefusal,
  openPeriodsFor,
  periodInstants,
  periodState,
  type OpenPeriod,
  type PeriodId,
  type PeriodInstants,
  type PeriodOverrides,
  type PeriodRefusal,
  type PeriodState,
} from '../../domain/calendar/index.ts';
import type { Reopening, Repositories } from '../ports.ts';

/**
 * The calendar of one unit as it stands: the bloc's rule plus the secretariat's extensions and early
 * locks (for everyone) and reopenings (for this unit), read once from storage. Every conversation
 * that asks "which periods are open for this unit" goes through here, so they all agree.
 */
export interface UnitCalendar {
  overridesFor(periodId: PeriodId): PeriodOverrides | undefined;
  openPeriods(): OpenPeriod[];
  state(periodId: PeriodId): PeriodState;
  instants(periodId: PeriodId): PeriodInstants;
  /** Why this unit cannot report for the period now, or undefined if it can. */
  refusal(periodId: string): PeriodRefusal | undefined;
}

/** The instant a reopening stops lifting the period: its end date, or sooner if it was ended. */
export function reopeningEnd(reopening: Pick<Reopening, 'until' | 'endedAt'>): Date {
  const { until, endedAt } = reopening;
  return endedAt && endedAt < until ? endedAt : until;
}

/** With no unit, the bloc's calendar: extensions and early locks only. */
export async function loadUnitCalendar(
  repos: Pick<Repositories, 'calendar'>,
  bloc: Bloc,
  unitId: string | undefined,
  now: Date,
): Promise<UnitCalendar> {
  const [extensions, earlyLocks, reopenings] = await Promise.all([
    repos.calendar.extensions(bloc.id),
    repos.calendar.earlyLocks(bloc.id),
    unitId ? repos.calendar.reopenings(bloc.id, unitId) : Promise.resolve([]),
  ]);
  const overridesFor = (periodId: PeriodId): PeriodOverrides | undefined => {
    const extension = extensions.find((e) => e.periodId === periodId);
    const earlyLock = earlyLocks.find((l) => l.periodId === periodId);
    // The latest reopening of the period counts: a second one replaces the first.
    const reopening = reopenings.filter((r) => r.periodId === periodId).at(-1);
    if (!extension && !reopening && !earlyLock) return undefined;
    return {
      extension: extension ? { dueDate: extension.dueDate } : undefined,
      reopening: reopening ? { until: reopeningEnd(reopening) } : undefined,
      earlyLock: earlyLock ? { at: earlyLock.at } : undefined,
    };
  };
  const rule = bloc.calendar;
  return {
    overridesFor,
    openPeriods: () => openPeriodsFor(rule, now, overridesFor),
    state: (id) => periodState(rule, id, now, overridesFor(id)),
    instants: (id) => periodInstants(rule, id, overridesFor(id)),
    refusal: (id) => describePeriodRefusal(rule, id, now, overridesFor(id)),
  };
}
