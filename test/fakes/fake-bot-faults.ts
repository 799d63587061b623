import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiCall, Fault } from './fake-bot-api.ts';
import { json } from './http-body.ts';

/** The methods that send a message: the ones Telegram's flood limits count. */
export const SENDING_METHODS: ReadonlySet<string> = new Set(['sendMessage', 'sendPhoto', 'sendDocument']);

/** Telegram's flood limits as the fake enforces them; a limit left out is not enforced. */
export interface RateLimits {
  /** Least time between two sends reaching one chat, in ms (Telegram: about 1 s). */
  perChatGapMs?: number;
  /** Sends reaching one group (a negative chat id) in any 60 s (Telegram: 20). */
  perGroupPerMinute?: number;
  /** Sends reaching the bot API in any 1 s, over all chats (Telegram: about 30). */
  globalPerSecond?: number;
  /**
   * Tolerate short bursts above the global rate, as Telegram does ("about" 30/s): the rate is then a
   * token bucket refilled at `globalPerSecond` holding up to this many sends, instead of a strict
   * one-second window. A client over the rate for long still gets 429s; one whose requests were
   * bunched by a busy machine or network does not.
   */
  globalBurst?: number;
}

export const TELEGRAM_RATE_LIMITS: RateLimits = {
  perChatGapMs: 1000,
  perGroupPerMinute: 20,
  globalPerSecond: 30,
};

export type LimitKind = 'chat' | 'group' | 'global';

/**
 * Counts the sends the fake accepted and refuses one that would break a limit, saying which and
 * how long until it would pass (as Telegram's 429 `retry_after`, in whole seconds, at least 1).
 * Refused sends are not counted: a client that waits as told gets through.
 */
export class RateLimiter {
  private readonly lastToChat = new Map<string, number>();
  private readonly toGroup = new Map<string, number[]>();
  private global: number[] = [];
  private bucket: { tokens: number; at: number } | undefined;

  constructor(readonly limits: RateLimits) {}

  admit(chatId: string, now: number): { kind: LimitKind; retryAfterS: number } | undefined {
    const { perChatGapMs, perGroupPerMinute, globalPerSecond } = this.limits;
    const refuse = (kind: LimitKind, allowedAt: number) => ({
      kind,
      retryAfterS: Math.max(1, Math.ceil((allowedAt - now) / 1000)),
    });
    const last = this.lastToChat.get(chatId);
    if (perChatGapMs !== undefined && last !== undefined && now - last < perChatGapMs)
      return refuse('chat', last + perChatGapMs);
    const group = chatId.startsWith('-') ? within(this.toGroup.get(chatId) ?? [], now, 60_000) : undefined;
    if (group && perGroupPerMinute !== undefined && group.length >= perGroupPerMinute)
      return refuse('group', (group[group.length - perGroupPerMinute] ?? now) + 60_000);
    const globalWait = this.globalWait(now);
    if (globalWait !== undefined) return refuse('global', now + globalWait);
    this.lastToChat.set(chatId, Math.max(now, last ?? now));
    if (group) this.toGroup.set(chatId, insert(group, now));
    if (this.bucket) this.bucket.tokens -= 1;
    else if (globalPerSecond !== undefined) this.global = insert(this.global, now);
    return undefined;
  }

  /** How long until the global rate lets one more send through; undefined if it does now. */
  private globalWait(now: number): number | undefined {
    const { globalPerSecond: rate, globalBurst: burst } = this.limits;
    if (rate === undefined) return undefined;
    if (burst !== undefined) {
      const bucket = (this.bucket ??= { tokens: burst, at: now });
      bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, now - bucket.at) * rate) / 1000);
      bucket.at = Math.max(bucket.at, now);
      return bucket.tokens >= 1 ? undefined : ((1 - bucket.tokens) * 1000) / rate;
    }
    this.global = within(this.global, now, 1000);
    return this.global.length >= rate ? (this.global[this.global.length - rate] ?? now) + 1000 - now : undefined;
  }
}

/** `times` with `t` in its place: calls are timed on arrival but admitted once their body is read. */
function insert(times: number[], t: number): number[] {
  let at = times.length;
  while (at > 0 && (times[at - 1] ?? 0) > t) at--;
  times.splice(at, 0, t);
  return times;
}

/** The times still inside the window of `windowMs` ending now (one exactly `windowMs` ago is out). */
function within(times: number[], now: number, windowMs: number): number[] {
  let first = 0;
  while (first < times.length && (times[first] ?? 0) <= now - windowMs) first++;
  return first === 0 ? times : times.slice(first);
}

/** What Telegram answers a send to a user who blocked the bot. */
export const BLOCKED: Fault = { kind: 'status', status: 403, description: 'Forbidden: bot was blocked by the user' };

/** Faults for the calls to one chat (any method with that `chat_id`), and chats that blocked the bot. */
export class ChatFaults {
  private readonly queued = new Map<string, Fault[]>();
  private readonly blocked = new Set<string>();

  inject(chatId: string, fault: Fault, times: number): void {
    const list = this.queued.get(chatId) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.queued.set(chatId, list);
  }

  block(chatId: string): void {
    this.blocked.add(chatId);
  }

  unblock(chatId: string): void {
    this.blocked.delete(chatId);
  }

  next(chatId: string): Fault | undefined {
    return this.queued.get(chatId)?.shift() ?? (this.blocked.has(chatId) ? BLOCKED : undefined);
  }
}

/** A share of sends failing at random, reproducibly (seeded). */
export interface RandomFaultRates {
  /** Share of sends answered 500, 0–1. */
  serverError?: number;
  /** Share of sends answered 429 (not caused by the client), 0–1. */
  tooManyRequests?: number;
  /** retry_after of those 429s, in seconds (default 1). */
  retryAfterS?: number;
  seed?: number;
}

export class RandomFaults {
  private state: number;

  constructor(private readonly rates: RandomFaultRates) {
    this.state = rates.seed ?? 1;
  }

  next(): Fault | undefined {
    const roll = this.random();
    const serverError = this.rates.serverError ?? 0;
    if (roll < serverError) return { kind: 'status', status: 500, description: 'Internal Server Error' };
    if (roll < serverError + (this.rates.tooManyRequests ?? 0))
      return { kind: 'status', status: 429, retryAfter: this.rates.retryAfterS ?? 1 };
    return undefined;
  }

  // mulberry32: small, fast, and the same sequence for the same seed.
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/**
 * What answers a call instead of the method, in this order: a fault injected for the method, one for
 * the chat or the chat's block, then for sends the flood limits and a random failure.
 */
export class FaultPlan {
  private readonly byMethod = new Map<string, Fault[]>();
  private readonly byChat = new ChatFaults();
  private limiter: RateLimiter | undefined;
  private random: RandomFaults | undefined;

  inject(method: string, fault: Fault, times = 1): void {
    const list = this.byMethod.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.byMethod.set(method, list);
  }

  /** Makes the next `times` calls carrying `chat_id` = `chatId` fail or stall as `fault` says. */
  injectForChat(chatId: string | number, fault: Fault, times = 1): void {
    this.byChat.inject(String(chatId), fault, times);
  }

  /** Every call to the chat answers 403 "Forbidden: bot was blocked by the user" until unblocked. */
  blockChat(chatId: string | number): void {
    this.byChat.block(String(chatId));
  }

  unblockChat(chatId: string | number): void {
    this.byChat.unblock(String(chatId));
  }

  /** Starts (or, with undefined, stops) enforcing flood limits on sends, counting from now. */
  enforceLimits(limits: RateLimits | undefined): void {
    this.limiter = limits ? new RateLimiter(limits) : undefined;
  }

  /** Starts (or, with undefined, stops) failing a share of sends at random. */
  failRandomly(rates: RandomFaultRates | undefined): void {
    this.random = rates ? new RandomFaults(rates) : undefined;
  }

  /** The fault for this call, if any; marks the call `limited` when a flood limit refused it. */
  faultFor(call: ApiCall): Fault | undefined {
    const injected = this.byMethod.get(call.method)?.shift();
    if (injected) return injected;
    if (call.params.chat_id === undefined || call.params.chat_id === null) return undefined;
    const chatId = String(call.params.chat_id);
    const chatFault = this.byChat.next(chatId);
    if (chatFault || !SENDING_METHODS.has(call.method)) return chatFault;
    const refused = this.limiter?.admit(chatId, call.at);
    if (refused) {
      call.limited = refused.kind;
      return { kind: 'status', status: 429, retryAfter: refused.retryAfterS };
    }
    return this.random?.next();
  }
}

/** Answers with the fault: a Bot API error body, or a hung or dropped connection. */
export function answerFault(
  req: IncomingMessage,
  res: ServerResponse,
  fault: Exclude<Fault, { kind: 'delay' }>,
  hanging: Set<ServerResponse>,
): void {
  if (fault.kind === 'hang') {
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
    return;
  }
  if (fault.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  const parameters = {
    ...(fault.retryAfter !== undefined ? { retry_after: fault.retryAfter } : {}),
    ...(fault.migrateTo !== undefined ? { migrate_to_chat_id: fault.migrateTo } : {}),
  };
  const description =
    fault.description ??
    (fault.status === 429 ? `Too Many Requests: retry after ${fault.retryAfter ?? 1}` : 'Internal Server Error');
  json(res, fault.status, {
    ok: false,
    error_code: fault.status,
    description,
    ...(Object.keys(parameters).length ? { parameters } : {}),
  });
}
