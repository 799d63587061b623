import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { PNG_SIGNATURE, startsWith, ZIP_SIGNATURE } from '../flows/standings/fixtures.ts';
import { botEnv, BotProcess, lastLine, runCli } from './support/bot-process.ts';
import { withBotFixture, type TempDir } from './support/fixture.ts';
import { expectedText, TelegramUser } from './support/telegram-user.ts';

let api: FakeBotApi;
let dir: TempDir;
withBotFixture((a, d) => {
  api = a;
  dir = d;
});

/**
 * The demo's half year (thidua demo), then the bot as a process against the fake Bot API: the
 * secretariat registers the leaders' group, someone in it asks for the standings, progress and one
 * unit's detail; the secretariat exports the workbook privately. Wording is checked here, end to
 * end, on figures written by hand from the seed.
 */
describe('standings in the leaders’ group (the bot as a process)', { timeout: 120_000 }, () => {
  it('answers /bangxephang with the table and the chart, /tiendo, /chitiet, and /xuatexcel with the workbook', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token });
    const demo = await runCli(['demo'], env);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('/bangxephang 6/2023');
    const invite = await runCli(['invite', '--role', 'secretariat'], env);
    const code = /\?start=([A-Za-z0-9_-]{1,64})$/.exec(lastLine(invite.stdout))?.[1];
    expect(code, invite.stdout).toBeDefined();

    const bot = await BotProcess.start(env);
    const secretary = new TelegramUser(api, 501, 'Hoa');
    await secretary.say(`/start ${code}`, 2);
    const room = api.updates.group(-100777, 'Lãnh đạo khối thi đua');
    const [registered] = await new TelegramUser(api, 501, 'Hoa', { chat: room }).say('/nhom');
    expect(registered?.text).toBe(
      expectedText('group.registered', { bloc: 'Khối thi đua các huyện, thị xã, thành phố tỉnh Lào Cai' }),
    );

    // Someone in the group who never registered: the group is the leaders' room.
    const leader = new TelegramUser(api, 902, 'Lan', { chat: room });
    const [table, photo] = await leader.say(`/bangxephang@${api.username} 6/2023`, 2);
    expect(table?.method).toBe('sendMessage');
    const lines = table?.text?.split('\n') ?? [];
    expect(lines[0]).toBe('📊 Bảng xếp hạng tháng 6/2023 — Kết quả tạm tính');
    // No report for June: the missing penalty, −2; Si Ma Cai sent after the 16th: marked late.
    expect(lines.find((l) => l.includes('Huyện Mường Khương'))).toMatch(
      /^9\. Huyện Mường Khương: -2 điểm \(.+\) — không nộp$/,
    );
    expect(lines.find((l) => l.includes('Huyện Si Ma Cai'))).toMatch(/ — nộp muộn$/);
    expect(photo?.method).toBe('sendPhoto');
    expect(photo?.file?.filename).toBe('image.png');
    expect(startsWith(photo?.file?.data, PNG_SIGNATURE)).toBe(true);

    const [progress] = await leader.say('/tiendo 6/2023');
    expect(progress?.text?.split('\n').slice(0, 2)).toEqual([
      '📋 Tiến độ nộp báo cáo kỳ tháng 6/2023',
      'Đã nộp: 8/9 đơn vị (88,9%); đúng hạn: 7/9 đơn vị (77,8%).',
    ]);

    // Bảo Yên's crop output, 51,6 % of plan, scored linearly on 10 benchmark points.
    const [detail] = await leader.say('/chitiet bao yen 6/2023');
    expect(detail?.text).toContain(
      '2. Tổng sản lượng cây trồng: 51,6% → 5,16 điểm\n    đạt 51,6% KH × 10 điểm chuẩn = 5,16',
    );

    const [ready, document] = await secretary.say('/xuatexcel 6/2023', 2);
    expect(ready?.text?.startsWith('📎 Tệp Excel tháng 6/2023')).toBe(true);
    expect(document?.method).toBe('sendDocument');
    expect(document?.file?.filename).toBe('thidua-khoi-huyen-lao-cai-2023-06.xlsx');
    expect(startsWith(document?.file?.data, ZIP_SIGNATURE)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(document?.file?.data as unknown as ArrayBuffer);
    const standings = workbook.getWorksheet('Xếp hạng');
    const names = standings?.getColumn(2).values.slice(4);
    expect(names).toHaveLength(9);
    expect(names).toContain('Huyện Mường Khương');

    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });
});
