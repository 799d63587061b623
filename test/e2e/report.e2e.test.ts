import { beforeAll, describe, expect, it } from 'vitest';
import { msg } from '../../src/app/messages.ts';
import type { Bloc } from '../../src/domain/bloc.ts';
import type { FigureValue } from '../../src/domain/figure.ts';
import { figureText, indicatorName, rangeText } from '../../src/flows/report/figure-text.ts';
import { displayDateTime } from '../../src/flows/shared/format.ts';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { withBotFixture, type TempDir } from './support/fixture.ts';
import { SEED_ANSWERS, SEED_VALUES } from '../flows/report/helpers.ts';
import { botEnv, BotProcess } from './support/bot-process.ts';
import { auditTrail, databaseFile, submissions, valuesOf, type ValueRow } from './support/database-reader.ts';
import {
  answerPlain,
  changeLine,
  echoPrefix,
  exampleBloc,
  figureLabel,
  firstLine,
  indicator,
  inviteFocal,
  label,
  onTimeAt,
  openingTexts,
  openPeriod,
  questionHead,
  readingLabel,
  receiptText,
  register,
  startReport,
  summaryHead,
} from './support/report-script.ts';
import { buttonsOf, expectedText, TelegramUser } from './support/telegram-user.ts';

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

const scalar = (value: number): FigureValue => ({ type: 'scalar', value });

/** A stored figure as the domain reads it. */
function figureOf(row: ValueRow | undefined): FigureValue | undefined {
  if (!row) return undefined;
  return row.numerator !== null && row.denominator !== null
    ? { type: 'ratio', numerator: row.numerator, denominator: row.denominator }
    : scalar(row.value ?? Number.NaN);
}

/** Bắc Hà's figures: the seed's forms again (decimal comma, dot thousands, a/b, %), other numbers. */
const BAC_HA_ANSWERS = [
  '30,5 tỷ',
  '48%',
  '1.250 tỷ',
  '105%',
  '800',
  '16/16',
  '99,5%',
  '9/15',
  '15,2',
  '120',
  '1.340',
] as const;
const BAC_HA_VALUES: Record<string, FigureValue> = {
  'thu-ngan-sach': scalar(30.5),
  'san-luong-cay-trong': scalar(48),
  'gia-tri-cong-nghiep': scalar(1250),
  'gia-tri-cong-nghiep-cung-ky': scalar(105),
  'viec-lam-moi': scalar(800),
  'pho-cap-giao-duc': { type: 'ratio', numerator: 16, denominator: 16 },
  'huy-dong-hoc-sinh': scalar(99.5),
  'xa-nong-thon-moi': { type: 'ratio', numerator: 9, denominator: 15 },
  'tieu-chi-ntm': scalar(15.2),
  'khen-thuong-tap-the': scalar(120),
  'khen-thuong-ca-nhan': scalar(1340),
};

describe('/baocao by Telegram (the bot as a process, long polling)', { timeout: 120_000 }, () => {
  it('a full report: an ambiguous figure read as the button chosen, an out-of-range one confirmed, the receipt, stored once', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token });
    const code = await inviteFocal(env, 'si-ma-cai');
    const bot = await BotProcess.start(env);
    const lan = new TelegramUser(api, 501, 'Lan');
    await register(lan, code);
    const periodId = openPeriod(bloc);
    await startReport(lan, bloc, 'si-ma-cai', periodId);

    // "20.207 tỷ" for budget revenue: 20 207 tỷ is outside its range (0–5 000), 20,207 inside: asked.
    const budget = indicator(bloc, 'thu-ngan-sach');
    const [ambiguous] = await lan.say('20.207 tỷ');
    expect(ambiguous?.text).toBe(
      expectedText('report.ambiguous', { number: 1, name: indicatorName(budget, 'vi'), raw: '20.207 tỷ' }),
    );
    const decimal = readingLabel(bloc, budget.code, scalar(20.207), 'billion', '20');
    expect(buttonsOf(ambiguous!).map((b) => b.text)).toEqual([
      readingLabel(bloc, budget.code, scalar(20207), 'thousandBillion', '20'),
      decimal,
      label('report.choice.retype'),
    ]);
    const picked = await lan.press(decimal, 2);
    expect(picked[0]?.text).toContain(figureLabel(bloc, budget.code, scalar(20.207)));
    expect(firstLine(picked[1]?.text)).toBe(questionHead(bloc, 2));

    await answerPlain(lan, bloc, SEED_ANSWERS.slice(1, 8), 2);

    // 25 criteria per commune is outside 0–19: kept only when confirmed.
    const criteria = indicator(bloc, 'tieu-chi-ntm');
    const [outOfRange] = await lan.say('25');
    const figure = figureText(scalar(25), criteria);
    expect(outOfRange?.text).toBe(
      expectedText('report.outOfRange', {
        number: 9,
        name: indicatorName(criteria, 'vi'),
        figure,
        range: rangeText(criteria),
      }),
    );
    expect(buttonsOf(outOfRange!).map((b) => b.text)).toEqual([
      label('report.choice.keepOutOfRange'),
      label('report.choice.retype'),
    ]);
    const confirmed = await lan.press(label('report.choice.keepOutOfRange'), 2);
    expect(confirmed[0]?.text).toBe(
      expectedText('report.echo', {
        number: 9,
        name: 'Số tiêu chí nông thôn mới bình quân mỗi xã',
        figure: msg('report.detail.confirmed', { figure }),
      }),
    );
    expect(firstLine(confirmed[1]?.text)).toBe(questionHead(bloc, 10));

    const [, summary] = await answerPlain(lan, bloc, SEED_ANSWERS.slice(9), 10, { unitId: 'si-ma-cai', periodId });
    expect(buttonsOf(summary!).map((b) => b.text)).toEqual(
      (['report.choice.send', 'report.choice.change', 'report.choice.cancel'] as const).map((k) => label(k)),
    );
    expect(submissions(databaseFile(dir.path))).toEqual([]);

    const [receipt] = await lan.press(label('report.choice.send'));
    const rows = submissions(databaseFile(dir.path));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      bloc_id: bloc.id,
      period_id: periodId,
      unit_id: 'si-ma-cai',
      status: 'submitted',
      revision: 1,
    });
    const at = new Date(row.last_submitted_at ?? '');
    expect(row.on_time).toBe(onTimeAt(bloc, periodId, at) ? 1 : 0);
    expect(receipt?.text).toBe(
      receiptText(bloc, { unitId: 'si-ma-cai', periodId, at, count: 11, onTime: row.on_time === 1 }),
    );

    const values = valuesOf(databaseFile(dir.path), 'si-ma-cai', periodId);
    const typed = ['20.207 tỷ', ...SEED_ANSWERS.slice(1, 8), '25', ...SEED_ANSWERS.slice(9)];
    expect(bloc.indicators.map((i) => values.get(i.code)?.raw)).toEqual(typed);
    expect(Object.fromEntries(bloc.indicators.map((i) => [i.code, figureOf(values.get(i.code))]))).toEqual({
      ...SEED_VALUES,
      'thu-ngan-sach': scalar(20.207),
      'tieu-chi-ntm': scalar(25),
    });
    // Confirmed out of range is a flag on the value; no note was typed, so none is stored.
    expect(values.get('tieu-chi-ntm')).toMatchObject({ confirmed_out_of_range: 1 });
    expect([...values.values()].filter((v) => v.note !== null)).toHaveLength(0);

    // The conversation is over: a figure now is text outside any conversation.
    const [hint] = await lan.say('45');
    expect(hint?.text).toBe(expectedText('engine.hintFocal'));
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });

  it('a revision before the lock: one figure changed, the receipt lists old → new, the audit has the entry; a confirmed figure kept', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token });
    const code = await inviteFocal(env, 'si-ma-cai');
    const bot = await BotProcess.start(env);
    const lan = new TelegramUser(api, 502, 'Hà');
    await register(lan, code);
    const periodId = openPeriod(bloc);
    await startReport(lan, bloc, 'si-ma-cai', periodId);
    // The first report has a figure confirmed outside its range: kept as sent, it is no change.
    await answerPlain(lan, bloc, SEED_ANSWERS.slice(0, 8), 1);
    await lan.say('25');
    await lan.press(label('report.choice.keepOutOfRange'), 2);
    await answerPlain(lan, bloc, SEED_ANSWERS.slice(9), 10, { unitId: 'si-ma-cai', periodId });
    await lan.press(label('report.choice.send'));
    const [first] = submissions(databaseFile(dir.path));
    expect(first?.revision).toBe(1);

    const opening = openingTexts(bloc, 'si-ma-cai', periodId);
    const again = await lan.say('/baocao', opening.length + 2);
    expect(again.map((m) => m.text).slice(0, -1)).toEqual([
      ...opening,
      expectedText('report.revising', {
        at: displayDateTime(new Date(first?.last_submitted_at ?? ''), bloc.calendar.timezone),
      }),
    ]);
    expect(firstLine(again.at(-1)?.text)).toBe(questionHead(bloc, 1));

    // Only indicator 5 changes: pasted as "number: figure", the rest are kept as sent.
    const pasted = await lan.say('5: 1.250', 2);
    expect(firstLine(pasted[1]?.text)).toBe(summaryHead(bloc, 'si-ma-cai', periodId, 11, true));
    const [receipt] = await lan.press(label('report.choice.send'));

    const rows = submissions(databaseFile(dir.path));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ revision: 2, first_submitted_at: first?.first_submitted_at, on_time: first?.on_time });
    const facts = {
      unitId: 'si-ma-cai',
      periodId,
      at: new Date(row.last_submitted_at ?? ''),
      count: 11,
      onTime: row.on_time === 1,
    };
    const changes = [changeLine(bloc, 'viec-lam-moi', scalar(1100), scalar(1250))];
    expect(receipt?.text).toBe(receiptText(bloc, facts, { revision: 2, changes }));

    const trail = auditTrail(databaseFile(dir.path), 'si-ma-cai', periodId);
    expect(trail.filter((e) => e.revision === 1)).toHaveLength(11);
    expect(trail.filter((e) => e.revision === 2)).toEqual([
      expect.objectContaining({
        indicator_code: 'viec-lam-moi',
        old_raw: '1.100',
        old_value: 1100,
        new_raw: '1.250',
        new_value: 1250,
        actor_channel: 'telegram',
        actor_user_id: '502',
      }),
    ]);
    const values = valuesOf(databaseFile(dir.path), 'si-ma-cai', periodId);
    expect(values.get('viec-lam-moi')).toMatchObject({ raw: '1.250', value: 1250 });
    expect(values.get('tieu-chi-ntm')).toMatchObject({ raw: '25', value: 25, confirmed_out_of_range: 1 });
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });

  it('two focal points of different units report at the same moment, answers interleaved: both stored as typed', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token });
    const codes = { simacai: await inviteFocal(env, 'si-ma-cai'), bacha: await inviteFocal(env, 'bac-ha') };
    const bot = await BotProcess.start(env);
    const lan = new TelegramUser(api, 503, 'Lan');
    const minh = new TelegramUser(api, 504, 'Minh');
    await Promise.all([register(lan, codes.simacai), register(minh, codes.bacha)]);
    const periodId = openPeriod(bloc);

    // Each pair of messages is queued in the same tick: one getUpdates batch, handled concurrently.
    await Promise.all([startReport(lan, bloc, 'si-ma-cai', periodId), startReport(minh, bloc, 'bac-ha', periodId)]);
    for (const [i, answer] of SEED_ANSWERS.entries()) {
      const [a, b] = await Promise.all([lan.say(answer, 2), minh.say(BAC_HA_ANSWERS[i] ?? '', 2)]);
      for (const replies of [a, b]) expect(replies[0]?.text?.startsWith(echoPrefix(bloc, i + 1))).toBe(true);
      if (i + 2 <= bloc.indicators.length) {
        expect(firstLine(a[1]?.text)).toBe(questionHead(bloc, i + 2));
        expect(firstLine(b[1]?.text)).toBe(questionHead(bloc, i + 2));
      }
    }
    expect(firstLine(lan.messages().at(-1)?.text)).toBe(summaryHead(bloc, 'si-ma-cai', periodId, 11));
    expect(firstLine(minh.messages().at(-1)?.text)).toBe(summaryHead(bloc, 'bac-ha', periodId, 11));
    expect(api.callsOf('getUpdates').some((c) => (c.returned ?? 0) >= 2)).toBe(true);

    const [[receiptA], [receiptB]] = await Promise.all([
      lan.press(label('report.choice.send')),
      minh.press(label('report.choice.send')),
    ]);
    const rows = submissions(databaseFile(dir.path));
    expect(rows.map((r) => [r.unit_id, r.period_id, r.revision, r.status])).toEqual([
      ['bac-ha', periodId, 1, 'submitted'],
      ['si-ma-cai', periodId, 1, 'submitted'],
    ]);
    const receiptOf = (unitId: string) => {
      const row = rows.find((r) => r.unit_id === unitId)!;
      return receiptText(bloc, {
        unitId,
        periodId,
        at: new Date(row.last_submitted_at ?? ''),
        count: 11,
        onTime: row.on_time === 1,
      });
    };
    expect(receiptA?.text).toBe(receiptOf('si-ma-cai'));
    expect(receiptB?.text).toBe(receiptOf('bac-ha'));

    for (const [unitId, answers, expected] of [
      ['si-ma-cai', SEED_ANSWERS, SEED_VALUES],
      ['bac-ha', BAC_HA_ANSWERS, BAC_HA_VALUES],
    ] as const) {
      const values = valuesOf(databaseFile(dir.path), unitId, periodId);
      expect(
        bloc.indicators.map((i) => values.get(i.code)?.raw),
        unitId,
      ).toEqual([...answers]);
      expect(Object.fromEntries(bloc.indicators.map((i) => [i.code, figureOf(values.get(i.code))])), unitId).toEqual(
        expected,
      );
      const trail = auditTrail(databaseFile(dir.path), unitId, periodId);
      expect(new Set(trail.map((e) => e.actor_user_id)), unitId).toEqual(
        new Set([unitId === 'si-ma-cai' ? '503' : '504']),
      );
    }
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });
});
