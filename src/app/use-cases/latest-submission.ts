import type { Bloc } from '../../domain/bloc.ts';
import { addMonths, currentPeriod, REOPEN_LOOKBACK_MONTHS, type PeriodId } from '../../domain/calendar/index.ts';
import type { Repositories } from '../ports.ts';

/**
 * The latest period, from the current one back `lookbackMonths`, for which the unit has sent a report
 * (submitted, returned or accepted: a draft has not been sent). /xem shows it when no period is named.
 */
export async function latestSentPeriod(
  repos: Pick<Repositories, 'submissions'>,
  bloc: Bloc,
  unitId: string,
  now: Date,
  lookbackMonths: number = REOPEN_LOOKBACK_MONTHS,
): Promise<PeriodId | undefined> {
  const current = currentPeriod(bloc.calendar, now);
  for (let back = 0; back <= lookbackMonths; back++) {
    const periodId = addMonths(current, -back);
    const submission = await repos.submissions.find(bloc.id, periodId, unitId);
    if (submission && submission.status !== 'draft') return periodId;
  }
  return undefined;
}
