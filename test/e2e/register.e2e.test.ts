import { describe, expect, it } from 'vitest';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { withBotFixture, type TempDir } from './support/fixture.ts';
import { botEnv, BotProcess, lastLine, runCli } from './support/bot-process.ts';
import { expectedText, TelegramUser } from './support/telegram-user.ts';

let api: FakeBotApi;
let dir: TempDir;
withBotFixture((a, d) => {
  api = a;
  dir = d;
});

describe('registering by deep link (the bot as a process, long polling)', { timeout: 60_000 }, () => {
  it('the CLI prints the deep link; /start <code> welcomes the focal point of Si Ma Cai, names escaped', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token });
    const invite = await runCli(['invite', '--role', 'focal', '--unit', 'si-ma-cai'], env);
    expect(invite.code, invite.stderr).toBe(0);
    const link = lastLine(invite.stdout);
    const code = new RegExp(`^https://t\\.me/${api.username}\\?start=([A-Za-z0-9_-]{1,64})$`).exec(link)?.[1];
    expect(code, link).toBeDefined();

    const bot = await BotProcess.start(env);
    const lan = new TelegramUser(api, 501, '<b>&', { lastName: 'Lò' });
    const replies = await lan.say(`/start ${code}`, 2);
    expect(replies.every((m) => m.parse_mode === 'HTML')).toBe(true);
    expect(replies[0]?.text).toContain('Si Ma Cai');
    expect(replies[0]?.text).toContain('&lt;b&gt;&amp; Lò');
    expect(replies[0]?.text).not.toContain('<b>');
    expect(replies[1]?.text).toBe(expectedText('register.next.focal'));

    expect(await bot.stop()).toEqual({ code: 0, signal: null });
    expect(bot.output).not.toContain(api.token.split(':')[1]);
  });

  it('without a token the CLI prints /start <code> as its last line', async () => {
    const invite = await runCli(['invite', '--role', 'focal', '--unit', 'si-ma-cai'], botEnv({ dataDir: dir.path }));
    expect(invite.code, invite.stderr).toBe(0);
    expect(lastLine(invite.stdout)).toMatch(/^\/start [A-Za-z0-9_-]{8,10}$/);
  });
});
