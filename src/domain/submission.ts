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
