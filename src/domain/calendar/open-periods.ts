import type { CalendarRule } from '../bloc.ts';
import { periodInstants, stateAt, type PeriodInstants, type PeriodOverrides } from './calendar.ts';
import { addMonths, periodOf, type PeriodId } from './period-id.ts';

/** How far back `openPeriodsFor` looks for periods reopened long after they locked, in months. */
export const REOPEN_LOOKBACK_MONTHS = 12;

/** A period a unit may report for now, with its state and instants (to show its deadline). */
export interface OpenPeriod {
  id: PeriodId;
  state: 'open' | 'due' | 'late';
  instants: PeriodInstants;
  /** Open only because the secretariat reopened it for this unit. */
  reopened: boolean;
}

/** The overrides of one period for the unit concerned; undefined when there are none. */
export type OverridesFor = (periodId: PeriodId) => PeriodOverrides | undefined;

/**
 * "The current period" of a bloc: the latest period whose `openAt` ≤ `now` (the default for
 * standings, progress and export). With the example calendar, on 9 July it is June, and from
 * 10 July 00:00 it is July. Extensions do not matter: they never move `openAt`.
 */
export function currentPeriod(rule: CalendarRule, now: Date): PeriodId {
  // The period whose open day falls in this local month; openAt grows with the period, so at most
  // one step back (its open day is later this month) or forward (a negative offset) is needed.
  let candidate = addMonths(periodOf(now, rule.timezone), -rule.open.monthOffset);
  while (openAtOf(rule, candidate) > now) candidate = addMonths(candidate, -1);
  while (openAtOf(rule, addMonths(candidate, 1)) <= now) candidate = addMonths(candidate, 1);
  return candidate;
}

function openAtOf(rule: CalendarRule, periodId: PeriodId): Date {
  return periodInstants(rule, periodId).openAt;
}

/**
 * The periods a unit may report for at `now`, oldest first: those open, due or late for it, and
 * those the secretariat reopened for it. Looks back `lookbackMonths` before the current period, so a
 * reopening of an older period is not seen (periods after the current one are not open yet).
 */
export function openPeriodsFor(
  rule: CalendarRule,
  now: Date,
  overridesFor: OverridesFor = () => undefined,
  lookbackMonths: number = REOPEN_LOOKBACK_MONTHS,
): OpenPeriod[] {
  const current = currentPeriod(rule, now);
  const result: OpenPeriod[] = [];
  for (let back = lookbackMonths; back >= 0; back--) {
    const id = addMonths(current, -back);
    const overrides = overridesFor(id);
    const instants = periodInstants(rule, id, overrides);
    const state = stateAt(instants, now, overrides?.reopening);
    if (state === 'open' || state === 'due' || state === 'late') {
      const reopened = stateAt(instants, now) !== state;
      result.push({ id, state, instants, reopened });
    }
  }
  return result;
}
