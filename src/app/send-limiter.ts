import { DEFAULT_SLOWDOWN, GlobalPace, systemTimers, type LimiterTimers, type Slowdown } from './send-pace.ts';

export { DEFAULT_SLOWDOWN, type LimiterTimers, type Slowdown } from './send-pace.ts';

/** Replies to a person who is chatting (and receipts) go ahead of broadcasts and reminders. */
export type SendPriority = 'interactive' | 'bulk';

/** How fast one channel may send (design.md, "Outbound"); each is configurable per channel. */
export interface SendLimits {
  /** Least time between the end of one send to a chat and the start of the next, in ms. */
  perChatGapMs: number;
  /** Sends to one group in any 60 s. */
  perGroupPerMinute: number;
  /** Sends per second over all chats. */
  globalPerSecond: number;
}

/** Telegram's published limits: about 1 message/s per chat, 20/min per group, 30/s in bulk. */
export const TELEGRAM_LIMITS: SendLimits = { perChatGapMs: 1000, perGroupPerMinute: 20, globalPerSecond: 30 };

export interface SendLimiterOptions {
  limits?: Partial<SendLimits>;
  slowdown?: Partial<Slowdown>;
  /** Telegram group and supergroup ids are negative. */
  isGroup?: (chatId: string) => boolean;
  /** How much of the global pace a late timer or busy event loop may catch up on, in ms (default 50). */
  catchUpMs?: number;
  timers?: LimiterTimers;
}

export interface RunOptions<T> {
  priority?: SendPriority;
  /** The platform's "retry after" in ms when the result is a 429: the chat waits, the rate slows. */
  retryAfterMsOf?: (result: T) => number | undefined;
}

/** A send the limiter had not started when it was closed: the caller leaves it for the next run. */
export class LimiterClosedError extends Error {
  constructor() {
    super('send limiter closed');
    this.name = 'LimiterClosedError';
  }
}

interface Lane {
  tail: Promise<unknown>;
  queued: number;
  /** When the last send to this chat ended (ms); the next starts `perChatGapMs` later at the earliest. */
  lastEnd: number;
  /** A 429's retry_after. */
  notBefore: number;
  /** Groups: when the latest sends ended, at most `perGroupPerMinute` of them. */
  recentEnds: number[];
}

const MINUTE_MS = 60_000;

/**
 * The send queue's limiter: a send to a chat starts only when the chat's gap (and, for a group, its
 * minute window) has passed, and then only on the next global slot (slots are evenly spaced at the
 * global rate; interactive sends take the next free one before bulk). The gap is counted from the end
 * of the chat's previous send, after its global wait: counting it before that wait (a per-chat limiter
 * chained into a global one) let two messages reach one chat 7 ms apart
 * (shared/reference/libraries-on-node20.md, "Rate limiting"). Sends to one chat run one at a time, in
 * the order given. Retries are the caller's (the outbox dispatcher's): a 429 only makes the chat wait
 * and slows the global rate.
 */
export class SendLimiter {
  private readonly limits: SendLimits;
  private readonly isGroup: (chatId: string) => boolean;
  private readonly timers: LimiterTimers;
  private readonly lanes = new Map<string, Lane>();
  private readonly pace: GlobalPace;
  private closed = false;
  private waiting = 0;
  private idle: Array<() => void> = [];
  private lastSweep = 0;

  constructor(options: SendLimiterOptions = {}) {
    this.limits = { ...TELEGRAM_LIMITS, ...options.limits };
    this.isGroup = options.isGroup ?? ((chatId) => chatId.startsWith('-'));
    this.timers = options.timers ?? systemTimers;
    const slowdown: Slowdown = { ...DEFAULT_SLOWDOWN, ...options.slowdown };
    this.pace = new GlobalPace(this.limits.globalPerSecond, slowdown, this.timers, options.catchUpMs ?? 50);
  }

  /** Sends accepted and not yet settled: the dispatcher claims more rows only while this is low. */
  get pending(): number {
    return this.waiting;
  }

  /** The global rate now, 429 slowdown included (sends per second). */
  get ratePerSecond(): number {
    return this.pace.ratePerSecond;
  }

  /** Runs `send` for `chatId` when the limits allow; resolves or rejects as it does. */
  run<T>(chatId: string, send: () => Promise<T>, options: RunOptions<T> = {}): Promise<T> {
    if (this.closed) return Promise.reject(new LimiterClosedError());
    this.sweep();
    const lane = this.laneOf(chatId);
    lane.queued += 1;
    this.waiting += 1;
    const result = lane.tail.then(() => this.turn(chatId, lane, send, options));
    lane.tail = result.catch(() => undefined);
    return result.finally(() => {
      lane.queued -= 1;
      this.waiting -= 1;
      if (this.waiting === 0) for (const resolve of this.idle.splice(0)) resolve();
    });
  }

  /** Resolves once every accepted send has settled. */
  onIdle(): Promise<void> {
    return this.waiting === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }

  /** Refuses new sends; those not yet started reject with `LimiterClosedError`, running ones finish. */
  close(): void {
    this.closed = true;
  }

  private async turn<T>(chatId: string, lane: Lane, send: () => Promise<T>, options: RunOptions<T>): Promise<T> {
    for (let wait = this.readyAt(chatId, lane) - this.timers.now(); wait > 0;) {
      await this.timers.sleep(Math.ceil(wait));
      wait = this.readyAt(chatId, lane) - this.timers.now();
    }
    const priority = options.priority === 'interactive' ? 1 : 0;
    await this.pace.take(priority, () => (this.closed ? new LimiterClosedError() : undefined));
    try {
      const result = await send();
      const retryAfterMs = options.retryAfterMsOf?.(result);
      if (retryAfterMs !== undefined) this.tooManyRequests(lane, retryAfterMs);
      return result;
    } finally {
      lane.lastEnd = this.timers.now();
      if (this.isGroup(chatId)) {
        lane.recentEnds.push(lane.lastEnd);
        if (lane.recentEnds.length > this.limits.perGroupPerMinute) lane.recentEnds.shift();
      }
    }
  }

  private readyAt(chatId: string, lane: Lane): number {
    let at = Math.max(lane.lastEnd + this.limits.perChatGapMs, lane.notBefore);
    const cap = this.limits.perGroupPerMinute;
    if (this.isGroup(chatId) && lane.recentEnds.length >= cap) {
      // Ends are later than arrivals at the platform, so its window sees at most `cap` in a minute.
      at = Math.max(at, (lane.recentEnds[lane.recentEnds.length - cap] ?? -Infinity) + MINUTE_MS);
    }
    return at;
  }

  private tooManyRequests(lane: Lane, retryAfterMs: number): void {
    const now = this.timers.now();
    lane.notBefore = Math.max(lane.notBefore, now + retryAfterMs);
    this.pace.slowDown();
  }

  private laneOf(chatId: string): Lane {
    let lane = this.lanes.get(chatId);
    if (!lane) {
      lane = { tail: Promise.resolve(), queued: 0, lastEnd: -Infinity, notBefore: -Infinity, recentEnds: [] };
      this.lanes.set(chatId, lane);
    }
    return lane;
  }

  /** Forgets idle chats whose limits no longer hold anything back (once a minute). */
  private sweep(): void {
    const now = this.timers.now();
    if (now - this.lastSweep < MINUTE_MS) return;
    this.lastSweep = now;
    const quiet = Math.max(MINUTE_MS, this.limits.perChatGapMs);
    for (const [chatId, lane] of this.lanes) {
      if (lane.queued === 0 && now - lane.lastEnd >= quiet && now >= lane.notBefore) this.lanes.delete(chatId);
    }
  }
}
