/**
 * The two ways a Zalo call fails, as grammY splits them (style.md): the API answered and said no
 * (`ZaloApiError`), or no usable answer came back (`ZaloHttpError`). Retries and log levels follow
 * from the class and its fields, never from matching message text. Neither ever holds the token:
 * the token sits in every request URL (`/bot<token>/…`) and axios errors carry the URL and the whole
 * request config, so nothing of axios is kept, only scrubbed strings.
 */

const BOT_PATH = /\/bot[^/\s"']+\//g;

/** Removes the token (raw and URL-encoded) and any `/bot…/` path segment from a string. */
export function redact(text: string, token: string): string {
  let out = text;
  for (const secret of [token, encodeURIComponent(token)]) if (secret) out = out.split(secret).join('[token]');
  return out.replace(BOT_PATH, '/bot[token]/');
}

/** Zalo answered `ok: false`: `code` is its `error_code` (401 bad token, 408 idle poll, 429 quota…). */
export class ZaloApiError extends Error {
  override readonly name = 'ZaloApiError';
  constructor(
    readonly method: string,
    readonly code: number,
    /** Zalo's `description`, scrubbed. */
    readonly description: string,
    /** The HTTP status it came with (200 for most errors, 408 for some idle polls). */
    readonly status: number,
  ) {
    super(`zalo ${method}: ${code} ${description}`.trim());
  }
}

export type ZaloHttpFailure =
  /** Our own timeout fired before an answer. */
  | 'timeout'
  /** We cancelled the call (stop()). */
  | 'aborted'
  /** The connection failed or dropped (ECONNRESET, ECONNREFUSED, socket hang up…). */
  | 'network'
  /** An answer came, but not a Zalo envelope (an HTML 502 page, an empty body). */
  | 'body';

/** The request did not complete with a Zalo answer. */
export class ZaloHttpError extends Error {
  override readonly name = 'ZaloHttpError';
  readonly status: number | undefined;
  readonly body: string | undefined;
  constructor(
    readonly method: string,
    readonly failure: ZaloHttpFailure,
    details: {
      status?: number;
      /** The start of a non-JSON body, scrubbed. */
      body?: string;
      /** A scrubbed copy of the low-level error: its message and code only. */
      cause?: Error;
      /** How long we waited, for a timeout. */
      timeoutMs?: number;
    } = {},
  ) {
    const status = details.status !== undefined ? ` (HTTP ${details.status})` : '';
    const waited = details.timeoutMs !== undefined ? ` after ${details.timeoutMs} ms` : '';
    const reason = details.cause ? `: ${details.cause.message}` : waited;
    super(`zalo ${method}: ${failure}${status}${reason}`, details.cause ? { cause: details.cause } : undefined);
    this.status = details.status;
    this.body = details.body;
  }
}

/** A plain error with only the scrubbed message and the errno-style code of `error`. */
export function scrubbedCause(error: unknown, token: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const clean = new Error(redact(message, token));
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') Object.assign(clean, { code: redact(code, token) });
  // The stack would point into axios, not into our code: keep only the message line.
  clean.stack = `Error: ${clean.message}`;
  return clean;
}

/**
 * True for the idle answer of getUpdates: `error_code` 408 in the body, whatever the HTTP status,
 * or an HTTP 408 whose body is not an envelope (fakes and the live server differ).
 */
export function isIdlePoll(error: unknown): boolean {
  if (error instanceof ZaloApiError) return error.code === 408;
  return error instanceof ZaloHttpError && error.failure === 'body' && error.status === 408;
}

/** Our token is refused (401) or Zalo's odd "403 Internal server error", treated as auth by OpenClaw. */
export function isAuthError(error: unknown): boolean {
  return error instanceof ZaloApiError && (error.code === 401 || error.code === 403);
}

/** Zalo's words for a refusal ("401 Unauthorized"), for the operator; already scrubbed of the token. */
export function refusalText(error: unknown): string {
  if (error instanceof ZaloApiError) return `${error.code} ${error.description}`.trim();
  return error instanceof Error ? error.message : 'unknown';
}
