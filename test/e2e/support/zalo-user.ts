import { expect } from 'vitest';
import { messageOf, type LocaleKey, type Params, type ParamsArg } from '../../../src/app/messages.ts';
import { renderMessage } from '../../../src/i18n/render.ts';
import type { FakeZaloApi, ZaloSentMessage } from '../../fakes/fake-zalo-api.ts';
import type { ZaloUser as ZaloIdentity } from '../../fakes/zalo-fixtures.ts';
import type { ZaloUpdate } from '../../../src/channels/zalo/types.ts';

/**
 * A person using Zalo against the fake Zalo Bot API: types text, sends photos and stickers, and
 * reads what the bot sent to their chat (plain text: choices come as numbered lines, picked by
 * typing the number). The fake delivers the way the bot receives: to its webhook when one is set,
 * else to getUpdates.
 */
export class ZaloUser {
  readonly identity: ZaloIdentity;

  constructor(
    readonly api: FakeZaloApi,
    name: string,
  ) {
    this.identity = api.updates.user(name);
  }

  get id(): string {
    return this.identity.id;
  }

  messages(): ZaloSentMessage[] {
    return this.api.messagesTo(this.id);
  }

  /** Delivers an update from this person; a webhook delivery must be accepted (200). */
  async deliver(update: ZaloUpdate, shape: 'flat' | 'wrapped' = 'flat'): Promise<void> {
    const status = await this.api.send(update, shape);
    if (status !== undefined) expect(status, 'webhook status').toBe(200);
  }

  /** Sends text and waits for `count` new messages to this chat; returns them. */
  async say(text: string, count = 1, timeoutMs = 15_000): Promise<ZaloSentMessage[]> {
    return this.expect(count, () => this.deliver(this.api.updates.text(this.identity, text)), timeoutMs);
  }

  /** Sends a photo (a URL on Zalo's CDN) and waits for `count` new messages. */
  async photo(url: string, count = 1): Promise<ZaloSentMessage[]> {
    return this.expect(count, () => this.deliver(this.api.updates.image(this.identity, url)));
  }

  /** Sends `update` (a sticker, a group mention…) and waits for `count` new messages to `chatId`. */
  async expect(count: number, send: () => Promise<void>, timeoutMs = 15_000, chatId = this.id) {
    const before = this.api.messagesTo(chatId).length;
    await send();
    await this.api.waitForMessages(chatId, before + count, timeoutMs);
    return this.api.messagesTo(chatId).slice(before);
  }
}

/** The text the bot sends for a key on Zalo: rendered as plain text, in NFC, as the sender does. */
export function zaloText<K extends LocaleKey>(key: K, ...args: ParamsArg<K>): string {
  const [params] = args as unknown as [Params | undefined];
  return renderMessage(messageOf(key, params ?? {}), 'vi').normalize('NFC');
}

/**
 * The numbered options at the end of a plain-text message ("1. Gửi báo cáo" → "Gửi báo cáo"): the
 * last run of lines numbered from 1 (a summary's own numbered lines come before it).
 */
export function numberedOptions(text: string | undefined): string[] {
  const lines = (text ?? '').split('\n');
  const options: string[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^(\d+)\. (.*)$/.exec(lines[i] ?? '');
    if (!m) break;
    options.unshift(m[2] ?? '');
    if (m[1] === '1') break;
  }
  return options;
}

/** Nothing Zalo would refuse was ever sent: no text over 2000, no unknown field (buttons), none empty. */
export function expectNothingRefused(api: FakeZaloApi): void {
  expect(api.refused).toEqual([]);
  for (const m of api.sent) expect((m.text ?? m.caption ?? '').length).toBeLessThanOrEqual(2000);
  for (const call of api.calls) expect(Object.keys(call.params)).not.toContain('reply_markup');
}
