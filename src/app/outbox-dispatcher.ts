import { randomUUID } from 'node:crypto';
import type { ChannelSender, SendOutcome } from './delivery.ts';
import { fromPayload } from './outbox-payload.ts';
import type { AskedQuestion, Clock, Log, Outbox, OutboxRow, ReminderFor } from './ports.ts';
import { LimiterClosedError, type SendLimiter } from './send-limiter.ts';

export interface DispatcherOptions {
  /** Rows claimed at most at once (also bounded by what the limiters can start in `aheadMs`). */
  batchSize?: number;
  leaseMs?: number;
  /** How many failed attempts before a message is given up (transient errors only). */
  maxAttempts?: number;
  /** Base of the exponential backoff, in ms; jitter is added. */
  backoffMs?: number;
  /** Polls this often even when nobody kicks (rows whose retry time came, other processes' rows). */
  idlePollMs?: number;
  /** Rows are claimed only as far ahead as a channel's limiter can start them in this time. */
  aheadMs?: number;
}

/** One channel's door: its sender and, where the platform limits rates, its limiter. */
export interface ChannelDelivery {
  sender: ChannelSender;
  limiter?: SendLimiter;
}

/** What the dispatcher asks the rest of the program before and after a send. */
export interface DispatchHooks {
  /** Whether the person has moved past the question a row asks (the engine's session knows). */
  movedPast?: (question: AskedQuestion, now: Date) => Promise<boolean>;
  /** Whether a reminder is still wanted (the unit has not submitted since it was queued). */
  stillWanted?: (reminder: ReminderFor) => Promise<boolean>;
  /** The recipient refused for good (blocked the bot, chat gone): mark them unreachable, tell the desk. */
  refused?: (row: OutboxRow, error: string, at: Date) => Promise<void>;
  /**
   * A row that delivers a broadcast was sent, failed or put back for a retry: its progress may have
   * news for the secretariat. Called after the row's turn in the limiter, so it never holds a slot.
   */
  broadcastRowSettled?: (broadcastId: number) => Promise<void>;
}

/**
 * Sends what the outbox holds, after the commit that put it there (design.md, "Outbound"). Rows are
 * claimed with a lease, so two processes never send the same row; sends are at-least-once (a crash
 * between send and mark repeats a message, never a submission). Each channel's sends go through its
 * limiter (per chat, per group, global rate; replies ahead of bulk), which keeps a chat's messages
 * in order; rows are claimed only as far ahead as the limiter can start them, so none outlives its
 * lease while it waits. 5xx and timeouts back off with jitter a bounded number of times; a refusal
 * by the recipient is failed and reported; a request the platform calls wrong is failed and logged.
 */
export class OutboxDispatcher {
  private readonly owner = `dispatcher-${randomUUID()}`;
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private current: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  /** Chats whose earlier message must be retried: their later rows of the same claim wait too. */
  private readonly held = new Map<string, Date>();
  private readonly opts: Required<DispatcherOptions>;

  constructor(
    private readonly outbox: Outbox,
    private readonly channels: Partial<Record<string, ChannelDelivery>>,
    private readonly clock: Clock,
    private readonly log: Log,
    options: DispatcherOptions = {},
    private readonly hooks: DispatchHooks = {},
  ) {
    this.opts = {
      batchSize: 50,
      leaseMs: 60_000,
      maxAttempts: 8,
      backoffMs: 1000,
      idlePollMs: 1000,
      aheadMs: 2000,
      ...options,
    };
  }

  /** Starts the idle poll. */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Sends now (called after each commit). Calls while a round runs make it run once more. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.current = this.round();
  }

  /** Resolves once everything due now has been sent or settled, including a round under way. */
  async flush(): Promise<void> {
    for (;;) {
      await this.current;
      const claimed = await this.claimBatch();
      const busy = this.inFlight.size > 0;
      await this.settleInFlight();
      if (claimed === 0 && !busy && !this.running) return;
    }
  }

  /** Sends what is due until nothing is left or `deadlineMs` passes; then stops polling. */
  async drain(deadlineMs: number): Promise<void> {
    const until = Date.now() + deadlineMs;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
    while (Date.now() < until) {
      const claimed = await this.claimBatch();
      await Promise.race([this.settleInFlight(), sleep(Math.max(0, until - Date.now()))]);
      if (claimed === 0 && this.inFlight.size === 0) break;
    }
    // What has not started by the deadline goes after a restart (its lease is released below).
    for (const channel of Object.values(this.channels)) channel?.limiter?.close();
    await this.settleInFlight();
  }

  /** Claims one batch and hands its rows to the channels' limiters; returns how many were claimed. */
  async claimBatch(): Promise<number> {
    const names = Object.keys(this.channels).filter((c) => this.channels[c]);
    const room = Math.min(this.opts.batchSize, ...names.map((c) => this.room(c)));
    if (room <= 0) return 0;
    const rows = await this.outbox.claim(this.owner, room, this.opts.leaseMs, this.clock.now(), names);
    // One chat's rows one after another, in the order claimed (oldest first); chats side by side.
    const byChat = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const chat = `${row.channel}:${row.chatId}`;
      byChat.set(chat, [...(byChat.get(chat) ?? []), row]);
    }
    for (const chatRows of byChat.values()) {
      this.track(
        (async () => {
          for (const row of chatRows) await this.dispatch(row);
        })(),
      );
    }
    return rows.length;
  }

  /** How many more rows a channel's limiter can start within `aheadMs`. */
  private room(channel: string): number {
    const limiter = this.channels[channel]?.limiter;
    if (!limiter) return this.opts.batchSize;
    const ahead = Math.ceil((limiter.ratePerSecond * this.opts.aheadMs) / 1000);
    return Math.max(0, ahead - limiter.pending);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.kick();
      this.schedule();
    }, this.opts.idlePollMs);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        while (!this.stopped && (await this.claimBatch()) > 0) {
          // When every limiter is full, wait for a send to finish before claiming more.
          if (this.inFlight.size > 0 && this.full()) await Promise.race(this.inFlight);
        }
      } while (this.again && !this.stopped);
    } catch (error) {
      this.log.error({ err: error }, 'outbox round failed');
    } finally {
      this.running = false;
    }
  }

  private full(): boolean {
    return Object.keys(this.channels).every((c) => this.room(c) <= 0);
  }

  private track(task: Promise<void>): void {
    this.inFlight.add(task);
    void task.finally(() => {
      this.inFlight.delete(task);
      // A chat's next row may be due now that this one is done.
      if (!this.stopped) this.kick();
    });
  }

  private async settleInFlight(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** One row through its channel's limiter (or straight, for a channel without limits). */
  private async dispatch(row: OutboxRow): Promise<void> {
    const limiter = this.channels[row.channel]?.limiter;
    try {
      if (!limiter) {
        await this.sendRow(row);
        return;
      }
      await limiter.run(row.chatId, () => this.sendRow(row), {
        priority: row.priority,
        retryAfterMsOf: (retryAfterMs) => retryAfterMs,
      });
    } catch (error) {
      // Closed at shutdown before its turn: it goes after the restart.
      if (error instanceof LimiterClosedError)
        return this.outbox.markRetry(row.id, 'left at shutdown', this.clock.now());
      this.log.error({ err: error, outboxId: row.id }, 'outbox send failed');
    } finally {
      if (row.broadcast && this.hooks.broadcastRowSettled) await this.hooks.broadcastRowSettled(row.broadcast.id);
    }
  }

  /** Sends one row; resolves with the platform's retry-after when it answered 429 (the limiter slows). */
  private async sendRow(row: OutboxRow): Promise<number | undefined> {
    const chat = `${row.channel}:${row.chatId}`;
    const heldUntil = this.heldUntil(chat);
    if (heldUntil) {
      await this.outbox.markRetry(row.id, 'waiting for an earlier message to this chat', heldUntil);
      return undefined;
    }
    if (await this.unwanted(row)) {
      await this.outbox.drop([row.id], this.clock.now());
      return undefined;
    }
    const decoded = fromPayload(row.payload);
    const sender = this.channels[row.channel]?.sender;
    if (!decoded || !sender) {
      await this.outbox.markFailed(
        row.id,
        decoded ? `no sender for ${row.channel}` : 'unreadable payload',
        this.clock.now(),
      );
      return undefined;
    }
    const replaced = decoded.reply.replaces;
    const editMessageId = replaced === undefined ? undefined : await this.outbox.platformMessageId(replaced);
    let outcome: SendOutcome;
    try {
      outcome = await sender.send(row.chatId, decoded.reply, decoded.lang, editMessageId ? { editMessageId } : {});
    } catch (error) {
      outcome = { ok: false, permanent: false, error: error instanceof Error ? error.message : String(error) };
    }
    await this.settle(row, chat, outcome);
    return outcome.ok ? undefined : outcome.retryAfterMs;
  }

  /** Until when a chat's messages wait behind an earlier one that must be retried, if they do. */
  private heldUntil(chat: string): Date | undefined {
    const until = this.held.get(chat);
    if (until && until.getTime() > this.clock.now().getTime()) return until;
    this.held.delete(chat);
    return undefined;
  }

  /**
   * A row that must not go: a question the person has moved past (claimed before: a crash, a lost
   * lease), or a reminder whose unit has submitted since it was queued.
   */
  private async unwanted(row: OutboxRow): Promise<boolean> {
    const now = this.clock.now();
    if (row.question && row.attempts >= 2 && (await this.hooks.movedPast?.(row.question, now))) return true;
    if (row.reminder && this.hooks.stillWanted && !(await this.hooks.stillWanted(row.reminder))) return true;
    return false;
  }

  private async settle(row: OutboxRow, chat: string, outcome: SendOutcome): Promise<void> {
    const now = this.clock.now();
    if (outcome.ok) return this.outbox.markSent(row.id, now, outcome.messageId);
    const fields = { outboxId: row.id, channel: row.channel, chatId: row.chatId, error: outcome.error };
    if (outcome.permanent) {
      await this.outbox.markFailed(row.id, outcome.error, now);
      if (outcome.recipientRefused) {
        this.log.warn(fields, 'the recipient refused the message for good');
        await this.hooks.refused?.(row, outcome.error, now);
      } else {
        // The platform called our request wrong: our bug, not the person's.
        this.log.error(fields, 'a message was refused as a bad request');
      }
      return;
    }
    if (row.attempts >= this.opts.maxAttempts) {
      this.log.warn(fields, 'message given up');
      return this.outbox.markFailed(row.id, outcome.error, now);
    }
    const exponential = this.opts.backoffMs * 2 ** Math.max(0, row.attempts - 1) * (1 + Math.random() * 0.3);
    const backoff = outcome.retryAfterMs ?? exponential;
    const retryAt = new Date(now.getTime() + backoff);
    this.held.set(chat, retryAt);
    await this.outbox.markRetry(row.id, outcome.error, retryAt);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
