import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseZaloJson } from './json.ts';
import { RecentIds } from './lanes.ts';
import { logIgnored, parseUpdate } from './to-inbound.ts';
import type { HandleResult, UpdateHandler, ZaloLogger } from './types.ts';

export type WebhookHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface ZaloWebhookOptions {
  /** ZALO_WEBHOOK_SECRET, as given to setWebhook. */
  secret: string;
  handler: UpdateHandler;
  logger: ZaloLogger;
  /** The bot's own id (getMe), so its messages are never read back. */
  botId?: string;
  maxBodyBytes?: number;
  readTimeoutMs?: number;
}

export const SECRET_HEADER = 'x-bot-api-secret-token';
const MAX_BODY_BYTES = 1024 * 1024;
const READ_TIMEOUT_MS = 30_000;

type Body = { ok: true; bytes: Buffer } | { ok: false; status: 408 | 413 };

/**
 * Zalo's webhook, mounted on the bot's HTTP server (reference, "Checked again" §10): POST only; the
 * secret header compared in constant time (wrong or missing: 401, nothing read or stored); a body of
 * at most 1 MiB read within 30 s; JSON only. A well-authenticated body we merely do not understand
 * (no `message`, an unknown shape, an empty probe) is answered 200 and ignored: an error there could
 * make Zalo retry or disable the webhook. Otherwise the update is handed to the engine and 200 comes
 * only after its commit; `unrecorded` answers 500, so Zalo (if it retries at all: undocumented) may
 * deliver it again.
 */
export function createZaloWebhookHandler(options: ZaloWebhookOptions): WebhookHandler {
  const { handler, logger } = options;
  const expected = Buffer.from(options.secret, 'utf8');
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const readTimeoutMs = options.readTimeoutMs ?? READ_TIMEOUT_MS;
  const recent = new RecentIds();

  return async (req, res) => {
    if (req.method !== 'POST') return answer(res, 405, { allow: 'POST' });
    if (!secretMatches(req.headers[SECRET_HEADER], expected)) {
      logger.warn({ channel: 'zalo' }, 'zalo webhook: wrong or missing secret header (refused)');
      return answer(res, 401, { connection: 'close' });
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) return answer(res, 413, { connection: 'close' });
    const body = await readBody(req, maxBytes, readTimeoutMs);
    if (!body.ok) return answer(res, body.status, { connection: 'close' });
    // An empty probe (seen once, live): acknowledge it.
    if (body.bytes.length === 0) return answer(res, 200);
    if (!isJson(req.headers['content-type'])) return answer(res, 415);
    let json: unknown;
    try {
      json = parseZaloJson(body.bytes.toString('utf8'));
    } catch {
      return answer(res, 400);
    }
    const parsed = parseUpdate(json, { botId: options.botId });
    if (parsed.kind === 'ignored') {
      logIgnored(logger, json, parsed.reason);
      return answer(res, 200);
    }
    const { inbound } = parsed;
    if (recent.has(inbound.updateId)) return answer(res, 200);
    let result: HandleResult;
    try {
      result = await handler.handle(inbound);
    } catch (error) {
      logger.error({ err: error, channel: 'zalo', updateId: inbound.updateId }, 'zalo update handler threw');
      result = 'unrecorded';
    }
    if (result === 'unrecorded') return answer(res, 500);
    recent.add(inbound.updateId);
    return answer(res, 200);
  };
}

/** Constant time over equal lengths; a length mismatch is refused first (that leaks only the length). */
export function secretMatches(given: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const bytes = Buffer.from(given, 'utf8');
  if (bytes.length !== expected.length || expected.length === 0) return false;
  return timingSafeEqual(bytes, expected);
}

function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: Body) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      // Stop reading what is left of a refused body; the connection closes after the answer.
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish({ ok: false, status: 413 });
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, bytes: Buffer.concat(chunks) });
    const onError = () => finish({ ok: false, status: 408 });
    const timer = setTimeout(() => finish({ ok: false, status: 408 }), timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function answer(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.writableEnded) return;
  // With `connection: close`, Node ends the socket after the answer: the unread rest of a refused
  // body is never read.
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ ok: status < 300 }));
}
