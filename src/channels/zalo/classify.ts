import type { SendOutcome } from '../../app/delivery.ts';
import { ZaloApiError, ZaloHttpError } from './errors.ts';

export type SendFailure = Extract<SendOutcome, { ok: false }>;

/** Why a send failed, as the sender acts on it. */
export type FailureKind = 'quota' | 'auth' | 'refused' | 'server' | 'network' | 'timeout' | 'other';

/**
 * How a failed Zalo call is treated (design.md, "Outbound"; reference, "Checked again"):
 *  - 429 "Quota exceeded" (in the body or as the HTTP status): transient; Zalo gives no numbers and
 *    no Retry-After, so the sender supplies a growing wait (`quota`).
 *  - 401/403: our token, not the reader: transient, and the sender logs it loudly (`auth`).
 *  - 400/404: the recipient refused. UNVERIFIED: no source shows what Zalo answers for a person who
 *    never wrote to the bot or blocked it; its documented codes leave 400 ("bad request") and 404
 *    ("not found") as the only candidates. Our own requests cannot be the cause of a 400 (texts are
 *    1–2000 units, no unknown field is ever sent), so these are taken as permanent, with Zalo's
 *    description kept in the outbox row for whoever checks.
 *  - 5xx, an HTML page, a dropped connection, our timeout: transient.
 *  - any other code (Zalo's are undocumented beyond the table): transient, so the outbox's bounded
 *    retries decide rather than one guess marking a person unreachable.
 */
export function failureKind(error: unknown): FailureKind {
  if (error instanceof ZaloApiError) {
    if (error.code === 429 || error.status === 429) return 'quota';
    if (error.code === 401 || error.code === 403) return 'auth';
    if (error.code === 400 || error.code === 404) return 'refused';
    if (error.code >= 500 || error.status >= 500 || error.code === 408) return 'server';
    return 'other';
  }
  if (error instanceof ZaloHttpError) {
    if (error.failure === 'timeout') return 'timeout';
    if (error.failure === 'body' && error.status === 429) return 'quota';
    if (error.failure === 'body') return 'server';
    return 'network';
  }
  return 'other';
}

/** The outcome for the outbox; `retryAfterMs` only where the sender knows better than backoff. */
export function classifySendError(error: unknown, retryAfterMs?: number): SendFailure {
  const kind = failureKind(error);
  const text = error instanceof Error ? error.message : 'zalo send failed';
  if (kind === 'refused') return { ok: false, permanent: true, recipientRefused: true, error: text };
  if (kind === 'timeout') return { ok: false, permanent: false, error: `zalo timeout: ${text}` };
  return { ok: false, permanent: false, error: text, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

/** Worth trying again at once inside one send: the server failed, not us, not the quota. */
export function retryableAtOnce(error: unknown): boolean {
  const kind = failureKind(error);
  return kind === 'server' || kind === 'network';
}
