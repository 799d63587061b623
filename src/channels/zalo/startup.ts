import type { LocaleKey, Params } from '../../app/messages.ts';
import { ZALO_TIMEOUTS, type ZaloClient } from './client.ts';
import { isAuthError, ZaloApiError, ZaloHttpError } from './errors.ts';
import type { ZaloBotInfo, ZaloLogger } from './types.ts';

/**
 * The Zalo channel cannot start, for a reason the operator must fix: `key` (under `zalo.*` in the
 * locale files) with its `params` is what the CLI prints; `message` is the English log line.
 */
export class ZaloStartupError extends Error {
  override readonly name = 'ZaloStartupError';
  constructor(
    readonly key: LocaleKey,
    readonly params: Params,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const GET_ME_ATTEMPTS = 3;
const GET_ME_RETRY_MS = 1000;

/**
 * getMe at start, bounded at 2.5 s a try: a refused token (HTTP 200 with `error_code` 401, or 403)
 * fails at once with `zalo.badToken`, naming ZALO_BOT_TOKEN; a host that does not answer is tried
 * three times, then fails with `zalo.apiUnreachable`.
 */
export async function checkToken(client: ZaloClient, retryMs = GET_ME_RETRY_MS): Promise<ZaloBotInfo> {
  let last: unknown;
  for (let attempt = 1; attempt <= GET_ME_ATTEMPTS; attempt++) {
    try {
      return await client.getMe({ timeoutMs: ZALO_TIMEOUTS.getMeAtStartMs });
    } catch (error) {
      if (isAuthError(error)) {
        const description = error instanceof ZaloApiError ? `${error.code} ${error.description}`.trim() : '';
        throw new ZaloStartupError(
          'zalo.badToken',
          { description },
          `ZALO_BOT_TOKEN refused by Zalo (${description})`,
          {
            cause: error,
          },
        );
      }
      last = error;
      if (attempt < GET_ME_ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }
  const reason = last instanceof Error ? last.message : String(last);
  throw new ZaloStartupError(
    'zalo.apiUnreachable',
    { base: client.baseUrl, reason },
    `Zalo Bot API unreachable at ${client.baseUrl}: ${reason}`,
    { cause: last },
  );
}

/** Checks what Zalo requires of a webhook before asking it: an https URL, a secret of 8–256. */
export function validateWebhook(url: string, secret: string): void {
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'https:')
    throw new ZaloStartupError('zalo.webhookUrlInvalid', { url }, 'ZALO_WEBHOOK_URL must be an https:// URL');
  if (secret.length < 8 || secret.length > 256)
    throw new ZaloStartupError(
      'zalo.webhookSecretInvalid',
      { length: secret.length },
      'ZALO_WEBHOOK_SECRET must be 8–256 characters',
    );
}

/** Webhook mode: setWebhook (which also ends polling: the two exclude each other). */
export async function registerWebhook(client: ZaloClient, url: string, secret: string): Promise<void> {
  validateWebhook(url, secret);
  try {
    await client.setWebhook(url, secret);
  } catch (error) {
    if (!(error instanceof ZaloApiError) || isAuthError(error)) throw error;
    throw new ZaloStartupError(
      'zalo.webhookRefused',
      { url, description: `${error.code} ${error.description}`.trim() },
      `Zalo refused the webhook: ${error.message}`,
      { cause: error },
    );
  }
}

/**
 * Polling mode: with a webhook set, getUpdates goes silent without an error (reference, "Checked
 * again" §6), so any webhook is deleted first, and the log says so. getWebhookInfo answers 404 when
 * none is set; deleteWebhook's 404 is taken the same way.
 */
export async function clearWebhook(client: ZaloClient, logger: ZaloLogger): Promise<void> {
  let url: string | undefined;
  try {
    url = (await client.getWebhookInfo())?.url;
    if (!url) return;
  } catch (error) {
    if (error instanceof ZaloApiError && error.code === 404) return;
    if (isAuthError(error) || (error instanceof ZaloHttpError && error.failure === 'aborted')) throw error;
    // Unknown state: delete anyway, deleting an absent webhook is harmless.
    logger.warn({ err: error, channel: 'zalo' }, 'getWebhookInfo failed; deleting any webhook before polling');
  }
  if (url) logger.info({ channel: 'zalo', webhook: url }, 'a Zalo webhook is set: deleting it to use long polling');
  try {
    await client.deleteWebhook();
  } catch (error) {
    if (error instanceof ZaloApiError && error.code === 404) return;
    throw error;
  }
}
