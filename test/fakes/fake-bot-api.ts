import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Update } from 'telegraf/types';
import { json, readBody, type ParsedBody, type UploadedFile } from './http-body.ts';
import { TelegramFixtures } from './telegram-fixtures.ts';
import { handleMethod, type MethodContext } from './fake-bot-methods.ts';
import { answerFault, FaultPlan, type LimitKind, type RandomFaultRates, type RateLimits } from './fake-bot-faults.ts';

/** What the next call(s) of a method do instead of answering normally. */
export type Fault =
  | { kind: 'status'; status: number; description?: string; retryAfter?: number; migrateTo?: number }
  | { kind: 'hang' }
  | { kind: 'drop' }
  | { kind: 'delay'; ms: number };

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
  /** Set when a fault answered this call. */
  fault?: Fault['kind'];
  /** The status of a `status` fault (an injected one, a blocked chat, or a limit). */
  status?: number;
  /** Set when the call broke a rate limit the fake enforces (answered 429). */
  limited?: LimitKind;
  /** getUpdates: how many updates the answer carried. */
  returned?: number;
}

/** A message the bot sent (sendMessage, sendPhoto, sendDocument), as the fake stored it. */
export interface SentMessage {
  message_id: number;
  method: string;
  chat_id: string;
  text?: string;
  caption?: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> };
  /** Multipart uploads: the file's size in bytes. */
  size?: number;
  /** sendPhoto and sendDocument uploads: the file as it arrived (checked: an image, a named file). */
  file?: UploadedFile;
  edits: number;
}

export interface FakeBotApiOptions {
  token?: string;
  username?: string;
  /** Serve under a path (`http://host:port/<basePath>/bot…`), as a proxy would. */
  basePath?: string;
  /** Enforce Telegram's flood limits on sends (off by default; see `FaultPlan.enforceLimits`). */
  limits?: RateLimits;
  /** Fail a share of sends at random (off by default; see `FaultPlan.failRandomly`). */
  randomFaults?: RandomFaultRates;
}

export const FAKE_TOKEN = '7123456789:AAHfakeTokenForTestsOnly_abcdefghij12';

/**
 * Our fake Telegram Bot API (node:http): enough of the real one for the bot to run against it over
 * HTTP — long polling with real offset/timeout semantics, webhooks with the secret header, sends
 * recorded per chat — plus fault injection (429 with retry_after, 5xx, hang, dropped connection,
 * delay) for the next N calls of a method or to a chat, chats that blocked the bot, sends failing at
 * random, and, when asked, Telegram's flood limits (429 when a chat, a group or the global rate is
 * exceeded).
 */
export class FakeBotApi extends EventEmitter {
  readonly token: string;
  readonly username: string;
  readonly botId: number;
  readonly basePath: string;
  readonly updates = new TelegramFixtures();
  readonly calls: ApiCall[] = [];
  readonly sent: SentMessage[] = [];
  readonly commandMenus: Array<Record<string, unknown>> = [];
  webhook: { url: string; secret?: string } | undefined;
  /** The highest `offset` a getUpdates call has confirmed. */
  confirmedOffset = 0;
  private queue: Update[] = [];
  /** Faults per method or chat, blocked chats, flood limits, random failures. */
  readonly faults = new FaultPlan();
  private readonly hanging = new Set<ServerResponse>();
  private readonly sockets = new Set<Socket>();
  private nextMessageId = 1;
  private port = 0;

  private constructor(
    private readonly server: Server,
    options: FakeBotApiOptions,
  ) {
    super();
    this.setMaxListeners(100);
    this.token = options.token ?? FAKE_TOKEN;
    this.username = options.username ?? 'thidua_fake_bot';
    this.botId = Number(this.token.split(':')[0]) || 7123456789;
    this.basePath = (options.basePath ?? '').replace(/\/+$/, '');
    this.faults.enforceLimits(options.limits);
    this.faults.failRandomly(options.randomFaults);
  }

  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const server = createServer();
    const api = new FakeBotApi(server, options);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void api.route(req, res));
    server.on('connection', (socket: Socket) => {
      api.sockets.add(socket);
      socket.on('close', () => api.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api.port = (server.address() as AddressInfo).port;
    return api;
  }

  /** The API root to give the bot (TELEGRAM_API_ROOT). */
  get url(): string {
    return `http://127.0.0.1:${this.port}${this.basePath}`;
  }

  /** Makes the next `times` calls of `method` fail or stall as `fault` says. */
  inject(method: string, fault: Fault, times = 1): void {
    this.faults.inject(method, fault, times);
  }

  /** Queues updates for getUpdates; several pushed in one tick come out in one batch. */
  pushUpdate(...updates: Update[]): void {
    this.queue.push(...updates);
    setImmediate(() => this.emit('update'));
  }

  /** Delivers as Telegram would: to the webhook when one is set, else to the polling queue. */
  async send(update: Update): Promise<number | undefined> {
    if (!this.webhook) {
      this.pushUpdate(update);
      return undefined;
    }
    return (await this.deliver(update)).status;
  }

  /** POSTs an update to the webhook; `secret: null` omits the header, a string overrides it. */
  async deliver(update: Update, options: { secret?: string | null } = {}): Promise<{ status: number; body: string }> {
    if (!this.webhook) throw new Error('no webhook is set');
    const secret = options.secret === undefined ? this.webhook.secret : options.secret;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secret !== null && secret !== undefined) headers['x-telegram-bot-api-secret-token'] = secret;
    const res = await fetch(this.webhook.url, { method: 'POST', headers, body: JSON.stringify(update) });
    return { status: res.status, body: await res.text() };
  }

  messagesTo(chatId: string | number): SentMessage[] {
    return this.sent.filter((m) => m.chat_id === String(chatId));
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first `n` messages to the chat once they exist; rejects after the timeout. */
  async waitForMessages(chatId: string | number, n: number, timeoutMs = 15_000): Promise<SentMessage[]> {
    await this.waitUntil(() => this.messagesTo(chatId).length >= n, timeoutMs, `${n} message(s) to ${chatId}`);
    return this.messagesTo(chatId).slice(0, n);
  }

  async waitForCall(
    method: string,
    predicate: (c: ApiCall) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<ApiCall> {
    let found: ApiCall | undefined;
    await this.waitUntil(
      () => Boolean((found = this.calls.find((c) => c.method === method && predicate(c)))),
      timeoutMs,
      `a ${method} call`,
    );
    return found as ApiCall;
  }

  /** Resolves once `condition()` holds (checked on every change and every 25 ms). */
  async waitUntil(condition: () => boolean, timeoutMs: number, what = 'condition'): Promise<void> {
    if (condition()) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      // Also poll: the condition may be about state outside the fake (an engine, a process).
      const poll = setInterval(check, 25);
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.off('change', check);
      };
      this.on('change', check);
    });
  }

  /** Updates queued and not yet confirmed by an offset. */
  get pendingUpdates(): number {
    return this.queue.length;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // When the request reached us, before its body is read: what flood limits count.
    const arrivedAt = Date.now();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(path.slice(this.basePath.length));
    if (!path.startsWith(`${this.basePath}/`) || !match)
      return json(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method = ''] = match;
    if (token !== this.token) return json(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    let body: ParsedBody;
    try {
      body = await readBody(req);
    } catch {
      return json(res, 400, { ok: false, error_code: 400, description: 'Bad Request: cannot parse body' });
    }
    const call: ApiCall = { method, params: body.params, at: arrivedAt };
    const fault = this.faults.faultFor(call);
    if (fault) call.fault = fault.kind;
    if (fault?.kind === 'status') call.status = fault.status;
    this.record(call);
    if (fault && fault.kind !== 'delay') return answerFault(req, res, fault, this.hanging);
    if (fault?.kind === 'delay') await sleep(fault.ms);
    const ctx: MethodContext = { api: this, body, call, req, res };
    await handleMethod(method, ctx);
  }

  /** Used by the method handlers. */
  record(call: ApiCall): void {
    if (!this.calls.includes(call)) this.calls.push(call);
    this.emit('change');
  }

  storeSent(message: Omit<SentMessage, 'message_id' | 'edits'>): SentMessage {
    const stored: SentMessage = { ...message, message_id: this.nextMessageId++, edits: 0 };
    this.sent.push(stored);
    this.emit('change');
    return stored;
  }

  /** getUpdates: confirms below `offset`, answers what is queued, or waits up to `timeout` seconds. */
  async takeUpdates(offset: number, limit: number, timeoutS: number, res: ServerResponse): Promise<Update[]> {
    if (offset > 0) {
      this.confirmedOffset = Math.max(this.confirmedOffset, offset);
      this.queue = this.queue.filter((u) => u.update_id >= offset);
    }
    const ready = () => this.queue.slice(0, limit);
    if (this.queue.length > 0 || timeoutS <= 0) return ready();
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.off('update', done);
        res.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutS * 1000);
      this.on('update', done);
      // telegraf aborts its long poll at stop(): stop waiting for a client that left (the response
      // closes before it is written only when the connection went away).
      res.on('close', done);
    });
    return ready();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
