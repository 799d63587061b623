import type { Bloc } from '../../domain/bloc.ts';
import { isOnTime, type PeriodId, type PeriodRefusal } from '../../domain/calendar/index.ts';
import type { ReportedValue, Submission, ValueChange } from '../../domain/submission.ts';
import type { AuditActor, Repositories } from '../ports.ts';
import { openReport, type Reportability } from './report-status.ts';
import { storeSubmission } from './store-submission.ts';

export interface SubmitReportRequest {
  bloc: Bloc;
  unitId: string;
  periodId: PeriodId;
  /** At most one per indicator of the bloc; optional indicators may be missing. */
  values: ReportedValue[];
  actor: AuditActor;
  now: Date;
}

/**
 * What sending a report came to:
 * - `submitted`: stored; `revision` is true when the unit had sent this period before, and `changes`
 *   then lists what differs from that report, exactly what the audit recorded (in the bloc's
 *   indicator order, values of indicators the bloc file no longer has last);
 * - `refused`: the period stopped taking reports for the unit (locked while the draft was typed);
 * - `accepted`: the secretariat accepted the unit's report meanwhile, which locks it;
 * - `notMember`: the unit is not a member of the bloc in the period's year;
 * - `incomplete`: required indicators are missing (their codes).
 */
export type SubmitReportResult =
  | { status: 'submitted'; submission: Submission; revision: boolean; changes: ValueChange[] }
  | { status: 'refused'; refusal: PeriodRefusal }
  | { status: 'accepted' }
  | { status: 'notMember'; year: number }
  | { status: 'incomplete'; missing: string[] };

/**
 * Sends a unit's figures for a period (design.md, "The period calendar"). `opened` is the report as
 * the step opened it (`openReport`: locked and read in this transaction, with its calendar);
 * without it the report is opened here. On time or late is fixed by the first complete submission
 * and kept by later revisions; after a return, revising before the date the secretariat gave keeps
 * it, revising after that makes the report late (domain `reviseSubmission`, applied to the report
 * read under the lock, so of two senders at once the first wins and the second is told what it really
 * replaced). Runs inside the caller's unit of work.
 */
export async function submitReport(
  repos: Pick<Repositories, 'unitOfWork' | 'calendar' | 'submissions'>,
  request: SubmitReportRequest & { opened?: Reportability },
): Promise<SubmitReportResult> {
  const { bloc, unitId, periodId, now, actor } = request;
  const byCode = new Map(request.values.map((v) => [v.indicatorCode, v]));
  for (const code of byCode.keys()) {
    if (!bloc.indicators.some((i) => i.code === code))
      throw new Error(`Unknown indicator ${code} in a report of ${bloc.id}`);
  }
  const missing = bloc.indicators.filter((i) => i.required && !byCode.has(i.code)).map((i) => i.code);
  if (missing.length > 0) return { status: 'incomplete', missing };

  const check = request.opened ?? (await openReport(repos, bloc, unitId, periodId, now));
  if (check.status === 'refused') return { status: 'refused', refusal: check.refusal };
  if (check.status === 'accepted') return { status: 'accepted' };
  if (check.status === 'notMember') return check;

  const values = bloc.indicators.flatMap((i) => byCode.get(i.code) ?? []);
  // What would hold were this the first submission; the domain settles it against what is stored.
  const submission: Submission = {
    blocId: bloc.id,
    periodId,
    unitId,
    status: 'submitted',
    values,
    firstSubmittedAt: now,
    lastSubmittedAt: now,
    onTime: isOnTime(check.calendar.instants(periodId), now),
    revision: 0,
  };
  const { saved, previous, changes } = await storeSubmission(
    repos,
    submission,
    { actor, at: now },
    { previous: check.existing },
  );
  const sentBefore = previous !== undefined && previous.status !== 'draft';
  return {
    status: 'submitted',
    submission: saved,
    revision: sentBefore,
    changes: sentBefore ? inBlocOrder(bloc, changes) : [],
  };
}

/** The changes in the order the bloc lists its indicators (those it no longer has last). */
function inBlocOrder(bloc: Bloc, changes: ValueChange[]): ValueChange[] {
  const order = new Map(bloc.indicators.map((indicator, i) => [indicator.code, i]));
  const rank = (c: ValueChange) => order.get(c.indicatorCode) ?? bloc.indicators.length;
  return [...changes].sort((a, b) => rank(a) - rank(b));
}
