import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_TOKEN } from '../fakes/fake-bot-api.ts';
import { botEnv, BotProcess, freePort, killAllBots, tempDir } from './support/bot-process.ts';
import { expectedText } from './support/telegram-user.ts';

/**
 * The same bot process against a third-party emulator, telegram-test-api 4.2.1 (reference/
 * telegram-stack.md): a fresh server per test, polling only (it never sends a webhook secret),
 * commands via makeCommand (makeMessage has no bot_command entity), and it answers 500 to
 * setMyCommands, which the bot must shrug off.
 */
let server: TelegramServer;
let dir: ReturnType<typeof tempDir>;
beforeEach(async () => {
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
  dir = tempDir();
});
afterEach(async () => {
  await killAllBots();
  await server.stop();
  dir.remove();
});

/** What the bot sent to a chat, read from the emulator's history (its client poller is unreliable). */
function botTexts(chatId: number): string[] {
  return server.storage.botMessages
    .filter((m) => Number(m.message.chat_id) === chatId)
    .map((m) => String(m.message.text));
}

async function waitForTexts(chatId: number, n: number, timeoutMs = 15_000): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  while (botTexts(chatId).length < n) {
    if (Date.now() > until) throw new Error(`timed out: ${JSON.stringify(botTexts(chatId))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return botTexts(chatId);
}

describe('the bot against telegram-test-api', { timeout: 60_000 }, () => {
  it('/start without a code explains how to get one; /trogiup answers', async () => {
    const bot = await BotProcess.start(botEnv({ dataDir: dir.path, apiRoot: server.config.apiURL, token: FAKE_TOKEN }));
    const client = server.getClient(FAKE_TOKEN, { userId: 601, chatId: 601, firstName: 'Mai', type: 'private' });
    await client.sendCommand(client.makeCommand('/start'));
    const [howTo] = await waitForTexts(601, 1);
    expect(howTo).toBe(expectedText('register.howToGetCode'));
    await client.sendCommand(client.makeCommand('/trogiup'));
    const texts = await waitForTexts(601, 2);
    expect(texts[1]).toContain('/trogiup');
    // setMyCommands answered 500 and the bot kept going; it said so in its log.
    expect(bot.logs().some((l) => l.msg === 'could not register the command menu (ignored)')).toBe(true);
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });
});
