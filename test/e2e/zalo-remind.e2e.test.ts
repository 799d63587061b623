import { describe, expect, it } from 'vitest';
import { FAKE_ZALO_SECRET_PART, type FakeZaloApi } from '../fakes/fake-zalo-api.ts';
import { BotProcess, lastLine, runCli } from './support/bot-process.ts';
import { withZaloFixture, type TempDir } from './support/fixture.ts';
import { zaloBotEnv } from './support/zalo-script.ts';
import { ZaloUser } from './support/zalo-user.ts';

let api: FakeZaloApi;
let dir: TempDir;
withZaloFixture((world) => {
  ({ zalo: api, dir } = world);
});

async function zaloCode(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  const invite = await runCli(['invite', ...args], env);
  const code = /^\/start ([A-Z0-9]{8})$/.exec(lastLine(invite.stdout))?.[1];
  if (!code) throw new Error(`no code in: ${invite.stdout} ${invite.stderr}`);
  return code;
}

/**
 * Reminders on Zalo, the bot as a process (Zalo alone, long polling): the secretariat's /nhacnho
 * reaches a Zalo focal point as plain text that says to type /baocao (Zalo has no buttons); a focal
 * point Zalo refuses to write to is flagged unreachable and the secretariat is told, once; a
 * broadcast then reaches the one still reachable.
 */
describe('reminders on Zalo (the bot as a process)', { timeout: 90_000 }, () => {
  it('reach a focal point as text; a refused one is reported to the secretariat', async () => {
    const env = await zaloBotEnv(api, dir.path, 'polling');
    const codes = {
      desk: await zaloCode(env, '--role', 'secretariat'),
      smc: await zaloCode(env, '--role', 'focal', '--unit', 'si-ma-cai'),
      by: await zaloCode(env, '--role', 'focal', '--unit', 'bao-yen'),
    };
    const bot = await BotProcess.start(env);
    const desk = new ZaloUser(api, 'Hoa');
    const smc = new ZaloUser(api, 'Mai');
    const by = new ZaloUser(api, 'Tùng');
    await desk.say(codes.desk, 3);
    await smc.say(codes.smc, 3);
    await by.say(codes.by, 3);
    api.refusedChats.set(by.id, { code: 400, description: 'User has not interacted with the bot' });

    const [answer] = await desk.say('/nhacnho');
    expect(answer?.text).toContain('Đã nhắc 2 cán bộ đầu mối của 2 đơn vị: Huyện Bảo Yên, Huyện Si Ma Cai.');

    await api.waitForMessages(smc.id, 4, 20_000);
    const reminder = smc.messages().at(-1);
    expect(reminder?.text?.startsWith('🔔 Thư ký khối nhắc:')).toBe(true);
    expect(reminder?.text).toContain('Huyện Si Ma Cai');
    expect(reminder?.text?.endsWith('Gõ /baocao để báo cáo.')).toBe(true);

    await api.waitForMessages(desk.id, 5, 20_000);
    const notices = desk.messages().filter((m) => m.text?.startsWith('Bot không gửi được tin nhắn tới Tùng'));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toContain('(Huyện Bảo Yên) qua Zalo');
    expect(api.refused.map((r) => r.params.chat_id)).toEqual([by.id]);

    // A broadcast reaches the Zalo focal point; the refused one is left out from now on.
    const [preview] = await desk.say('/thongbao Họp giao ban khối ngày 05/12 lúc 8 giờ.');
    expect(preview?.text).toContain('👥 Người nhận: 1 cán bộ đầu mối của 1 đơn vị');
    const before = smc.messages().length;
    await desk.say('có');
    await api.waitForMessages(smc.id, before + 1, 20_000);
    expect(smc.messages().at(-1)?.text).toMatch(
      /^📢 Thông báo của Thư ký khối .*\n\nHọp giao ban khối ngày 05\/12 lúc 8 giờ\.$/s,
    );
    await api.waitUntil(
      () => desk.messages().some((m) => m.text === '✅ Đã gửi xong thông báo: cả 1 cán bộ đầu mối đều nhận được.'),
      20_000,
      'the broadcast summary',
    );
    expect(api.refused).toHaveLength(1);
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
    expect(bot.output).not.toContain(FAKE_ZALO_SECRET_PART);
  });
});
