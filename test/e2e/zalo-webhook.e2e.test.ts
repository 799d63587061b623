import { beforeAll, describe, expect, it } from 'vitest';
import type { Bloc } from '../../src/domain/bloc.ts';
import type { FigureValue } from '../../src/domain/figure.ts';
import { displayDateTime } from '../../src/flows/shared/format.ts';
import { unitName } from '../../src/flows/shared/labels.ts';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { FAKE_ZALO_SECRET_PART, type FakeZaloApi } from '../fakes/fake-zalo-api.ts';
import { SEED_ANSWERS } from '../flows/report/helpers.ts';
import { botEnv, BotProcess, freePort, lastLine, runCli } from './support/bot-process.ts';
import { auditTrail, databaseFile, processedIds, registrationsOf, submissions } from './support/database-reader.ts';
import { withZaloFixture, type TempDir } from './support/fixture.ts';
import {
  answerPlain,
  changeLine,
  exampleBloc,
  firstLine,
  inviteFocal,
  label,
  openingTexts,
  openPeriod,
  questionHead,
  receiptText,
  register,
  startReport,
  summaryHead,
} from './support/report-script.ts';
import { TelegramUser } from './support/telegram-user.ts';
import { expectNothingRefused, ZaloUser, zaloText } from './support/zalo-user.ts';

let telegram: FakeBotApi;
let zalo: FakeZaloApi;
let dir: TempDir;
let bloc: Bloc;
beforeAll(async () => {
  bloc = await exampleBloc();
});
withZaloFixture((world) => {
  ({ telegram, zalo, dir } = world);
});

const UNIT = 'si-ma-cai';
const HOOK = 'https://bot.example/zalo/hook-9f2c';
const SECRET = 'zalo-webhook-secret-2026';
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const scalar = (value: number): FigureValue => ({ type: 'scalar', value });

describe('Zalo by webhook and Telegram by long polling, in one process', { timeout: 120_000 }, () => {
  it('forged webhooks refused and nothing stored; a Telegram and a Zalo focal point of one unit: one report, the later a revision with its audit', async () => {
    const port = await freePort();
    const env = botEnv({
      dataDir: dir.path,
      apiRoot: telegram.url,
      token: telegram.token,
      zalo: { apiBase: zalo.url, token: zalo.token, webhook: { url: HOOK, secret: SECRET } },
      port,
      publicBaseUrl: 'https://bot.example',
      logLevel: 'debug',
    });
    // With both tokens the invite gives the Telegram link last, and how to register on Zalo before it.
    const invite = await runCli(['invite', '--role', 'focal', '--unit', UNIT], env);
    expect(invite.code, invite.stderr).toBe(0);
    const zaloCode = /\?start=([A-Z0-9]{8})$/.exec(lastLine(invite.stdout))?.[1] ?? '';
    expect(invite.stdout).toContain(
      zaloText('zalo.inviteHowTo', {
        bot: zalo.bot.account_name,
        code: `${zaloCode.slice(0, 4)}-${zaloCode.slice(4)}`,
      }),
    );
    const telegramCode = await inviteFocal(env, UNIT);

    // TLS ends in front of the bot: the fake posts to the bot's own port, at the URL's path.
    zalo.webhookOrigin = `http://127.0.0.1:${port}`;
    const bot = await BotProcess.start(env);
    expect(bot.logs().find((l) => l.msg === 'bot started')).toMatchObject({
      channels: { telegram: { mode: 'polling' }, zalo: { mode: 'webhook' } },
      port,
    });
    expect(zalo.callsOf('setWebhook').map((c) => c.params)).toEqual([{ url: HOOK, secret_token: SECRET }]);
    expect(zalo.callsOf('getUpdates')).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    // Forged: a wrong secret, then none. Refused before anything is read or stored.
    const minh = new ZaloUser(zalo, 'Lò Văn Minh');
    const registration = zalo.updates.text(minh.identity, zaloCode);
    expect((await zalo.deliver(registration, { secret: 'zalo-webhook-secret-2025' })).status).toBe(401);
    expect((await zalo.deliver(registration, { secret: null })).status).toBe(401);
    await settle(1000);
    expect(zalo.messagesTo(minh.id)).toEqual([]);
    expect(processedIds(databaseFile(dir.path), 'zalo')).toEqual([]);
    expect(registrationsOf(databaseFile(dir.path), 'zalo', minh.id)).toEqual([]);

    // The genuine delivery of the same message (wrapped, as the docs show it) registers Minh.
    const before = zalo.messagesTo(minh.id).length;
    expect((await zalo.deliver(registration, { shape: 'wrapped' })).status).toBe(200);
    const welcomed = await zalo.waitForMessages(minh.id, before + 3);
    expect(welcomed.map((m) => m.text)[0]).toBe(zaloText('zalo.automatedNotice'));
    expect(registrationsOf(databaseFile(dir.path), 'zalo', minh.id)).toEqual([{ role: 'focal', unit_id: UNIT }]);
    // Delivered again (Zalo may retry): answered 200, handled once.
    expect((await zalo.deliver(registration)).status).toBe(200);
    await settle(1000);
    expect(zalo.messagesTo(minh.id)).toHaveLength(3);

    // Lan reports on Telegram first.
    const lan = new TelegramUser(telegram, 801, 'Lan');
    await register(lan, telegramCode);
    const periodId = openPeriod(bloc);
    await startReport(lan, bloc, UNIT, periodId);
    await answerPlain(lan, bloc, SEED_ANSWERS, 1, { unitId: UNIT, periodId });
    await lan.press(label('report.choice.send'));
    const [first] = submissions(databaseFile(dir.path));
    expect(first).toMatchObject({ unit_id: UNIT, revision: 1 });

    // Minh, on Zalo, finds the unit's report sent: his is a revision of it.
    const opening = openingTexts(bloc, UNIT, periodId);
    const firstAt = new Date(first?.last_submitted_at ?? '');
    const again = await minh.say('/baocao', opening.length + 2);
    expect(again.map((m) => m.text).slice(0, -1)).toEqual([
      ...opening,
      zaloText('report.revising', { at: displayDateTime(firstAt, bloc.calendar.timezone) }),
    ]);
    expect(firstLine(again.at(-1)?.text)).toBe(questionHead(bloc, 1));
    const pasted = await minh.say('5: 1.250', 2);
    expect(firstLine(pasted[1]?.text)).toBe(summaryHead(bloc, UNIT, periodId, 11, true));
    const [receipt] = await minh.say('1');

    const rows = submissions(databaseFile(dir.path));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ revision: 2, first_submitted_at: first?.first_submitted_at, on_time: first?.on_time });
    const facts = {
      unitId: UNIT,
      periodId,
      at: new Date(row.last_submitted_at ?? ''),
      count: 11,
      onTime: row.on_time === 1,
    };
    const changes = [changeLine(bloc, 'viec-lam-moi', scalar(1100), scalar(1250))];
    expect(receipt?.text).toBe(receiptText(bloc, facts, { revision: 2, changes }));
    const trail = auditTrail(databaseFile(dir.path), UNIT, periodId);
    expect(new Set(trail.filter((e) => e.revision === 1).map((e) => `${e.actor_channel}:${e.actor_user_id}`))).toEqual(
      new Set(['telegram:801']),
    );
    expect(trail.filter((e) => e.revision === 2)).toEqual([
      expect.objectContaining({
        indicator_code: 'viec-lam-moi',
        old_raw: '1.100',
        new_raw: '1.250',
        actor_channel: 'zalo',
        actor_user_id: minh.id,
      }),
    ]);
    expect(receipt?.text).toContain(unitName(bloc, UNIT));

    expect(await bot.stop()).toEqual({ code: 0, signal: null });
    expectNothingRefused(zalo);
    for (const secret of [FAKE_ZALO_SECRET_PART, SECRET, telegram.token.split(':')[1] ?? ''])
      expect(bot.output).not.toContain(secret);
  });
});
