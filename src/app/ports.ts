/**
 * The interfaces the use-cases need (design.md, "Layers"). `src/storage/` implements them; the app
 * layer never imports storage, keyv or a driver. Instants are `Date`s; calendar days are
 * 'YYYY-MM-DD' strings; a `channel` is the channel's name ('telegram', 'zalo', 'console').
 */
import type { Nomination } from '../domain/nomination.ts';
import type { Role } from '../domain/roles.ts';
import type { AuditActor, ReportedValue, Submission } from '../domain/submission.ts';

export type Language = 'vi' | 'en';

/** Who acted, as recorded beside a write (the domain's audit actor: channel, user id, name). */
export type { AuditActor };

/**
 * One database transaction. Every repository call made inside `fn` joins it (the storage layer finds
 * it through AsyncLocalStorage), and so does the default session store: the update id, the domain
 * writes, the session and the outbox rows commit together or not at all. A nested `run` joins the
 * outer transaction. If `fn` throws, everything is rolled back and the error is rethrown.
 */
export interface UnitOfWork {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): Date;
}

/** Incoming update ids already applied (design.md, "Nothing lost"). */
export interface ProcessedUpdates {
  /** Records the id; false if it was recorded before (exact-id match, never "greater than"). */
  markProcessed(channel: string, updateId: string, at: Date): Promise<boolean>;
  /** Forgets ids recorded before `before` (platforms do not resend after a day); returns how many. */
  purgeBefore(before: Date): Promise<number>;
}

/** The blocs known to the database (their contents live in the bloc file). */
export interface BlocRecords {
  upsert(bloc: { id: string; name: string }): Promise<void>;
}

export interface Person {
  channel: string;
  userId: string;
  displayName: string;
  /** Unset until the person chooses (`/ngonngu`); the caller defaults it. */
  language?: Language;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** A channel identity's name and chosen language. */
export interface People {
  get(channel: string, userId: string): Promise<Person | undefined>;
  setLanguage(channel: string, userId: string, language: Language, at: Date): Promise<void>;
  /** Creates the person or refreshes the display name and last-seen time. */
  touch(channel: string, userId: string, displayName: string, at: Date): Promise<void>;
}

export interface Invite {
  code: string;
  blocId: string;
  role: Role;
  unitId?: string;
  expiresAt: Date;
  createdBy: AuditActor;
  createdAt: Date;
  usedAt?: Date;
  usedBy?: { channel: string; userId: string };
  revokedAt?: Date;
}

export interface NewInvite {
  code: string;
  blocId: string;
  role: Role;
  unitId?: string;
  expiresAt: Date;
  createdBy: AuditActor;
  /** Defaults to the time of the call. */
  createdAt?: Date;
}

export type ConsumeResult = { status: 'ok'; invite: Invite } | { status: 'unknown' | 'expired' | 'used' | 'revoked' };

export interface Invites {
  /** Stores the invite; undefined when the code is already taken (draw another code and retry). */
  create(invite: NewInvite): Promise<Invite | undefined>;
  /** Uses the code once: atomic, so of two concurrent consumers exactly one gets 'ok'. */
  consume(code: string, now: Date, by: { channel: string; userId: string }): Promise<ConsumeResult>;
  /** Unused, unrevoked and unexpired invites of the bloc, oldest first. */
  listActive(blocId: string, now: Date): Promise<Invite[]>;
  /** True if an unused, unrevoked invite was revoked. */
  revoke(code: string, at: Date): Promise<boolean>;
}

export interface Registration {
  /** The number `/daumoi` shows and `/huylienket` takes. */
  id: number;
  channel: string;
  userId: string;
  blocId: string;
  role: Role;
  unitId?: string;
  inviteCode?: string;
  createdAt: Date;
  active: boolean;
  deactivatedAt?: Date;
  deactivationReason?: string;
}

export interface NewRegistration {
  channel: string;
  userId: string;
  blocId: string;
  role: Role;
  unitId?: string;
  inviteCode?: string;
  at: Date;
}

/** People bound to a bloc with a role (and a unit); a unit may have several focal points. */
export interface Registrations {
  /** Binds the person; an active binding of the same person in the same bloc is deactivated ('replaced'). */
  bind(registration: NewRegistration): Promise<Registration>;
  /** The person's active bindings in every bloc. */
  findActive(channel: string, userId: string): Promise<Registration[]>;
  listActive(blocId: string, filter?: { unitId?: string; role?: Role }): Promise<Registration[]>;
  /** True if an active binding was deactivated; the row stays for history. */
  deactivate(id: number, reason: string, at: Date): Promise<boolean>;
  findById(id: number): Promise<Registration | undefined>;
}

export interface GroupChat {
  blocId: string;
  channel: string;
  chatId: string;
  title: string;
  registeredBy: AuditActor;
  registeredAt: Date;
}

/** The leaders' group chat of a bloc, one per channel. */
export interface Groups {
  /** Registers the chat, replacing the bloc's group on that channel and any bloc this chat served. */
  register(group: { blocId: string; channel: string; chatId: string; title: string; by: AuditActor; at: Date }): Promise<GroupChat>;
  findByChat(channel: string, chatId: string): Promise<GroupChat | undefined>;
  listForBloc(blocId: string): Promise<GroupChat[]>;
  /** Follows a Telegram supergroup upgrade; unsent outbox rows for the old id follow too. */
  migrateChat(channel: string, oldChatId: string, newChatId: string): Promise<boolean>;
}

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
   * removed. Storage owns `revision`: it grows by one each time the report is submitted (first time,
   * after a return, or with changed values while submitted); otherwise it is kept. Returns what was
   * stored.
   */
  save(submission: Submission, audit: { actor: AuditActor; at: Date; reason?: string }): Promise<Submission>;
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

export interface OutboxRow {
  id: number;
  channel: string;
  chatId: string;
  /** JSON-serializable; storage does not look inside. */
  payload: object;
  createdAt: Date;
  /** After this instant the message is dropped, not sent late. */
  expiresAt?: Date;
  /** Claims so far (each claim is one attempt to send). */
  attempts: number;
  nextAttemptAt: Date;
  claimedBy?: string;
  leaseUntil?: Date;
  sentAt?: Date;
  failedAt?: Date;
  droppedAt?: Date;
  lastError?: string;
}

export interface OutboundMessage {
  channel: string;
  chatId: string;
  payload: object;
  createdAt: Date;
  expiresAt?: Date;
  /** Defaults to `createdAt`. */
  nextAttemptAt?: Date;
}

/** Replies waiting to be sent after the commit (design.md, "Outbound"). */
export interface Outbox {
  enqueue(messages: OutboundMessage[]): Promise<number[]>;
  /**
   * Claims up to `limit` due rows in id order with a lease of `leaseMs` for `owner`; two processes
   * never hold the same row. Rows past their expiry are marked dropped instead.
   */
  claim(owner: string, limit: number, leaseMs: number, now: Date): Promise<OutboxRow[]>;
  markSent(id: number, at: Date): Promise<void>;
  /** Releases the lease; the row is due again at `nextAttemptAt`. */
  markRetry(id: number, error: string, nextAttemptAt: Date): Promise<void>;
  /** A permanent refusal: never tried again. */
  markFailed(id: number, error: string, at: Date): Promise<void>;
  /** Rows still to send (not sent, failed, dropped or expired). */
  pending(now: Date): Promise<number>;
}

export interface ReminderKey {
  blocId: string;
  periodId: string;
  /** `'*'` for a reminder about the whole bloc. */
  unitId: string;
  kind: string;
  /** 'YYYY-MM-DD' in the bloc's time zone. */
  day: string;
}

export interface ReminderClaims {
  /** True only for the first claim of the key: a reminder goes out once even with two processes. */
  claim(key: ReminderKey, at: Date): Promise<boolean>;
}

/**
 * Session storage as the conversations see it: a keyv instance satisfies it. `ttlMs` is the life of
 * the value; a store error rejects (a lost session write must never pass silently).
 */
export interface SessionStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttlMs?: number): Promise<boolean>;
  delete(key: string): Promise<boolean>;
}

/** Everything storage provides, built once by the composition root. */
export interface Repositories {
  unitOfWork: UnitOfWork;
  processedUpdates: ProcessedUpdates;
  blocs: BlocRecords;
  people: People;
  invites: Invites;
  registrations: Registrations;
  groups: Groups;
  submissions: Submissions;
  calendar: CalendarOverrides;
  nominations: Nominations;
  outbox: Outbox;
  reminderClaims: ReminderClaims;
}
