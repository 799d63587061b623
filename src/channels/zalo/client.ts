import axios, { type AxiosInstance } from 'axios';
import { redact, scrubbedCause, ZaloApiError, ZaloHttpError } from './errors.ts';
import { idOf, parseZaloJson } from './json.ts';
import type { ZaloBotInfo, ZaloEnvelope, ZaloSent, ZaloUpdate, ZaloWebhookInfo } from './types.ts';

/** The Bot Platform host (reference §1); the legacy `bot-api.zapps.me` still works for some calls. */
export const ZALO_API_BASE = 'https://bot-api.zaloplatforms.com';

/** Timeouts that work for OpenClaw (reference, "Checked again" §7). */
export const ZALO_TIMEOUTS = {
  defaultMs: 30_000,
  /** The start-up token check: a bad token or a dead host must not hold the start for long. */
  getMeAtStartMs: 2_500,
  /** Zalo downloads the image before it answers. */
  sendPhotoMs: 150_000,
  /** getUpdates holds the request for its own `timeout`; ours waits this much longer. */
  pollMarginMs: 5_000,
} as const;

export interface ZaloClientOptions {
  token: string;
  /** ZALO_API_BASE; may carry a path (a proxy). Default: the Bot Platform host. */
  baseUrl?: string;
  defaultTimeoutMs?: number;
}

export interface CallOptions {
  timeoutMs?: number;
  /** Cancels the call (polling's stop()); it then fails as `ZaloHttpError` 'aborted'. */
  signal?: AbortSignal;
}

const BODY_SNIPPET = 200;

/**
 * The Zalo Bot API over axios: `POST <base>/bot<token>/<method>` with a JSON body. Success is the
 * body's `ok`, not the HTTP status (a bad token is HTTP 200 with `error_code` 401), and anything that
 * is not an envelope (an HTML 502 page) is a `ZaloHttpError`. Our own timer bounds each call: axios's
 * `timeout` is a socket idle timer, which a server dribbling bytes never trips.
 */
export class ZaloClient {
  readonly baseUrl: string;
  private readonly http: AxiosInstance;
  private readonly token: string;
  private readonly defaultTimeoutMs: number;

  constructor(options: ZaloClientOptions) {
    this.token = options.token;
    this.baseUrl = (options.baseUrl ?? ZALO_API_BASE).replace(/\/+$/, '');
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? ZALO_TIMEOUTS.defaultMs;
    this.http = axios.create({
      baseURL: this.baseUrl,
      headers: { 'content-type': 'application/json' },
      // The body is read as text and judged here: a 502 page is a result to classify, not a throw.
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      // A redirect would resend the token-bearing path wherever it points.
      maxRedirects: 0,
      maxContentLength: 10 * 1024 * 1024,
    });
  }

  async call<T>(method: string, body: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) controller.abort();
    let status: number;
    let text: string;
    try {
      const res = await this.http.post<string>(`/bot${this.token}/${method}`, body, { signal: controller.signal });
      status = res.status;
      text = typeof res.data === 'string' ? res.data : '';
    } catch (error) {
      // Our own abort (a timeout, a stop) says nothing more than its kind: no cause for those.
      if (timedOut) throw new ZaloHttpError(method, 'timeout', { timeoutMs });
      if (options.signal?.aborted) throw new ZaloHttpError(method, 'aborted');
      throw new ZaloHttpError(method, 'network', { cause: scrubbedCause(error, this.token) });
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
    return this.judge<T>(method, status, text);
  }

  private judge<T>(method: string, status: number, text: string): T {
    let envelope: ZaloEnvelope<T> | undefined;
    try {
      const parsed = parseZaloJson(text);
      if (parsed !== null && typeof parsed === 'object' && typeof (parsed as ZaloEnvelope).ok === 'boolean')
        envelope = parsed as ZaloEnvelope<T>;
    } catch {
      envelope = undefined;
    }
    if (!envelope) {
      const snippet = redact(text.replace(/\s+/g, ' ').trim().slice(0, BODY_SNIPPET), this.token);
      throw new ZaloHttpError(method, 'body', { status, body: snippet });
    }
    if (!envelope.ok) {
      const code = Number(envelope.error_code ?? (status >= 300 ? status : 0));
      const description = redact(String(envelope.description ?? ''), this.token);
      throw new ZaloApiError(method, Number.isFinite(code) ? code : 0, description, status);
    }
    return envelope.result as T;
  }

  async getMe(options: CallOptions = {}): Promise<ZaloBotInfo> {
    const me = await this.call<Partial<ZaloBotInfo> | undefined>('getMe', {}, options);
    return { ...me, id: idOf(me?.id) ?? '' };
  }

  /**
   * One long poll. The docs and captures give one update object; an array is accepted too (javis
   * parses both), so a batch would never be cut to its first element.
   */
  async getUpdates(timeoutS: number, signal?: AbortSignal): Promise<ZaloUpdate[]> {
    const result = await this.call<unknown>(
      'getUpdates',
      // A string, as the method table says (its JSON example shows a number; the string works live).
      { timeout: String(timeoutS) },
      { timeoutMs: timeoutS * 1000 + ZALO_TIMEOUTS.pollMarginMs, signal },
    );
    const list = Array.isArray(result) ? result : [result];
    return list.filter((u): u is ZaloUpdate => u !== null && typeof u === 'object');
  }

  setWebhook(url: string, secretToken: string): Promise<ZaloWebhookInfo> {
    return this.call('setWebhook', { url, secret_token: secretToken });
  }

  deleteWebhook(): Promise<ZaloWebhookInfo> {
    return this.call('deleteWebhook');
  }

  getWebhookInfo(): Promise<ZaloWebhookInfo> {
    return this.call('getWebhookInfo');
  }

  async sendMessage(chatId: string, text: string, options: CallOptions = {}): Promise<ZaloSent> {
    return sent(await this.call<Partial<ZaloSent> | undefined>('sendMessage', { chat_id: chatId, text }, options));
  }

  /** `photo` is an absolute URL Zalo downloads; an empty caption is omitted (captions are 1–2000). */
  async sendPhoto(chatId: string, photo: string, caption?: string, options: CallOptions = {}): Promise<ZaloSent> {
    const body = { chat_id: chatId, photo, ...(caption ? { caption } : {}) };
    const timeoutMs = options.timeoutMs ?? ZALO_TIMEOUTS.sendPhotoMs;
    return sent(await this.call<Partial<ZaloSent> | undefined>('sendPhoto', body, { ...options, timeoutMs }));
  }

  async sendChatAction(chatId: string, action: 'typing' = 'typing', options: CallOptions = {}): Promise<void> {
    await this.call('sendChatAction', { chat_id: chatId, action }, options);
  }
}

function sent(result: Partial<ZaloSent> | undefined): ZaloSent {
  return { message_id: idOf(result?.message_id) ?? '', ...(result?.date !== undefined ? { date: result.date } : {}) };
}
