/**
 * The question a reply asks, as the conversation stood when it was asked: the session and its change
 * count (`seq`). A row sent again after a crash can then be dropped if the person has moved past it.
 */
export interface AskedQuestion {
  sessionKey: string;
  seq: number;
}

/** Replies to someone chatting (and receipts) go ahead of bulk sends (reminders, broadcasts). */
export type OutboxPriority = 'interactive' | 'bulk';

/** The broadcast a row delivers, and the unit of the focal point it goes to. */
export interface BroadcastFor {
  id: number;
  unitId: string;
}

/** The reminder a row carries: it is dropped unsent once that unit's report for the period is in. */
export interface ReminderFor {
  blocId: string;
  periodId: string;
  unitId: string;
}

export interface OutboxRow {
  id: number;
  channel: string;
  chatId: string;
  question?: AskedQuestion;
  priority: OutboxPriority;
  reminder?: ReminderFor;
  broadcast?: BroadcastFor;
  /** The platform's id of the message, once sent. */
  platformMessageId?: string;
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
  /** Set on the reply that asks the conversation's next question. */
  question?: AskedQuestion;
  /** Default `interactive`. */
  priority?: OutboxPriority;
  reminder?: ReminderFor;
  broadcast?: BroadcastFor;
  payload: object;
  createdAt: Date;
  expiresAt?: Date;
  /** Defaults to `createdAt`. */
  nextAttemptAt?: Date;
}

/**
 * `nextAttemptAt` of a held row: enqueued in the update's transaction but not to be sent until the
 * caller releases it (a reply whose session is written after the commit, in the weaker mode).
 */
export const HELD_UNTIL = new Date('9999-12-31T00:00:00.000Z');

/** Replies waiting to be sent after the commit (design.md, "Outbound"). */
export interface Outbox {
  enqueue(messages: OutboundMessage[]): Promise<number[]>;
  /**
   * Claims up to `limit` due rows with a lease of `leaseMs` for `owner`; two processes never hold
   * the same row. Chats are taken by priority (a chat with an interactive row first), then by their
   * oldest row; each chat's rows come in id order, older ones first whatever their priority, so
   * replies to one chat keep their order. Only rows of `channels` are claimed (a process claims what
   * it can send: the console beside the bot must not take the bot's Telegram rows). A row is not
   * claimed while an older open row of the same chat is waiting (not due, or leased). Rows past
   * their expiry are marked dropped instead.
   */
  claim(owner: string, limit: number, leaseMs: number, now: Date, channels: readonly string[]): Promise<OutboxRow[]>;
  /**
   * Frees the leases on unsent rows of `channels`, for a process that knows it is the only sender of
   * them (Telegram long polling: a second poller is refused). After a crash the dead process's claims
   * would otherwise hold the chat's later replies until the lease ran out. Returns how many.
   */
  releaseClaims(channels: readonly string[], now: Date): Promise<number>;
  /** Makes held rows (enqueued with `HELD_UNTIL`) due now; they keep no expiry. */
  release(ids: readonly number[], now: Date): Promise<void>;
  /** Drops rows that must not be sent (held replies whose session could not be saved). */
  drop(ids: readonly number[], at: Date): Promise<void>;
  /** How many rows were dropped unsent (expired, or no longer wanted) at or after `since`. */
  countDropped(since: Date): Promise<number>;
  /** Deletes rows sent, failed or dropped before `before` (they may hold personal data); returns how many. */
  purgeFinished(before: Date): Promise<number>;
  markSent(id: number, at: Date, platformMessageId?: string): Promise<void>;
  /** The platform's id of a row's message, once it was sent (an edit needs it). */
  platformMessageId(id: number): Promise<string | undefined>;
  /** Releases the lease; the row is due again at `nextAttemptAt`. */
  markRetry(id: number, error: string, nextAttemptAt: Date): Promise<void>;
  /** A permanent refusal: never tried again. */
  markFailed(id: number, error: string, at: Date): Promise<void>;
  /** Rows still to send (not sent, failed, dropped or expired). */
  pending(now: Date): Promise<number>;
  /**
   * Whether a question of this session was handed to the platform again (claimed after a crash,
   * then sent) at or after `since`: the person may have seen it twice.
   */
  questionResentSince(sessionKey: string, since: Date): Promise<boolean>;
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
  /**
   * When a unit was last reminded of a period (any kind claimed for the unit itself, not the bloc's
   * digests): `/nhacnho` skips a unit reminded within the hour.
   */
  lastClaimed(blocId: string, periodId: string, unitId: string): Promise<Date | undefined>;
}
