import type { Bloc } from '../../domain/bloc.ts';
import { isOnTime, type PeriodId, type PeriodRefusal } from '../../domain/calendar/index.ts';
import { changedValues, type ReportedValue, type Submission, type ValueChange } from '../../domain/submission.ts';
import type { AuditActor, Repositories } from '../ports.ts';
import { checkReportable } from './report-status.ts';

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
 *   then lists what differs from that report, by the same comparison storage audits with (in the
 *   bloc's indicator order, values of indicators the bloc file no longer has last);
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
 * Sends a unit's figures for a period (design.md, "The period calendar"). Checks again, at the
 * moment of sending, that the period takes reports from the unit. On time or late is fixed by the
 * first complete submission and kept by later revisions; after a return, revising before the date
 * the secretariat gave keeps it, revising after that makes the report late (domain
 * `settleTimeliness`, applied by storage to the stored report). Storage owns the revision number and
 * writes the audit trail (old → new per value). Runs inside the caller's unit of work.
 */
export async function submitReport(
  repos: Pick<Repositories, 'calendar' | 'submissions'>,
  request: SubmitReportRequest,
): Promise<SubmitReportResult> {
  const { bloc, unitId, periodId, now, actor } = request;
  const byCode = new Map(request.values.map((v) => [v.indicatorCode, v]));
  for (const code of byCode.keys()) {
    if (!bloc.indicators.some((i) => i.code === code))
      throw new Error(`Unknown indicator ${code} in a report of ${bloc.id}`);
  }
  const missing = bloc.indicators.filter((i) => i.required && !byCode.has(i.code)).map((i) => i.code);
  if (missing.length > 0) return { status: 'incomplete', missing };

  const check = await checkReportable(repos, bloc, unitId, periodId, now);
  if (check.status === 'refused') return { status: 'refused', refusal: check.refusal };
  if (check.status === 'accepted') return { status: 'accepted' };
  if (check.status === 'notMember') return check;

  // What would hold were this the first submission; storage settles timeliness, revision and the
  // changes against the report it holds under lock, so of two senders at once the first one wins and
  // the second is told what it really replaced (not what it read before the other committed).
  const values = bloc.indicators.flatMap((i) => byCode.get(i.code) ?? []);
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
  const { saved, previous } = await repos.submissions.saveReplacing(submission, { actor, at: now });
  const sentBefore = previous !== undefined && previous.status !== 'draft';
  return {
    status: 'submitted',
    submission: saved,
    revision: sentBefore,
    changes: sentBefore ? diff(bloc, previous.values, values) : [],
  };
}

/** Storage's changes, in the order the bloc lists its indicators. */
function diff(bloc: Bloc, before: ReportedValue[], after: ReportedValue[]): ValueChange[] {
  const order = new Map(bloc.indicators.map((indicator, i) => [indicator.code, i]));
  const rank = (c: ValueChange) => order.get(c.indicatorCode) ?? bloc.indicators.length;
  return changedValues(before, after).sort((a, b) => rank(a) - rank(b));
}
