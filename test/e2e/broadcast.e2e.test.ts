import { describe, expect, it } from 'vitest';
import { msg } from '../../src/app/messages.ts';
import type { FakeBotApi, SentMessage } from '../fakes/fake-bot-api.ts';
import { botEnv, BotProcess, lastLine, runCli } from './support/bot-process.ts';
import { withBotFixture, type TempDir } from './support/fixture.ts';
import { inviteFocal, register, waitForMessage } from './support/report-script.ts';
import { buttonsOf, expectedText, TelegramUser } from './support/telegram-user.ts';

let api: FakeBotApi;
let dir: TempDir;
withBotFixture((a, d) => {
  api = a;
  dir = d;
});

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TEXT = 'Đề nghị các đơn vị nộp báo cáo tháng này trước ngày 16.';

/**
 * `/thongbao` end to end: the secretariat and three focal points register by invite; one of them
 * then blocks the bot. The broadcast is previewed, sent on «Gửi», its progress message edited while
 * two sends are slow, and summed up as 2 delivered, 1 failed naming the unit; the blocked focal
 * point is reported to the secretariat once; pressing «Gửi» again sends nothing.
 */
describe('/thongbao with a confirmation (the bot as a process)', { timeout: 90_000 }, () => {
  it('previews, sends once on «Gửi», edits its progress, and names the unit that blocked the bot', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token });
    const invite = await runCli(['invite', '--role', 'secretariat'], env);
    const deskCode = /\?start=([A-Za-z0-9_-]{1,64})$/.exec(lastLine(invite.stdout))?.[1];
    expect(deskCode, invite.stdout).toBeDefined();
    const codes = [
      await inviteFocal(env, 'bao-yen'),
      await inviteFocal(env, 'bac-ha'),
      await inviteFocal(env, 'si-ma-cai'),
    ];

    const bot = await BotProcess.start(env);
    const desk = new TelegramUser(api, 501, 'Thư ký');
    await desk.say(`/start ${deskCode}`, 2);
    const [hoa, binh, lan] = [
      new TelegramUser(api, 601, 'Hoa'),
      new TelegramUser(api, 602, 'Bình'),
      new TelegramUser(api, 603, 'Lan'),
    ];
    await register(hoa, codes[0] ?? '');
    await register(binh, codes[1] ?? '');
    await register(lan, codes[2] ?? '');
    api.faults.blockChat(hoa.chatId);
    // Two slow sends: the progress message is edited while they wait.
    api.faults.injectForChat(binh.chatId, { kind: 'delay', ms: 3500 });
    api.faults.injectForChat(lan.chatId, { kind: 'delay', ms: 6000 });

    const [preview] = await desk.say(`/thongbao ${TEXT}`);
    const arriving = expectedText('broadcast.message', { text: TEXT, from: 'Thư ký' });
    expect(preview?.text).toContain(arriving);
    expect(preview?.text).toContain('👥 Người nhận: 3 cán bộ đầu mối của 3 đơn vị (mọi đơn vị).');
    const send = buttonsOf(preview as SentMessage).find((b) => b.text === 'Gửi');
    expect(buttonsOf(preview as SentMessage).map((b) => b.text)).toEqual(['Gửi', 'Hủy']);

    const before = desk.messages().length;
    await desk.press('Gửi');
    const summary = await waitForMessage(desk, before, (m) => m.text?.startsWith('✅') === true, 30_000);
    expect(summary.text).toBe(
      expectedText('broadcast.doneSome', {
        delivered: 2,
        failed: 1,
        failures: [
          msg('broadcast.failedLine', { unit: 'Huyện Bảo Yên', name: 'Hoa', reason: msg('broadcast.reason.blocked') }),
        ],
      }),
    );
    const progress = desk.messages().find((m) => m.text?.startsWith('📤'));
    expect(progress?.edits, 'the progress message was edited, not sent anew').toBeGreaterThanOrEqual(1);
    expect(progress?.text).toBe(expectedText('broadcast.progress', { settled: 2, total: 3, percent: '66,7' }));
    expect(desk.messages().filter((m) => m.text?.startsWith('📤'))).toHaveLength(1);
    expect(binh.lastMessages(1)[0]?.text).toBe(arriving);
    expect(lan.lastMessages(1)[0]?.text).toBe(arriving);

    // A second press of the same button: stale, nothing sent again.
    await api.send(api.updates.callback(desk.chat, desk.user, send?.callback_data ?? '', preview?.message_id));
    await settle(2500);
    const broadcastTo = (user: TelegramUser) => user.messages().filter((m) => m.text === arriving);
    expect(broadcastTo(binh)).toHaveLength(1);
    expect(broadcastTo(lan)).toHaveLength(1);
    // One refused attempt: a blocked person is not tried again.
    const refused = api
      .callsOf('sendMessage')
      .filter((c) => String(c.params.chat_id) === hoa.chatId && c.status === 403);
    expect(refused).toHaveLength(1);
    const unreachable = desk.messages().filter((m) => m.text?.includes('không gửi được tin nhắn tới Hoa'));
    expect(unreachable).toHaveLength(1);
    expect(desk.messages().filter((m) => m.text?.startsWith('✅'))).toHaveLength(1);
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });
});
