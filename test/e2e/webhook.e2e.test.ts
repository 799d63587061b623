import { describe, expect, it } from 'vitest';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { withBotFixture, type TempDir } from './support/fixture.ts';
import { botEnv, BotProcess, freePort } from './support/bot-process.ts';
import { TelegramUser } from './support/telegram-user.ts';

let api: FakeBotApi;
let dir: TempDir;
withBotFixture((a, d) => {
  api = a;
  dir = d;
});

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('webhook mode (the bot as a process on PORT)', { timeout: 60_000 }, () => {
  it('refuses forged updates, handles a redelivered update once, serves /healthz', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/wh-7f3a`;
    const bot = await BotProcess.start(
      botEnv({
        dataDir: dir.path,
        apiRoot: api.url,
        token: api.token,
        webhook: { url, secret: 'S3cret_webhook-1' },
        port,
      }),
    );
    expect(api.webhook).toEqual({ url, secret: 'S3cret_webhook-1' });
    expect(api.callsOf('getUpdates')).toHaveLength(0);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const lan = new TelegramUser(api, 501, 'Lan');
    const update = api.updates.command(lan.chat, lan.user, '/trogiup');
    expect((await api.deliver(update, { secret: 'not-the-secret' })).status).toBe(403);
    expect((await api.deliver(update, { secret: null })).status).toBe(403);
    await settle(1500);
    expect(api.callsOf('sendMessage')).toHaveLength(0);

    // The forged copies were not recorded: the genuine delivery of the same update id is handled.
    expect((await api.deliver(update)).status).toBe(200);
    await api.waitForMessages(lan.chatId, 1);
    expect((await api.deliver(update)).status).toBe(200);
    await settle(2000);
    expect(lan.messages()).toHaveLength(1);

    // A conversation works through the webhook too (TelegramUser delivers the way the bot receives).
    const asked = await lan.say('/ngonngu');
    expect(asked[0]?.reply_markup?.inline_keyboard?.flat().map((b) => b.text)).toEqual(['Tiếng Việt', 'English']);
    await lan.press('English');
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });
});
