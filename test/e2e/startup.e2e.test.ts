import { describe, expect, it } from 'vitest';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { withBotFixture, type TempDir } from './support/fixture.ts';
import { botEnv, BotProcess, freePort } from './support/bot-process.ts';

let api: FakeBotApi;
let dir: TempDir;
withBotFixture((a, d) => {
  api = a;
  dir = d;
});

describe('starting and stopping the bot process', { timeout: 60_000 }, () => {
  it('a token the API refuses: exit 1, and the token is nowhere in the output', async () => {
    const token = '7000000001:AAWrongTokenWrongTokenWrongToken1234';
    const start = BotProcess.start(botEnv({ dataDir: dir.path, apiRoot: api.url, token }));
    await expect(start).rejects.toThrow(/exited \(\{"code":1,"signal":null\}\)/);
    const error = await start.catch((e: unknown) => String(e));
    expect(error).toContain('the Telegram Bot API refused the token');
    expect(error).toContain('Telegram từ chối token: TELEGRAM_BOT_TOKEN sai hoặc đã bị thu hồi.');
    expect(error).not.toContain('cannot reach');
    expect(error).not.toContain('AAWrongToken');
  });

  it('a Bot API that cannot be reached is told apart from a refused token: exit 1', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const start = BotProcess.start(botEnv({ dataDir: dir.path, apiRoot: closed, token: api.token }));
    await expect(start).rejects.toThrow(/exited \(\{"code":1,"signal":null\}\)/);
    const error = await start.catch((e: unknown) => String(e));
    expect(error).toContain('cannot reach the Telegram Bot API');
    expect(error).toContain('Không kết nối được máy chủ Telegram');
    expect(error).not.toContain('refused the token');
  });

  it('long polling with PORT set also serves /healthz; the log names the bot and the mode, not the token', async () => {
    const port = await freePort();
    const bot = await BotProcess.start(botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token, port }));
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/nothing-here`)).status).toBe(404);
    expect(bot.logs().find((l) => l.msg === 'bot started')).toMatchObject({
      channels: { telegram: { username: api.username, mode: 'polling' } },
      port,
    });
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
    expect(bot.output).not.toContain(api.token.split(':')[1]);
    // Stopped means stopped: the port is free again.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
