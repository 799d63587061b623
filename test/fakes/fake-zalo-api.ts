import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ZaloUpdate } from '../../src/channels/zalo/types.ts';
import { answerFault, handleZaloMethod, type ZaloMethodContext } from './fake-zalo-methods.ts';
import { json, readBody } from './http-body.ts';
import { wrapped, ZaloFixtures } from './zalo-fixtures.ts';

/** What the next call(s) of a method do instead of answering normally. */
export type ZaloFault =
  /** `{ok:false, error_code}` with HTTP `status` (default 200, as Zalo answers most errors). */
  | { kind: 'error'; code: number; description?: string; status?: number }
  /** An HTML error page, as a proxy in front of Zalo gives (5xx). */
  | { kind: 'html'; status: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'hang' }
  /** `socket.destroy()`: the connection drops with no answer. */
  | { kind: 'drop' };

export interface ZaloApiCall {
  method: string;
  token: string;
  params: Record<string, unknown>;
  at: number;
  fault?: ZaloFault['kind'];
  /** The error code the call was answered with, when it was not ok. */
  errorCode?: number;
}

export interface ZaloSentMessage {
  message_id: string;
  method: 'sendMessage' | 'sendPhoto';
  chat_id: string;
  text?: string;
  photo?: string;
  caption?: string;
  /** sendPhoto: the HTTP status of each download of the photo URL the fake made. */
  photoFetches?: number[];
}

export interface FakeZaloApiOptions {
  token?: string;
  /** Serve under a path, as a proxy would (`http://host:port/<basePath>/bot…`). */
  basePath?: string;
  /** An idle getUpdates holds at most this long (the real one: its `timeout`). */
  pollHoldMs?: number;
  /** The HTTP status of the idle 408 answer: the live server and fakes differ. */
  idleStatus?: 200 | 408;
  /** The code for an unknown method. */
  unknownMethodCode?: 400 | 404;
  /** Download each sendPhoto URL this many times before answering, as Zalo does (more than once). */
  photoFetches?: number;
  /** getUpdates while a webhook is set: silent (idle, as live) or this error. */
  pollWhileWebhook?: 'silent' | { code: number; description: string };
}

/**
 * `{bot_id}:{secret}`, with a secret too short for the logger's Telegram-token pattern: a test that
 * gives the logger no secrets then sees any leak the Zalo code itself lets through.
 */
export const FAKE_ZALO_TOKEN = '1459232241454765289:Zs3cr3tPart_q8Hn2';
export const FAKE_ZALO_SECRET_PART = 'Zs3cr3tPart_q8Hn2';

/**
 * A fake Zalo Bot API over node:http, behaving as shared/reference/zalo-bot-api.md says: POST (or
 * GET) `/bot<token>/<method>`; a wrong token is HTTP 200 with `error_code` 401; getUpdates returns one
 * update wrapped in `{ok, result}` or, idle, `error_code` 408; webhooks get the update flat (or
 * wrapped) with `X-Bot-Api-Secret-Token`. It refuses what Zalo refuses (texts over 2000 or empty,
 * half a surrogate pair, any field it does not know, such as buttons) and records every call.
 */
export class FakeZaloApi extends EventEmitter {
  readonly token: string;
  readonly basePath: string;
  readonly bot = {
    id: '1459232241454765289',
    account_name: 'Bot Thi đua',
    account_type: 'BASIC',
    can_join_groups: false,
  };
  readonly updates = new ZaloFixtures();
  readonly calls: ZaloApiCall[] = [];
  readonly sent: ZaloSentMessage[] = [];
  /** Calls answered 400 for a bad request (too long, unknown field…): a correct bot makes none. */
  readonly refused: Array<{ method: string; description: string; params: Record<string, unknown> }> = [];
  webhook: { url: string; secret: string; updated_at: number } | undefined;
  /** Where webhook POSTs really go (TLS ends in front of the bot): origin + the registered path. */
  webhookOrigin: string | undefined;
  readonly options: Required<Omit<FakeZaloApiOptions, 'token' | 'basePath'>>;
  /** Chats whose sends are refused with this error (a person who never wrote, or blocked the bot). */
  readonly refusedChats = new Map<string, { code: number; description: string }>();
  private queue: ZaloUpdate[] = [];
  private readonly faults = new Map<string, ZaloFault[]>();
  private readonly sockets = new Set<Socket>();
  private port = 0;
  private nextId = 1;

  private constructor(
    private readonly server: Server,
    options: FakeZaloApiOptions,
  ) {
    super();
    this.setMaxListeners(100);
    this.token = options.token ?? FAKE_ZALO_TOKEN;
    this.basePath = (options.basePath ?? '').replace(/\/+$/, '');
    this.options = {
      pollHoldMs: options.pollHoldMs ?? 30_000,
      idleStatus: options.idleStatus ?? 200,
      unknownMethodCode: options.unknownMethodCode ?? 404,
      photoFetches: options.photoFetches ?? 0,
      pollWhileWebhook: options.pollWhileWebhook ?? 'silent',
    };
  }

  static async start(options: FakeZaloApiOptions = {}): Promise<FakeZaloApi> {
    const server = createServer();
    const api = new FakeZaloApi(server, options);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void api.route(req, res));
    server.on('connection', (socket: Socket) => {
      api.sockets.add(socket);
      socket.on('close', () => api.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api.port = (server.address() as AddressInfo).port;
    return api;
  }

  /** ZALO_API_BASE for the bot. */
  get url(): string {
    return `http://127.0.0.1:${this.port}${this.basePath}`;
  }

  inject(method: string, fault: ZaloFault, times = 1): void {
    const list = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(method, list);
  }

  /** Queues updates for getUpdates (one per poll, as Zalo answers). */
  enqueue(...updates: ZaloUpdate[]): void {
    this.queue.push(...updates);
    setImmediate(() => this.emit('update'));
  }

  /** Delivers as Zalo would: to the webhook when one is set, else to the polling queue. */
  async send(update: ZaloUpdate, shape: 'flat' | 'wrapped' = 'flat'): Promise<number | undefined> {
    if (!this.webhook) {
      this.enqueue(update);
      return undefined;
    }
    return (await this.deliver(update, { shape })).status;
  }

  /** POSTs a body to the webhook; `secret: null` leaves the header out, a string replaces it. */
  async deliver(
    update: ZaloUpdate | string,
    options: { shape?: 'flat' | 'wrapped'; secret?: string | null; contentType?: string } = {},
  ): Promise<{ status: number; body: string }> {
    if (!this.webhook || !this.webhookOrigin) throw new Error('no webhook is set (or no webhookOrigin)');
    const secret = options.secret === undefined ? this.webhook.secret : options.secret;
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
    if (secret !== null) headers['x-bot-api-secret-token'] = secret;
    const body =
      typeof update === 'string' ? update : JSON.stringify(options.shape === 'wrapped' ? wrapped(update) : update);
    const target = new URL(this.webhook.url);
    const res = await fetch(`${this.webhookOrigin}${target.pathname}${target.search}`, {
      method: 'POST',
      headers,
      body,
    });
    return { status: res.status, body: await res.text() };
  }

  messagesTo(chatId: string): ZaloSentMessage[] {
    return this.sent.filter((m) => m.chat_id === chatId);
  }

  callsOf(method: string): ZaloApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  get pendingUpdates(): number {
    return this.queue.length;
  }

  async waitForMessages(chatId: string, n: number, timeoutMs = 10_000): Promise<ZaloSentMessage[]> {
    await this.waitUntil(() => this.messagesTo(chatId).length >= n, timeoutMs, `${n} message(s) to ${chatId}`);
    return this.messagesTo(chatId).slice(0, n);
  }

  async waitForCalls(method: string, n: number, timeoutMs = 10_000): Promise<ZaloApiCall[]> {
    await this.waitUntil(() => this.callsOf(method).length >= n, timeoutMs, `${n} ${method} call(s)`);
    return this.callsOf(method);
  }

  /** Resolves once `condition()` holds (checked on every change and every 20 ms). */
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
      const poll = setInterval(check, 20);
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.off('change', check);
      };
      this.on('change', check);
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(path.slice(this.basePath.length));
    if (!path.startsWith(`${this.basePath}/`) || !match)
      return json(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token = '', method = ''] = match;
    let params: Record<string, unknown>;
    try {
      params = (await readBody(req)).params;
    } catch {
      return json(res, 200, { ok: false, error_code: 400, description: 'Bad Request' });
    }
    const call: ZaloApiCall = { method, token: decodeURIComponent(token), params, at: Date.now() };
    const fault = this.faults.get(method)?.shift();
    if (fault) call.fault = fault.kind;
    this.record(call);
    // Zalo answers a bad token with HTTP 200 and error_code 401, whatever the method.
    if (call.token !== this.token) return this.error(res, call, 401, 'Unauthorized');
    if (fault?.kind === 'delay') await sleep(fault.ms);
    else if (fault) return answerFault(this, req, res, call, fault);
    await handleZaloMethod(method, { api: this, call, params, req, res } satisfies ZaloMethodContext);
  }

  /** Answers `{ok:false}`; used by the method handlers too. */
  error(res: ServerResponse, call: ZaloApiCall, code: number, description: string, status = 200): void {
    call.errorCode = code;
    this.emit('change');
    json(res, status, { ok: false, error_code: code, description });
  }

  record(call: ZaloApiCall): void {
    this.calls.push(call);
    this.emit('change');
  }

  storeSent(message: Omit<ZaloSentMessage, 'message_id'>): ZaloSentMessage {
    const stored = { ...message, message_id: (0xa000000000 + this.nextId++).toString(16).padStart(20, '0') };
    this.sent.push(stored);
    this.emit('change');
    return stored;
  }

  /** getUpdates: the next queued update, or undefined once `holdMs` passes (or the client leaves). */
  async takeUpdate(holdMs: number, res: ServerResponse): Promise<ZaloUpdate | undefined> {
    let left = false;
    if (this.queue.length === 0 && holdMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.off('update', done);
          res.off('close', gone);
          resolve();
        };
        // Before an answer is written, 'close' means the client went away (a poll cancelled at stop).
        const gone = () => {
          left = true;
          done();
        };
        const timer = setTimeout(done, holdMs);
        this.on('update', done);
        res.on('close', gone);
      });
    }
    // A client that left gets nothing, so the update stays queued (a real server may lose it).
    if (left) return undefined;
    return this.queue.shift();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
