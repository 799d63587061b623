import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEXT_BOUNDS } from '../../src/app/use-cases/nominate.ts';
import type { Bloc } from '../../src/domain/bloc.ts';
import type { FigureValue } from '../../src/domain/figure.ts';
import { figureText, indicatorName, rangeText } from '../../src/flows/report/figure-text.ts';
import { displayDateTime, periodLabel } from '../../src/flows/shared/format.ts';
import { unitName } from '../../src/flows/shared/labels.ts';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { FAKE_ZALO_SECRET_PART, type FakeZaloApi } from '../fakes/fake-zalo-api.ts';
import type { FakeZaloCdn } from '../fakes/fake-zalo-cdn.ts';
import { SEED_ANSWERS } from '../flows/report/helpers.ts';
import { botEnv, BotProcess, freePort, lastLine, runCli, type BotEnvOptions } from './support/bot-process.ts';
import { auditTrail, databaseFile, nominations, submissions, valuesOf } from './support/database-reader.ts';
import { withZaloFixture, type TempDir } from './support/fixture.ts';
import {
  answerPlain,
  changeLine,
  exampleBloc,
  figureLabel,
  firstLine,
  indicator,
  label,
  openingTexts,
  openPeriod,
  questionHead,
  receiptText,
  startReport,
  summaryHead,
} from './support/report-script.ts';
import { expectedText, TelegramUser } from './support/telegram-user.ts';
import { expectNothingRefused, numberedOptions, ZaloUser, zaloText } from './support/zalo-user.ts';

let api: FakeZaloApi;
let telegram: FakeBotApi;
let cdn: FakeZaloCdn;
let dir: TempDir;
let bloc: Bloc;
beforeAll(async () => {
  bloc = await exampleBloc();
});
withZaloFixture((world) => {
  api = world.zalo;
  telegram = world.telegram;
  cdn = world.cdn;
  dir = world.dir;
});

const UNIT = 'si-ma-cai';
const scalar = (value: number): FigureValue => ({ type: 'scalar', value });
/** A Zalo-only bot (no Telegram token), polling, its debug logs on so every line can be checked. */
const zaloEnv = (extra: Partial<BotEnvOptions> = {}) =>
  botEnv({ dataDir: dir.path, zalo: { apiBase: api.url, token: api.token }, logLevel: 'debug', ...extra });

/** `thidua invite` with only a Zalo token: the code, how to register on Zalo, then `/start <code>`. */
async function inviteOnZalo(env: NodeJS.ProcessEnv, unitId = UNIT): Promise<string> {
  const invite = await runCli(['invite', '--role', 'focal', '--unit', unitId], env);
  expect(invite.code, invite.stderr).toBe(0);
  const code = /^\/start ([A-Z0-9]{8})$/.exec(lastLine(invite.stdout))?.[1] ?? '';
  const shown = `${code.slice(0, 4)}-${code.slice(4)}`;
  expect(invite.stdout).toContain(zaloText('zalo.inviteHowTo', { bot: api.bot.account_name, code: shown }));
  return code;
}

/** Registers by the code typed alone (no deep links on Zalo): the notice, the welcome, what next. */
async function registerByCode(user: ZaloUser, code: string): Promise<void> {
  const replies = await user.say(code, 3);
  expect(replies[0]?.text).toBe(zaloText('zalo.automatedNotice'));
  expect(replies[1]?.text).toContain(unitName(bloc, UNIT));
  expect(replies[2]?.text).toBe(zaloText('register.next.focal'));
}

/** What every Zalo test ends with: nothing Zalo would refuse, no token or secret in any output. */
async function stopCleanly(bot: BotProcess): Promise<void> {
  expect(await bot.stop()).toEqual({ code: 0, signal: null });
  expectNothingRefused(api);
  expect(bot.output).not.toContain(FAKE_ZALO_SECRET_PART);
}

describe('Zalo, long polling (the bot as a process against the fake Zalo Bot API)', { timeout: 120_000 }, () => {
  it('a token Zalo refuses: exit 1, naming ZALO_BOT_TOKEN, the token nowhere in the output', async () => {
    const token = '1459232241454765289:WrongSecret_k3Lm9';
    const start = BotProcess.start(botEnv({ dataDir: dir.path, zalo: { apiBase: api.url, token } }));
    const error = await start.then(
      () => 'started',
      (e: unknown) => String(e),
    );
    expect(error).toMatch(/exited \(\{"code":1,"signal":null\}\)/);
    expect(error).toContain(zaloText('zalo.badToken', { description: '401 Unauthorized' }));
    expect(error).toContain('ZALO_BOT_TOKEN');
    expect(error).not.toContain('WrongSecret_k3Lm9');
  });

  it('Zalo refusing the token mid-run stops Zalo alone while Telegram goes on; with Zalo alone the bot exits 1', async () => {
    const both = await BotProcess.start(zaloEnv({ apiRoot: telegram.url, token: telegram.token }));
    const authLost = zaloText('zalo.authLost', { description: '401 Unauthorized' });
    api.inject('getUpdates', { kind: 'error', code: 401 });
    await both.waitForLog((l) => l.msg === 'Zalo refuses ZALO_BOT_TOKEN: the Zalo channel stops');
    expect(both.stderr).toContain(authLost);
    const polls = api.callsOf('getUpdates').length;
    const [help] = await new TelegramUser(telegram, 901, 'Lan').say('/trogiup');
    expect(help?.text?.split('\n')[0]).toBe(expectedText('help.introStranger', { commands: [] }).split('\n')[0]);
    expect(api.callsOf('getUpdates')).toHaveLength(polls);
    expect(await both.stop()).toEqual({ code: 0, signal: null });

    const alone = await BotProcess.start(zaloEnv());
    api.inject('getUpdates', { kind: 'error', code: 401 });
    expect(await alone.exited).toEqual({ code: 1, signal: null });
    expect(alone.stderr).toContain(authLost);
    expect(alone.output).not.toContain(FAKE_ZALO_SECRET_PART);
  });

  it('registering by a typed code; /toilaai gives the Zalo id for ADMIN_ZALO_IDS; stickers and groups answered', async () => {
    const admin = new ZaloUser(api, 'Quản trị');
    const env = zaloEnv({ adminZaloIds: [admin.id] });
    const codes = [await inviteOnZalo(env), await inviteOnZalo(env)];
    // Left from a webhook deployment: with it set, getUpdates would go silent.
    api.webhook = { url: 'https://old.example/zalo', secret: 'old-secret-123', updated_at: 1 };
    const bot = await BotProcess.start(env);
    expect(bot.logs().find((l) => l.msg === 'bot started')).toMatchObject({
      channels: { zalo: { mode: 'polling', bot: api.bot.account_name } },
    });
    // So it was deleted before the first poll, and the log says so.
    expect(api.webhook).toBeUndefined();
    await api.waitForCalls('getUpdates', 1);
    const deleted = api.calls.findIndex((c) => c.method === 'deleteWebhook');
    expect(deleted).toBeGreaterThanOrEqual(0);
    expect(deleted).toBeLessThan(api.calls.findIndex((c) => c.method === 'getUpdates'));
    expect(bot.logs().some((l) => l.webhook === 'https://old.example/zalo')).toBe(true);

    const lan = new ZaloUser(api, 'Nguyễn Thị Lan');
    const [notice, welcome, next] = await lan.say(
      `đăng ký ${codes[0]!.slice(0, 4).toLowerCase()}-${codes[0]!.slice(4)}`,
      3,
    );
    expect(notice?.text).toBe(zaloText('zalo.automatedNotice'));
    expect(welcome?.text).toContain('Nguyễn Thị Lan');
    expect(welcome?.text).toContain(unitName(bloc, UNIT));
    expect(next?.text).toBe(zaloText('register.next.focal'));
    await registerByCode(new ZaloUser(api, 'Lò Văn Minh'), codes[1]!);

    // The ids are Zalo's own strings, shown as ADMIN_ZALO_IDS needs them; the admin is recognised.
    const [whoLan] = await lan.say('/toilaai');
    expect(whoLan?.text).toContain(`Mã tài khoản: ${lan.id}`);
    expect(whoLan?.text).toContain('Kênh: zalo');
    const [whoAdmin] = await admin.say('toi la ai');
    expect(whoAdmin?.text).toContain(`Mã tài khoản: ${admin.id}`);
    expect(whoAdmin?.text).toContain(zaloText('whoami.admin'));
    const [nhom] = await admin.say('/nhom');
    expect(nhom?.text).toBe(zaloText('zalo.groupOnTelegram'));

    const [sticker] = await lan.expect(1, () => lan.deliver(api.updates.sticker(lan.identity)));
    expect(sticker?.text).toBe(zaloText('zalo.unsupported'));
    const group = api.updates.groupId();
    const [pointer] = await lan.expect(
      1,
      () => lan.deliver(api.updates.groupText(lan.identity, group, '@Bot Thi đua /baocao')),
      15_000,
      group,
    );
    expect(pointer?.text).toBe(zaloText('zalo.groupUsePrivate'));
    // An event without a message (withheld content) is taken and ignored; the bot goes on.
    api.enqueue(api.updates.unsupported(lan.identity, false));
    const [help] = await lan.say('/trogiup');
    expect(firstLine(help?.text)).toBe(firstLine(zaloText('help.intro', { commands: [] })));
    await stopCleanly(bot);
  });

  it('a report: an ambiguous figure and an out-of-range one picked by number, a restart mid-report, the receipt; a revision pasted; /xem, /trangthai', async () => {
    const env = zaloEnv();
    const code = await inviteOnZalo(env);
    const first = await BotProcess.start(env);
    const lan = new ZaloUser(api, 'Lan');
    await registerByCode(lan, code);
    const periodId = openPeriod(bloc);
    await startReport(lan, bloc, UNIT, periodId);

    // "20.207 tỷ": 20 207 tỷ is outside the budget's range, 20,207 inside: asked, as a numbered list.
    const budget = indicator(bloc, 'thu-ngan-sach');
    const [ambiguous] = await lan.say('20.207 tỷ');
    expect(firstLine(ambiguous?.text)).toBe(
      firstLine(zaloText('report.ambiguous', { number: 1, name: indicatorName(budget, 'vi'), raw: '20.207 tỷ' })),
    );
    const decimal = figureLabel(bloc, budget.code, scalar(20.207));
    expect(numberedOptions(ambiguous?.text)).toEqual([
      figureLabel(bloc, budget.code, scalar(20207)),
      decimal,
      label('report.choice.retype'),
    ]);
    const [picked, second] = await lan.say('2', 2);
    expect(picked?.text).toContain(decimal);
    expect(firstLine(second?.text)).toBe(questionHead(bloc, 2));
    await answerPlain(lan, bloc, SEED_ANSWERS.slice(1, 3), 2);

    // Stopped after three figures and started again on the same database: the fourth answer goes on.
    expect(await first.stop()).toEqual({ code: 0, signal: null });
    const bot = await BotProcess.start(env);
    await answerPlain(lan, bloc, SEED_ANSWERS.slice(3, 8), 4);

    const criteria = indicator(bloc, 'tieu-chi-ntm');
    const [outOfRange] = await lan.say('25');
    const figure = figureText(scalar(25), criteria);
    expect(
      outOfRange?.text?.startsWith(
        zaloText('report.outOfRange', {
          number: 9,
          name: indicatorName(criteria, 'vi'),
          figure,
          range: rangeText(criteria),
        }),
      ),
    ).toBe(true);
    expect(numberedOptions(outOfRange?.text)).toEqual([
      label('report.choice.keepOutOfRange'),
      label('report.choice.retype'),
    ]);
    const [kept, tenth] = await lan.say('1', 2);
    expect(kept?.text).toContain(figureLabel(bloc, criteria.code, scalar(25)));
    expect(firstLine(tenth?.text)).toBe(questionHead(bloc, 10));
    const [, summary] = await answerPlain(lan, bloc, SEED_ANSWERS.slice(9), 10, { unitId: UNIT, periodId });
    expect(numberedOptions(summary?.text)).toEqual(
      (['report.choice.send', 'report.choice.change', 'report.choice.cancel'] as const).map((k) => label(k)),
    );
    const [receipt] = await lan.say('1');
    const [row] = submissions(databaseFile(dir.path));
    expect(row).toMatchObject({ unit_id: UNIT, period_id: periodId, status: 'submitted', revision: 1 });
    const facts = {
      unitId: UNIT,
      periodId,
      at: new Date(row?.last_submitted_at ?? ''),
      count: 11,
      onTime: row?.on_time === 1,
    };
    expect(receipt?.text).toBe(receiptText(bloc, facts));
    const typed = ['20.207 tỷ', ...SEED_ANSWERS.slice(1, 8), '25', ...SEED_ANSWERS.slice(9)];
    const values = valuesOf(databaseFile(dir.path), UNIT, periodId);
    expect(bloc.indicators.map((i) => values.get(i.code)?.raw)).toEqual(typed);
    expect(values.get('thu-ngan-sach')?.value).toBe(20.207);
    expect(values.get('tieu-chi-ntm')).toMatchObject({ value: 25, confirmed_out_of_range: 1 });

    // A revision: two figures pasted at once, the rest kept as sent.
    const opening = openingTexts(bloc, UNIT, periodId);
    const again = await lan.say('/baocao', opening.length + 2);
    expect(again.at(-2)?.text).toBe(
      zaloText('report.revising', { at: displayDateTime(facts.at, bloc.calendar.timezone) }),
    );
    const pasted = await lan.say('5: 1.250\n10: 1600', 2);
    expect(firstLine(pasted[1]?.text)).toBe(summaryHead(bloc, UNIT, periodId, 11, true));
    const [revised] = await lan.say('gửi');
    const [after] = submissions(databaseFile(dir.path));
    expect(after).toMatchObject({ revision: 2, first_submitted_at: row?.first_submitted_at, on_time: row?.on_time });
    const changes = [
      changeLine(bloc, 'viec-lam-moi', scalar(1100), scalar(1250)),
      changeLine(bloc, 'khen-thuong-tap-the', scalar(1502), scalar(1600)),
    ];
    const revisedAt = new Date(after?.last_submitted_at ?? '');
    expect(revised?.text).toBe(receiptText(bloc, { ...facts, at: revisedAt }, { revision: 2, changes }));
    expect(auditTrail(databaseFile(dir.path), UNIT, periodId).filter((e) => e.revision === 2)).toEqual([
      expect.objectContaining({
        indicator_code: 'viec-lam-moi',
        old_raw: '1.100',
        new_raw: '1.250',
        actor_channel: 'zalo',
        actor_user_id: lan.id,
      }),
      expect.objectContaining({
        indicator_code: 'khen-thuong-tap-the',
        old_raw: '1502',
        new_raw: '1600',
        actor_channel: 'zalo',
        actor_user_id: lan.id,
      }),
    ]);

    const [view] = await lan.say('/xem');
    expect(firstLine(view?.text)).toBe(
      firstLine(
        zaloText('view.figures', { unit: unitName(bloc, UNIT), period: periodLabel(periodId), state: '', lines: [] }),
      ),
    );
    expect(view?.text).toContain(figureLabel(bloc, 'viec-lam-moi', scalar(1250)));
    const [status] = await lan.say('/trangthai');
    expect(firstLine(status?.text)).toBe(
      firstLine(zaloText('status.unit', { unit: unitName(bloc, UNIT), periods: [], next: '' })),
    );
    await stopCleanly(bot);
  });

  it('a nomination with a photo: downloaded at once and stored, so the nomination keeps it after Zalo’s URL expires; never served', async () => {
    const port = await freePort();
    const env = zaloEnv({ port, publicBaseUrl: 'https://bot.example/thidua' });
    const code = await inviteOnZalo(env);
    const bot = await BotProcess.start(env);
    const lan = new ZaloUser(api, 'Lan');
    await registerByCode(lan, code);

    const [intro, askKind] = await lan.say('/dexuat', 2);
    expect(intro?.text).toContain(unitName(bloc, UNIT));
    expect(numberedOptions(askKind?.text)).toEqual([
      label('nominate.kind.collective'),
      label('nominate.kind.individual'),
    ]);
    const [askName] = await lan.say('1');
    expect(askName?.text).toBe(zaloText('nominate.ask.nameCollective', { max: TEXT_BOUNDS.name.max }));
    const [askMovement] = await lan.say('Phòng Nội vụ huyện');
    expect(numberedOptions(askMovement?.text)).toEqual(bloc.movements.map((m) => m.name));
    const reform = bloc.movements.find((m) => m.id === 'cai-cach-hanh-chinh')!;
    await lan.say(String(reform.number));
    const [askPhoto] = await lan.say('Đưa 100% thủ tục hành chính của huyện lên dịch vụ công trực tuyến.');
    expect(numberedOptions(askPhoto?.text)).toEqual([label('nominate.photo.skipLabel')]);

    // A URL that expired before the bot could fetch it: asked again, nothing stored.
    const stale = cdn.host(new Uint8Array([1, 2, 3]));
    cdn.expire(stale);
    const [again] = await lan.photo(stale);
    expect(again?.text).toBe(zaloText('zalo.photoNotKept'));

    const jpeg = new Uint8Array(Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'));
    const url = cdn.host(jpeg);
    const [summary] = await lan.photo(url);
    expect(summary?.text).toContain(zaloText('nominate.photo.attached'));
    expect(cdn.downloadsOf(url)).toBe(1);
    cdn.expire(url);
    const [sent] = await lan.say('gửi');
    const [row] = nominations(databaseFile(dir.path));
    expect(row).toMatchObject({
      unit_id: UNIT,
      kind: 'collective',
      name: 'Phòng Nội vụ huyện',
      movement_id: reform.id,
    });
    expect(sent?.text).toBe(
      zaloText('nominate.sent', {
        number: row!.id,
        name: 'Phòng Nội vụ huyện',
        movement: `${reform.number}. ${reform.name}`,
        year: row!.year,
      }),
    );
    const fileId = /^file:([A-Za-z0-9_-]{24})$/.exec(row?.photo_ref ?? '')?.[1];
    expect(fileId, row?.photo_ref ?? '').toBeDefined();
    const db = new Database(databaseFile(dir.path), { readonly: true });
    const stored = db.prepare('SELECT kind, content_type, bytes, expires_at FROM files WHERE id = ?').get(fileId) as
      { kind: string; content_type: string; bytes: Buffer; expires_at: string | null } | undefined;
    const count = (db.prepare('SELECT COUNT(*) AS n FROM files').get() as { n: number }).n;
    db.close();
    expect(stored).toMatchObject({ kind: 'photo', content_type: 'image/jpeg', expires_at: null });
    expect([...(stored?.bytes ?? [])]).toEqual([...jpeg]);
    expect(count).toBe(1);
    // A photo of a person is personal data: the bot's file route never serves it.
    expect((await fetch(`http://127.0.0.1:${port}/files/${fileId}`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/thidua/files/${fileId}`)).status).toBe(404);
    await stopCleanly(bot);
  });
});
