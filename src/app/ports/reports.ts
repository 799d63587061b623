import type { Nomination } from '../../domain/nomination.ts';
import type { AuditActor, ReportedValue, Submission, ValueChange } from '../../domain/submission.ts';

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

/**
 * Stored reports, their values and per-value audit trail. Storage keeps no rule of its own: whether a
 * save is a revision, on time, or what changed is decided by the use-case (`storeSubmission`, domain
 * `reviseSubmission`) on what `find` returned under `lock`.
 */
export interface Submissions {
  /**
   * Makes the caller the only writer of this unit's report until its transaction ends (PostgreSQL:
   * an advisory lock, which also covers a first report with no row yet; SQLite has one writer at a
   * time anyway). Call it inside a unit of work, before `find`, when what you write depends on what
   * you read.
   */
  lock(blocId: string, periodId: string, unitId: string): Promise<void>;
  find(blocId: string, periodId: string, unitId: string): Promise<Submission | undefined>;
  /** Stores the report as given (row and values replaced) and one audit entry per change given. */
  write(
    submission: Submission,
    audit: { changes: readonly ValueChange[]; actor: AuditActor; at: Date; reason?: string },
  ): Promise<void>;
  listForPeriod(blocId: string, periodId: string): Promise<Submission[]>;
  /** Oldest first. */
  auditTrail(blocId: string, periodId: string, unitId: string): Promise<AuditEntry[]>;
}

/**
 * The secretariat's reopening of one unit's period (`/moky`), kept as history: who, when, why, until
 * when; and, once `/khoaky <period> <unit>` ended it before `until`, who ended it and when.
 */
export interface Reopening {
  id: number;
  blocId: string;
  periodId: string;
  unitId: string;
  until: Date;
  reason: string;
  by: AuditActor;
  at: Date;
  endedAt?: Date;
  endedBy?: AuditActor;
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

/** `/khoaky <period>`: the whole period locked at `at`, before its rule's lock; one per period. */
export interface EarlyLock {
  blocId: string;
  periodId: string;
  /** The lock instant: the time of the command. */
  at: Date;
  by: AuditActor;
}

/**
 * The secretariat's changes to the calendar: reopenings per unit, extensions and early locks per
 * period. Read together by `loadUnitCalendar`, the one place that turns them into a calendar.
 */
export interface CalendarOverrides {
  addReopening(reopening: Omit<Reopening, 'id' | 'endedAt' | 'endedBy'>): Promise<Reopening>;
  /** Oldest first; all of the bloc's, or one unit's. */
  reopenings(blocId: string, unitId?: string): Promise<Reopening[]>;
  /** Ends a reopening at `at` (its `until` stays for the record); false if it was already ended. */
  endReopening(id: number, at: Date, by: AuditActor): Promise<boolean>;
  /** One extension per period: a later call replaces it. */
  setExtension(extension: Extension): Promise<void>;
  extensions(blocId: string): Promise<Extension[]>;
  /** Stores the period's early lock; false (and nothing changed) if it already has one. */
  setEarlyLock(lock: EarlyLock): Promise<boolean>;
  earlyLocks(blocId: string): Promise<EarlyLock[]>;
}

export interface Nominations {
  create(nomination: Nomination): Promise<Nomination & { id: number; createdAt: Date }>;
  listForUnit(blocId: string, unitId: string, year?: number): Promise<Nomination[]>;
  /** Live nominations whose `nomineeKey` equals `key` (likely duplicates), any unit. */
  findByNomineeKey(blocId: string, key: string): Promise<Nomination[]>;
  /** Erases the personal data and hides the nomination; a tombstone keeps who removed it and why. */
  remove(id: number, by: AuditActor, reason: string, at: Date): Promise<boolean>;
}
