import { beforeAll, describe, expect, it } from 'vitest';
import type { Bloc } from '../../src/domain/bloc.ts';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { SEED_ANSWERS } from '../flows/report/helpers.ts';
import { botEnv, BotProcess, lastLine, runCli } from './support/bot-process.ts';
import { databaseFile, submissions } from './support/database-reader.ts';
import { withBotFixture, type TempDir } from './support/fixture.ts';
import {
  answerPlain,
  exampleBloc,
  inviteFocal,
  label,
  openPeriod,
  questionHead,
  register,
  waitForMessage,
  firstLine,
} from './support/report-script.ts';
import { TelegramUser } from './support/telegram-user.ts';

let api: FakeBotApi;
let dir: TempDir;
let bloc: Bloc;
beforeAll(async () => {
  bloc = await exampleBloc();
});
withBotFixture((a, d) => {
  api = a;
  dir = d;
});

const pad = (n: number) => String(n).padStart(2, '0');
/** Today in Vietnam (UTC+7), by hand. */
function today(): { year: number; month: number; day: number } {
  const local = new Date(Date.now() + 7 * 3_600_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}
/** `YYYY-MM` → `M/YYYY`, as the secretariat types a period. */
const typed = (periodId: string) => `${Number(periodId.slice(5))}/${periodId.slice(0, 4)}`;
function monthsBack(periodId: string, n: number): string {
  const [y = 0, m = 0] = periodId.split('-').map(Number);
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/**
 * The secretariat's calendar commands with the bot as a process, on today's calendar (the example
 * bloc: open on the 10th, due the 16th, locks the 9th of the next month). The period two months back
 * is always locked: /moky reopens it for Si Ma Cai, whose late report is then accepted (marked late).
 * The period open now is extended to a day after its due day (and not before today), and /trangthai
 * shows the new due date.
 */
describe('/moky and /giahan end to end (the bot as a process)', { timeout: 120_000 }, () => {
  it('a reopened period takes a late report; an extension is seen in /trangthai', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token });
    const invite = await runCli(['invite', '--role', 'secretariat'], env);
    const deskCode = /\?start=([A-Za-z0-9_-]{1,64})$/.exec(lastLine(invite.stdout))?.[1];
    const smcCode = await inviteFocal(env, 'si-ma-cai');
    const bot = await BotProcess.start(env);
    const desk = new TelegramUser(api, 501, 'Hoa');
    const smc = new TelegramUser(api, 601, 'Mai');
    await desk.say(`/start ${deskCode}`, 2);
    await register(smc, smcCode);

    const current = openPeriod(bloc);
    const locked = monthsBack(current, 2);
    const now = today();
    const until = `${pad(now.day)}/${pad(now.month)}/${now.year}`;
    const [reopened] = await desk.say(`/moky si ma cai ${typed(locked)} ${until} bổ sung số liệu thu ngân sách`, 1);
    expect(firstLine(reopened?.text)).toBe(
      `Đã mở lại kỳ tháng ${typed(locked)} cho Huyện Si Ma Cai đến hết ngày ${until}.`,
    );
    await waitForMessage(smc, 2, (m) => m.text?.includes(`tháng ${typed(locked)}`) === true);

    const before = smc.messages().length;
    await smc.send(`/baocao ${typed(locked)}`);
    await waitForMessage(smc, before, (m) => firstLine(m.text) === questionHead(bloc, 1));
    await answerPlain(smc, bloc, SEED_ANSWERS, 1);
    await smc.press(label('report.choice.send'));
    const stored = submissions(databaseFile(dir.path)).find((s) => s.period_id === locked);
    expect(stored).toMatchObject({ unit_id: 'si-ma-cai', status: 'submitted', on_time: 0 });

    // A new due day after the due day in force (the 16th) and not before today.
    const [y = 0, m = 0] = current.split('-').map(Number);
    const dueDay = new Date(Date.UTC(y, m - 1, 16));
    const todayUtc = new Date(Date.UTC(now.year, now.month - 1, now.day));
    const next = new Date(Math.max(dueDay.getTime() + 86_400_000, todayUtc.getTime()));
    const newDue = `${pad(next.getUTCDate())}/${pad(next.getUTCMonth() + 1)}/${next.getUTCFullYear()}`;
    const [extended] = await desk.say(`/giahan ${typed(current)} ${newDue} nhiều xã mất điện, chưa tổng hợp kịp`, 1);
    expect(firstLine(extended?.text)).toBe(
      `Đã gia hạn kỳ tháng ${typed(current)}: hạn nộp mới hết ngày ${newDue} (trước là 16/${pad(m)}/${y}).`,
    );
    const [status] = await smc.say('/trangthai', 1);
    expect(status?.text).toContain(newDue);
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });
});
