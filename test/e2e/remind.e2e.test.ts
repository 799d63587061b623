import { describe, expect, it } from 'vitest';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { botEnv, BotProcess, lastLine, runCli } from './support/bot-process.ts';
import { withBotFixture, type TempDir } from './support/fixture.ts';
import { buttonsOf, TelegramUser } from './support/telegram-user.ts';

let api: FakeBotApi;
let dir: TempDir;
withBotFixture((a, d) => {
  api = a;
  dir = d;
});

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  for (const end = Date.now() + timeoutMs; !condition() && Date.now() < end;) await settle(100);
}

async function inviteCode(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  const invite = await runCli(['invite', ...args], env);
  const code = /\?start=([A-Za-z0-9_-]{1,64})$/.exec(lastLine(invite.stdout))?.[1];
  if (!code) throw new Error(`no invite code in: ${invite.stdout} ${invite.stderr}`);
  return code;
}

/**
 * The bot as a process, on today's calendar (the example bloc always has one period open): the
 * secretariat types /nhacnho; Si Ma Cai's focal point gets the reminder with a "report now" button
 * that starts the report; Bảo Yên's has blocked the bot, so the send is refused and the secretariat
 * is told once which unit the bot cannot reach.
 */
describe('/nhacnho end to end (the bot as a process)', { timeout: 90_000 }, () => {
  it('reminds the focal points, the button starts /baocao, and a blocked one is reported to the desk', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token });
    const codes = {
      desk: await inviteCode(env, '--role', 'secretariat'),
      smc: await inviteCode(env, '--role', 'focal', '--unit', 'si-ma-cai'),
      by: await inviteCode(env, '--role', 'focal', '--unit', 'bao-yen'),
    };
    const bot = await BotProcess.start(env);
    const desk = new TelegramUser(api, 501, 'Hoa');
    const smc = new TelegramUser(api, 601, 'Mai');
    const by = new TelegramUser(api, 602, 'Tùng');
    await desk.say(`/start ${codes.desk}`, 2);
    await smc.say(`/start ${codes.smc}`, 2);
    await by.say(`/start ${codes.by}`, 2);
    api.faults.blockChat(by.chatId);

    const [answer] = await desk.say('/nhacnho');
    expect(answer?.text).toContain('Đã nhắc 2 cán bộ đầu mối của 2 đơn vị: Huyện Bảo Yên, Huyện Si Ma Cai.');
    expect(answer?.text).toContain('7 đơn vị chưa có cán bộ đầu mối nhận được tin');

    await api.waitForMessages(smc.chatId, 3, 20_000);
    const reminder = smc.messages().find((m) => m.text?.startsWith('🔔 Thư ký khối nhắc:'));
    // Today's period may be before its due date or late: either way, the unit is named.
    expect(reminder?.text).toContain('Huyện Si Ma Cai');
    expect(reminder?.text).toContain('Bấm nút dưới đây hoặc gõ /baocao để báo cáo.');
    const [button] = reminder ? buttonsOf(reminder) : [];
    expect(button?.text).toBe('📝 Báo cáo ngay');
    expect(button?.callback_data).toMatch(/^cmd:baocao:\d{4}-\d{2}$/);

    const started = await smc.press('📝 Báo cáo ngay', 2);
    expect(started.some((m) => m.text?.startsWith('Báo cáo số liệu tháng') && m.text.includes('Huyện Si Ma Cai'))).toBe(
      true,
    );

    // The refusal flags Bảo Yên's focal point and tells the desk, once.
    const notices = () =>
      desk.messages().filter((m) => m.text?.startsWith('Bot không gửi được tin nhắn tới Tùng (Huyện Bảo Yên)'));
    await until(() => notices().length > 0, 15_000);
    expect(notices()).toHaveLength(1);
    expect(by.messages().filter((m) => m.text?.includes('Thư ký khối nhắc'))).toHaveLength(0);

    const [again] = await desk.say('/nhacnho');
    // Within the hour both count as reminded, the refused one included: the desk was told of it.
    expect(again?.text).toContain(
      'Bỏ qua 2 đơn vị vừa được nhắc trong vòng 1 giờ qua: Huyện Bảo Yên, Huyện Si Ma Cai.',
    );
    await settle(500);
    expect(notices()).toHaveLength(1);
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });
});
