import { describe, expect, it } from 'vitest';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { withBotFixture, type TempDir } from './support/fixture.ts';
import { botEnv, BotProcess } from './support/bot-process.ts';
import { TelegramUser } from './support/telegram-user.ts';

let api: FakeBotApi;
let dir: TempDir;
withBotFixture((a, d) => {
  api = a;
  dir = d;
});

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sending survives faults and shutdowns (the bot as a process)', { timeout: 60_000 }, () => {
  it('429 (retry_after 1) then 500 on sendMessage: the reply still arrives, exactly once', async () => {
    const bot = await BotProcess.start(botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token }));
    api.inject('sendMessage', { kind: 'status', status: 429, retryAfter: 1 });
    api.inject('sendMessage', { kind: 'status', status: 500 });
    const lan = new TelegramUser(api, 501, 'Lan');
    await lan.say('/trogiup', 1, 20_000);
    await settle(2000);
    expect(lan.messages()).toHaveLength(1);
    const attempts = api.callsOf('sendMessage');
    expect(attempts.map((c) => c.fault)).toEqual(['status', 'status', undefined]);
    // The 429 said "retry after 1 s": the next attempt waited at least that long.
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });

  it('SIGTERM while a reply is on the wire: it is sent before the exit, exit 0', async () => {
    const bot = await BotProcess.start(botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token }));
    api.inject('sendMessage', { kind: 'delay', ms: 3000 });
    const lan = new TelegramUser(api, 501, 'Lan');
    await lan.send('/trogiup');
    await api.waitForCall('sendMessage');
    expect(lan.messages()).toHaveLength(0);
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
    expect(lan.messages()).toHaveLength(1);
  });

  it('SIGTERM while a reply waits for its retry: exit 0, sent once after the restart', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token });
    const first = await BotProcess.start(env);
    api.inject('sendMessage', { kind: 'status', status: 500 });
    const lan = new TelegramUser(api, 501, 'Lan');
    await lan.send('/trogiup');
    await api.waitForCall('sendMessage');
    expect(await first.stop()).toEqual({ code: 0, signal: null });
    expect(lan.messages()).toHaveLength(0);

    const second = await BotProcess.start(env);
    await api.waitForMessages(lan.chatId, 1);
    await settle(1500);
    expect(lan.messages()).toHaveLength(1);
    expect(await second.stop()).toEqual({ code: 0, signal: null });
  });
});
