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

