import type { IncomingMessage, ServerResponse } from 'node:http';
import { json } from './http-body.ts';
import type { FakeZaloApi, ZaloApiCall, ZaloFault } from './fake-zalo-api.ts';
import { wrapped } from './zalo-fixtures.ts';

export interface ZaloMethodContext {
  api: FakeZaloApi;
  call: ZaloApiCall;
  params: Record<string, unknown>;
  req: IncomingMessage;
  res: ServerResponse;
}

/** Zalo said no: answered `{ok:false, error_code}` with HTTP 200. */
class Refusal extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }
}

/** The fields each method takes (reference §1); anything else (buttons, parse modes…) is refused. */
const FIELDS: Record<string, readonly string[]> = {
  getMe: [],
  getUpdates: ['timeout'],
  setWebhook: ['url', 'secret_token'],
  deleteWebhook: [],
  getWebhookInfo: [],
  sendMessage: ['chat_id', 'text'],
  sendPhoto: ['chat_id', 'photo', 'caption'],
  sendSticker: ['chat_id', 'sticker'],
  sendChatAction: ['chat_id', 'action'],
};

export const ZALO_TEXT_MAX = 2000;

type Method = (ctx: ZaloMethodContext) => Promise<unknown> | unknown;

const METHODS: Record<string, Method> = {
  getMe: ({ api }) => api.bot,
  getUpdates: poll,
  setWebhook: ({ api, params }) => {
    const url = str(params.url);
    const secret = str(params.secret_token);
    if (!url || !url.startsWith('https://')) throw new Refusal(400, 'url must be https');
    if (!secret || secret.length < 8 || secret.length > 256) throw new Refusal(400, 'secret_token must be 8-256');
    api.webhook = { url, secret, updated_at: Date.now() };
    return { url, updated_at: api.webhook.updated_at };
  },
  deleteWebhook: ({ api }) => {
    api.webhook = undefined;
    return { url: '', updated_at: Date.now() };
  },
  getWebhookInfo: ({ api }) => {
    if (!api.webhook) throw new Refusal(404, 'Not Found');
    return { url: api.webhook.url, updated_at: api.webhook.updated_at };
  },
  sendMessage: ({ api, params }) => {
    const chatId = recipient(api, params);
    const text = checkText(params.text, 'text');
    const sent = api.storeSent({ method: 'sendMessage', chat_id: chatId, text });
    return { message_id: sent.message_id, date: Date.now() };
  },
  sendPhoto: async ({ api, params }) => {
    const chatId = recipient(api, params);
    const photo = str(params.photo);
    if (!photo || !/^https?:\/\//.test(photo)) throw new Refusal(400, 'photo must be an http(s) URL');
    const caption = params.caption === undefined ? undefined : checkText(params.caption, 'caption');
    const fetches: number[] = [];
    for (let i = 0; i < api.options.photoFetches; i++) fetches.push(await download(photo));
    if (fetches.some((status) => status !== 200)) throw new Refusal(400, 'photo could not be downloaded');
    const sent = api.storeSent({
      method: 'sendPhoto',
      chat_id: chatId,
      photo,
      ...(caption !== undefined ? { caption } : {}),
      ...(fetches.length ? { photoFetches: fetches } : {}),
    });
    return { message_id: sent.message_id, date: Date.now() };
  },
  sendChatAction: ({ api, params }) => {
    recipient(api, params);
    if (params.action !== 'typing' && params.action !== 'upload_photo') throw new Refusal(400, 'invalid action');
    return undefined;
  },
};

export async function handleZaloMethod(method: string, ctx: ZaloMethodContext): Promise<void> {
  const { api, call, res } = ctx;
  const handler = METHODS[method];
  if (!handler) {
    const code = api.options.unknownMethodCode;
    return api.error(res, call, code, code === 404 ? 'Not Found' : 'Bad Request');
  }
  try {
    const unknown = Object.keys(ctx.params).filter((k) => !FIELDS[method]?.includes(k));
    if (unknown.length > 0) throw new Refusal(400, `unknown field: ${unknown.join(', ')}`);
    const result = await handler(ctx);
    if (result === POLL_ANSWERED) return;
    json(res, 200, result === undefined ? { ok: true } : { ok: true, result });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    if (error.code === 400) api.refused.push({ method, description: error.description, params: ctx.params });
    api.error(res, call, error.code, error.description);
  }
}

const POLL_ANSWERED = Symbol('answered');

/** One update wrapped in `{ok, result}`, or after the hold `error_code` 408 (HTTP 200 or 408). */
async function poll({ api, params, res, call }: ZaloMethodContext): Promise<typeof POLL_ANSWERED> {
  const timeoutS = params.timeout === undefined ? 30 : Number(params.timeout);
  const holdMs = Math.min(Math.max(0, timeoutS) * 1000, api.options.pollHoldMs);
  const whileWebhook = api.options.pollWhileWebhook;
  if (api.webhook && whileWebhook !== 'silent') throw new Refusal(whileWebhook.code, whileWebhook.description);
  // With a webhook set, polling goes silent: the queue is the webhook's, never returned here.
  const update = api.webhook ? await idle(holdMs, res) : await api.takeUpdate(holdMs, res);
  if (update) {
    json(res, 200, wrapped(update));
  } else {
    call.errorCode = 408;
    json(res, api.options.idleStatus, { ok: false, error_code: 408, description: 'Request timeout' });
  }
  return POLL_ANSWERED;
}

async function idle(holdMs: number, res: ServerResponse): Promise<undefined> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, holdMs);
    res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return undefined;
}

/** Answers a call as an injected fault says. */
export function answerFault(
  api: FakeZaloApi,
  req: IncomingMessage,
  res: ServerResponse,
  call: ZaloApiCall,
  fault: ZaloFault,
): void {
  if (fault.kind === 'hang') return;
  if (fault.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  if (fault.kind === 'html') {
    call.errorCode = fault.status;
    res.writeHead(fault.status, { 'content-type': 'text/html' });
    res.end(`<html><head><title>${fault.status} Bad Gateway</title></head><body>nginx</body></html>`);
    return;
  }
  if (fault.kind === 'error')
    api.error(res, call, fault.code, fault.description ?? defaultDescription(fault.code), fault.status);
}

function defaultDescription(code: number): string {
  if (code === 401) return 'Unauthorized';
  if (code === 403) return 'Internal server error';
  if (code === 408) return 'Request timeout';
  if (code === 429) return 'Quota exceeded';
  return 'Bad Request';
}

function recipient(api: FakeZaloApi, params: Record<string, unknown>): string {
  const chatId = str(params.chat_id);
  if (!chatId) throw new Refusal(400, 'chat_id is required');
  const refusal = api.refusedChats.get(chatId);
  if (refusal) throw new Refusal(refusal.code, refusal.description);
  return chatId;
}

/** 1–2000 UTF-16 units, and never half a surrogate pair (the bot must split around them). */
function checkText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new Refusal(400, `${field} is empty`);
  if (value.length > ZALO_TEXT_MAX) throw new Refusal(400, `${field} is longer than ${ZALO_TEXT_MAX} characters`);
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value))
    throw new Refusal(400, `${field} holds half a surrogate pair`);
  return value;
}

async function download(url: string): Promise<number> {
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
