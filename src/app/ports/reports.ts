import type { Nomination } from '../../domain/nomination.ts';
import type { AuditActor, ReportedValue, Submission } from '../../domain/submission.ts';

/** How one reported value looked before or after a change. */
export type AuditedValue = Omit<ReportedValue, 'indicatorCode'>;

export interface AuditEntry {
  id: number;
  blocId: string;
  periodId: string;
  unitId: string;
  indicatorCode: string;
  /** The submission's revision after the change. */
  revision: number;
  /** Absent when the value was added. */
  before?: AuditedValue;
  /** Absent when the value was removed. */
  after?: AuditedValue;
  actor: AuditActor;
  at: Date;
  reason?: string;
}

export interface Submissions {
  find(blocId: string, periodId: string, unitId: string): Promise<Submission | undefined>;
  /**
   * Upserts the submission and its values and writes one audit entry per value added, changed or
   * removed (domain `changedValues`). Storage owns `revision`: it grows by one each time the report is
   * submitted (first time, after a return, or with changed values while submitted); otherwise it is
   * kept. A report sent again keeps `firstSubmittedAt` and `onTime` of the stored one (domain
   * `settleTimeliness`: the first submission wins). Saves of one report take turns (a lock held to
   * the end of the transaction, even before the report's first row exists). Returns what was stored.
   */
  save(submission: Submission, audit: { actor: AuditActor; at: Date; reason?: string }): Promise<Submission>;
  /**
   * `save`, also returning the submission it replaced (read under the same lock; undefined when there
   * was none), so a caller says what changed against what was really replaced, not against an
   * earlier read that another sender may have overtaken.
   */
  saveReplacing(
    submission: Submission,
    audit: { actor: AuditActor; at: Date; reason?: string },
  ): Promise<{ saved: Submission; previous: Submission | undefined }>;
  listForPeriod(blocId: string, periodId: string): Promise<Submission[]>;
  /** Oldest first. */
  auditTrail(blocId: string, periodId: string, unitId: string): Promise<AuditEntry[]>;
}

export interface Reopening {
  id: number;
  blocId: string;
  periodId: string;
  unitId: string;
  until: Date;
  reason: string;
  by: AuditActor;
  at: Date;
}

export interface Extension {
  blocId: string;
  periodId: string;
  /** The new due day, 'YYYY-MM-DD' in the bloc's time zone. */
  dueDate: string;
  reason?: string;
  by: AuditActor;
  at: Date;
}

/** The secretariat's changes to the calendar: reopenings per unit, extensions per period. */
export interface CalendarOverrides {
  addReopening(reopening: Omit<Reopening, 'id'>): Promise<Reopening>;
  /** Oldest first; all of the bloc's, or one unit's. */
  reopenings(blocId: string, unitId?: string): Promise<Reopening[]>;
  /** One extension per period: a later call replaces it. */
  setExtension(extension: Extension): Promise<void>;
  extensions(blocId: string): Promise<Extension[]>;
}

export interface Nominations {
  create(nomination: Nomination): Promise<Nomination & { id: number; createdAt: Date }>;
  listForUnit(blocId: string, unitId: string, year?: number): Promise<Nomination[]>;
  /** Live nominations whose `nomineeKey` equals `key` (likely duplicates), any unit. */
  findByNomineeKey(blocId: string, key: string): Promise<Nomination[]>;
  /** Erases the personal data and hides the nomination; a tombstone keeps who removed it and why. */
  remove(id: number, by: AuditActor, reason: string, at: Date): Promise<boolean>;
}
