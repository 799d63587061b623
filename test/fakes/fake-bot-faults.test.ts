import { Telegram } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reply } from '../../src/app/messages.ts';
import { createTelegramSender } from '../../src/channels/telegram/sender.ts';
import { FakeBotApi } from './fake-bot-api.ts';
import { RandomFaults, RateLimiter, TELEGRAM_RATE_LIMITS } from './fake-bot-faults.ts';

describe("the fake Bot API's flood limits", () => {
  it('refuses a second send to a chat within the gap, until the gap has passed', () => {
    const limits = new RateLimiter({ perChatGapMs: 1000 });
    expect(limits.admit('7', 0)).toBeUndefined();
    expect(limits.admit('7', 999)).toEqual({ kind: 'chat', retryAfterS: 1 });
    expect(limits.admit('8', 999)).toBeUndefined();
    expect(limits.admit('7', 1000)).toBeUndefined();
  });

  it('lets 20 sends reach a group in a minute, and says when the 21st may come', () => {
    const limits = new RateLimiter(TELEGRAM_RATE_LIMITS);
    for (let i = 0; i < 20; i++) expect(limits.admit('-100', i * 1000)).toBeUndefined();
    // The first of the 20 leaves the window at 60 s.
    expect(limits.admit('-100', 20_000)).toEqual({ kind: 'group', retryAfterS: 40 });
    expect(limits.admit('-100', 59_999)).toEqual({ kind: 'group', retryAfterS: 1 });
    expect(limits.admit('-100', 60_000)).toBeUndefined();
    // A private chat is not held to the group limit.
    for (let i = 0; i < 25; i++) expect(new RateLimiter(TELEGRAM_RATE_LIMITS).admit('100', i * 1000)).toBeUndefined();
  });

  it('counts the global rate over any second, and refused sends do not count', () => {
    const limits = new RateLimiter({ globalPerSecond: 3 });
    expect(['a', 'b', 'c'].map((chat, i) => limits.admit(chat, i))).toEqual([undefined, undefined, undefined]);
    expect(limits.admit('d', 500)).toEqual({ kind: 'global', retryAfterS: 1 });
    expect(limits.admit('d', 999)).toEqual({ kind: 'global', retryAfterS: 1 });
    expect(limits.admit('d', 1000)).toBeUndefined();
    expect(limits.admit('e', 1001)).toBeUndefined();
    expect(limits.admit('f', 1001)).toEqual({ kind: 'global', retryAfterS: 1 });
  });

  it('with a burst allowance, tolerates bunched arrivals at the rate but not a client over it for long', () => {
    const bucket = new RateLimiter({ globalPerSecond: 10, globalBurst: 5 });
    // Five at once pass, the sixth waits for a token (0.1 s at 10/s).
    expect([1, 2, 3, 4, 5, 6].map((chat) => bucket.admit(String(chat), 0))).toEqual([
      ...Array<undefined>(5).fill(undefined),
      { kind: 'global', retryAfterS: 1 },
    ]);
    expect(bucket.admit('6', 100)).toBeUndefined();
    // 9 sends a second for a minute, arriving in bunches of three: never refused.
    const steady = new RateLimiter({ globalPerSecond: 10, globalBurst: 5 });
    let refused = 0;
    for (let i = 0; i < 540; i++) if (steady.admit(`c${i}`, 10_000 + Math.floor(i / 3) * 333)) refused++;
    expect(refused).toBe(0);
    // 11 a second: the bucket runs dry within the first seconds (5 tokens, 1 lost a second).
    const over = new RateLimiter({ globalPerSecond: 10, globalBurst: 5 });
    const firstRefusal = Array.from({ length: 110 }, (_, i) => i).find((i) => over.admit(`c${i}`, i * 91));
    expect(firstRefusal).toBeDefined();
    expect((firstRefusal ?? 0) * 91).toBeLessThan(10_000);
  });

  it('fails the same sends for the same seed, about as often as asked', () => {
    const rolls = (seed: number) => {
      const random = new RandomFaults({ serverError: 0.05, tooManyRequests: 0.01, seed });
      return Array.from({ length: 2000 }, () => random.next());
    };
    const first = rolls(42);
    expect(rolls(42)).toEqual(first);
    const errors = first.filter((f) => f?.kind === 'status' && f.status === 500).length;
    const floods = first.filter((f) => f?.kind === 'status' && f.status === 429).length;
    expect(errors).toBeGreaterThan(70);
    expect(errors).toBeLessThan(130);
    expect(floods).toBeGreaterThan(5);
    expect(floods).toBeLessThan(40);
  });
});

describe('the fake Bot API over HTTP, as the telegraf sender sees it', () => {
  let api: FakeBotApi;
  beforeEach(async () => {
    api = await FakeBotApi.start();
  });
  afterEach(async () => {
    await api.close();
  });
  const send = (chatId: string, timeoutMs = 5000) =>
    createTelegramSender({ telegram: new Telegram(api.token, { apiRoot: api.url }), token: api.token, timeoutMs }).send(
      chatId,
      reply('engine.hint'),
      'vi',
    );

  it('enforces no limit unless asked', async () => {
    for (let i = 0; i < 5; i++) expect(await send('501')).toMatchObject({ ok: true });
    expect(api.messagesTo(501)).toHaveLength(5);
  });

  it('answers 429 with retry_after to a send that breaks the per-chat limit, and keeps nothing of it', async () => {
    api.faults.enforceLimits(TELEGRAM_RATE_LIMITS);
    expect(await send('501')).toMatchObject({ ok: true });
    expect(await send('501')).toMatchObject({ ok: false, permanent: false, retryAfterMs: 1000 });
    expect(await send('502')).toMatchObject({ ok: true });
    expect(api.callsOf('sendMessage').map((c) => c.limited)).toEqual([undefined, 'chat', undefined]);
    expect(api.messagesTo(501)).toHaveLength(1);
    // Only sends are counted: reading the chat right after is not a flood.
    await expect(new Telegram(api.token, { apiRoot: api.url }).getChat(501)).resolves.toMatchObject({ id: 501 });
  });

  it('answers 403 "bot was blocked by the user" to a blocked chat until it is unblocked', async () => {
    api.faults.blockChat(601);
    expect(await send('601')).toEqual({
      ok: false,
      permanent: true,
      recipientRefused: true,
      error: 'telegram 403: Forbidden: bot was blocked by the user',
    });
    expect(await send('602')).toMatchObject({ ok: true });
    api.faults.unblockChat(601);
    expect(await send('601')).toMatchObject({ ok: true });
  });

  it("injects a 5xx and a timeout for one chat's next calls only", async () => {
    api.faults.injectForChat(701, { kind: 'status', status: 502, description: 'Bad Gateway' });
    api.faults.injectForChat(701, { kind: 'hang' });
    expect(await send('701')).toEqual({ ok: false, permanent: false, error: 'telegram 502: Bad Gateway' });
    expect(await send('702')).toMatchObject({ ok: true });
    expect(await send('701', 200)).toEqual({ ok: false, permanent: false, error: 'telegram timeout' });
    expect(await send('701')).toMatchObject({ ok: true });
    expect(api.callsOf('sendMessage').map((c) => [c.params.chat_id, c.fault ?? 'answered', c.status])).toEqual([
      ['701', 'status', 502],
      ['702', 'answered', undefined],
      ['701', 'hang', undefined],
      ['701', 'answered', undefined],
    ]);
  });
});
