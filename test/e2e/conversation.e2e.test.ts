import { describe, expect, it } from 'vitest';
import { msg } from '../../src/app/messages.ts';
import { lookup } from '../../src/i18n/i18n.ts';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { withBotFixture, type TempDir } from './support/fixture.ts';
import { botEnv, BotProcess } from './support/bot-process.ts';
import { expectedText, TelegramUser } from './support/telegram-user.ts';

let api: FakeBotApi;
let dir: TempDir;
withBotFixture((a, d) => {
  api = a;
  dir = d;
});

const englishHelpIntro = (lookup('help.introStranger', 'en') ?? '').split('{commands}')[0] ?? '';

describe('conversations with the bot as a process (long polling)', { timeout: 60_000 }, () => {
  it('two updates from one person in one batch are handled in order, nothing lost', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token });
    const bot = await BotProcess.start(env);
    const lan = new TelegramUser(api, 501, 'Lan');
    api.pushUpdate(
      api.updates.command(lan.chat, lan.user, '/ngonngu'),
      api.updates.text(lan.chat, lan.user, 'English'),
    );
    const [asked, set] = await api.waitForMessages(lan.chatId, 2);
    expect(api.callsOf('getUpdates').some((c) => c.returned === 2)).toBe(true);
    expect(asked?.text).toBe(expectedText('language.ask'));
    expect(set?.text).toBe(expectedText('language.set', { language: msg('language.en') }, 'en'));
    const [help] = await lan.say('/trogiup');
    expect(englishHelpIntro.length).toBeGreaterThan(5);
    expect(help?.text?.startsWith(englishHelpIntro)).toBe(true);
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });

  it('a restart in the middle of a conversation resumes it (the button still works)', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token });
    const first = await BotProcess.start(env);
    const lan = new TelegramUser(api, 502, 'Hà');
    const [asked] = await lan.say('/ngonngu');
    expect(asked?.text).toBe(expectedText('language.ask'));
    expect(await first.stop()).toEqual({ code: 0, signal: null });

    const second = await BotProcess.start(env);
    const [set] = await lan.press('English');
    expect(set?.text).toBe(expectedText('language.set', { language: msg('language.en') }, 'en'));
    expect(api.callsOf('answerCallbackQuery')).toHaveLength(1);
    const [help] = await lan.say('/trogiup');
    expect(help?.text?.startsWith(englishHelpIntro)).toBe(true);
    expect(lan.messages()).toHaveLength(3);
    expect(await second.stop()).toEqual({ code: 0, signal: null });
  });

  it('in a group, /cmd@thisbot is answered and /cmd@otherbot is left alone', async () => {
    const bot = await BotProcess.start(botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token }));
    const group = api.updates.group(-4001, 'Lãnh đạo khối');
    const mai = new TelegramUser(api, 503, 'Mai', { chat: group });
    await mai.send('/trogiup@some_other_bot');
    const [help] = await mai.say(`/trogiup@${api.username}`);
    expect(help?.text?.length).toBeGreaterThan(0);
    expect(mai.messages()).toHaveLength(1);
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });
});
