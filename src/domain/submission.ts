import type { FigureValue } from './figure.ts';

/**
 * Status of one unit's report for one period (design.md, "The period calendar"):
 * none → draft → submitted → returned (by the secretariat, with a reason) → submitted → accepted.
 * `accepted` locks the unit's report.
 */
export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'accepted';

/** One reported figure: the text as typed is kept beside the value it was read as. */
export interface ReportedValue {
  indicatorCode: string;
  raw: string;
  value: FigureValue;
  note?: string;
  /** An estimate (số ước) rather than an official figure. */
  estimate: boolean;
  /**
   * Outside the indicator's valid range, and the person confirmed it when asked (domain.md, Figures
   * in chat, rule 7). A flag, not words in `note`: the note is what the person wrote.
   */
  confirmedOutOfRange?: boolean;
  /**
   * A validation rule asked it back and the person confirmed it (domain/validation: a ratio's total
   * other than the unit's plan, a figure far from or below the unit's previous month). Its own flag,
   * apart from the range one: the figure may be inside its range and still unusual for this unit.
   */
  confirmedValidation?: boolean;
}

/** Who wrote something, for the audit trail. */
export interface AuditActor {
  channel: string;
  userId: string;
  name?: string;
}

/**
 * A unit's report for a period. `onTime` is fixed by the first complete submission (or by revising
 * before the date a return gave); later revisions are audited and do not change it.
 */
export interface Submission {
  blocId: string;
  periodId: string;
  unitId: string;
  status: SubmissionStatus;
  values: ReportedValue[];
  firstSubmittedAt?: Date;
  lastSubmittedAt?: Date;
  onTime?: boolean;
  revision: number;
  returnReason?: string;
  reviseBy?: Date;
}

/**
 * A report being sent over `previous`, with its timeliness settled (design.md, "The period calendar"):
 * on time or late is fixed by the first complete submission, which also keeps its instant; later
 * revisions keep both, except that after a return with a date to revise by, revising after that date
 * makes the report late. `submission` carries what would hold were it the first (`onTime` judged at
 * `at`). Applied to the report read under the unit's lock (`reviseSubmission`), so of two senders at
 * once the first one wins.
 */
export function settleTimeliness(previous: Submission | undefined, submission: Submission, at: Date): Submission {
  if (submission.status !== 'submitted' || previous === undefined || previous.status === 'draft') return submission;
  const firstSubmittedAt = previous.firstSubmittedAt ?? submission.firstSubmittedAt;
  if (previous.onTime === undefined) return { ...submission, firstSubmittedAt };
  const revisedLate =
    previous.status === 'returned' && previous.reviseBy !== undefined && at.getTime() >= previous.reviseBy.getTime();
  return { ...submission, firstSubmittedAt, onTime: previous.onTime && !revisedLate };
}

function sameFigure(a: FigureValue, b: FigureValue): boolean {
  if (a.type === 'scalar')
    return b.type === 'scalar' && (a.value === b.value || (Number.isNaN(a.value) && Number.isNaN(b.value)));
  return b.type === 'ratio' && a.numerator === b.numerator && a.denominator === b.denominator;
}

/**
 * Whether two reported values of one indicator are the same record: the figure, the text as typed
 * (`raw` is the record of what the person wrote: "45,2 tỷ" → "45.2 tỷ" is a change even though it
 * reads the same), the note (none and empty alike), estimate and the two confirmations (out of range,
 * against a validation rule).
 * The one comparison behind both a receipt's list of changes and storage's revision and audit, so a
 * receipt says "unchanged" exactly when no revision is written.
 */
export function sameReportedValue(a: ReportedValue, b: ReportedValue): boolean {
  return (
    a.indicatorCode === b.indicatorCode &&
    a.raw === b.raw &&
    sameFigure(a.value, b.value) &&
    (a.note ?? '') === (b.note ?? '') &&
    a.estimate === b.estimate &&
    (a.confirmedOutOfRange ?? false) === (b.confirmedOutOfRange ?? false) &&
    (a.confirmedValidation ?? false) === (b.confirmedValidation ?? false)
  );
}

/** One indicator whose value was added (no `before`), changed, or removed (no `after`). */
export interface ValueChange {
  indicatorCode: string;
  before?: ReportedValue;
  after?: ReportedValue;
}

/** What differs between two reports of one unit, by `sameReportedValue`: `after`'s order, then removals. */
export function changedValues(before: readonly ReportedValue[], after: readonly ReportedValue[]): ValueChange[] {
  const old = new Map(before.map((v) => [v.indicatorCode, v]));
  const changes: ValueChange[] = [];
  for (const v of after) {
    const o = old.get(v.indicatorCode);
    old.delete(v.indicatorCode);
    if (o === undefined || !sameReportedValue(o, v))
      changes.push({ indicatorCode: v.indicatorCode, before: o, after: v });
  }
  for (const o of old.values()) changes.push({ indicatorCode: o.indicatorCode, before: o });
  return changes;
}

/**
 * The report to store when `next` is saved over `previous` (read under the unit's lock): timeliness
 * settled (`settleTimeliness`), the values that changed (what the audit records and a receipt lists),
 * and the revision, which grows by one each time the report is submitted (the first time, after a
 * return, or with changed values while submitted) and otherwise stays.
 */
export function reviseSubmission(
  previous: Submission | undefined,
  next: Submission,
  at: Date,
): { submission: Submission; changes: ValueChange[] } {
  const settled = settleTimeliness(previous, next, at);
  const changes = changedValues(previous?.values ?? [], settled.values);
  const submittedAgain = settled.status === 'submitted' && (previous?.status !== 'submitted' || changes.length > 0);
  const revision = (previous?.revision ?? 0) + (submittedAgain ? 1 : 0);
  return { submission: { ...settled, revision }, changes };
}
