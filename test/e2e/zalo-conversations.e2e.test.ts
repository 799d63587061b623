import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEXT_BOUNDS } from '../../src/app/use-cases/nominate.ts';
import type { Bloc } from '../../src/domain/bloc.ts';
import type { FigureValue } from '../../src/domain/figure.ts';
import { figureText, indicatorName, rangeText } from '../../src/flows/report/figure-text.ts';
import { displayDateTime, periodLabel } from '../../src/flows/shared/format.ts';
import { unitName } from '../../src/flows/shared/labels.ts';
import type { FakeZaloApi } from '../fakes/fake-zalo-api.ts';
import type { FakeZaloCdn } from '../fakes/fake-zalo-cdn.ts';
import { SEED_ANSWERS } from '../flows/report/helpers.ts';
import { BotProcess, freePort, type BotEnvOptions } from './support/bot-process.ts';
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
  readingLabel,
} from './support/report-script.ts';
import {
  expectReceivedBy,
  inviteOnZalo,
  registerByCode,
  stopCleanly,
  zaloBotEnv,
  type ZaloMode,
} from './support/zalo-script.ts';
import { numberedOptions, ZaloUser, zaloText } from './support/zalo-user.ts';

let api: FakeZaloApi;
let cdn: FakeZaloCdn;
let dir: TempDir;
let bloc: Bloc;
beforeAll(async () => {
  bloc = await exampleBloc();
});
withZaloFixture((world) => {
  ({ zalo: api, cdn, dir } = world);
});

const UNIT = 'si-ma-cai';
const scalar = (value: number): FigureValue => ({ type: 'scalar', value });
const zaloEnv = (mode: ZaloMode, extra: Partial<BotEnvOptions> = {}) => zaloBotEnv(api, dir.path, mode, extra);

/** Every conversation, by long polling and by webhook: the engine must not care how an update came. */
describe.each(['polling', 'webhook'] as const)(
  'conversations on Zalo by %s (the bot as a process)',
  (mode) => {
    it('a report: an ambiguous figure and an out-of-range one picked by number, a restart mid-report, the receipt; a revision pasted; /xem, /trangthai', async () => {
      const env = await zaloEnv(mode);
      const code = await inviteOnZalo(api, env, UNIT);
      const first = await BotProcess.start(env);
      const lan = new ZaloUser(api, 'Lan');
      await registerByCode(lan, code, bloc, UNIT);
      const periodId = openPeriod(bloc);
      await startReport(lan, bloc, UNIT, periodId);

      // "20.207 tỷ": 20 207 tỷ is outside the budget's range, 20,207 inside: asked, as a numbered list.
      const budget = indicator(bloc, 'thu-ngan-sach');
      const [ambiguous] = await lan.say('20.207 tỷ');
      expect(firstLine(ambiguous?.text)).toBe(
        firstLine(zaloText('report.ambiguous', { number: 1, name: indicatorName(budget, 'vi'), raw: '20.207 tỷ' })),
      );
      const decimal = readingLabel(bloc, budget.code, scalar(20.207), 'billion', '20');
      expect(numberedOptions(ambiguous?.text)).toEqual([
        readingLabel(bloc, budget.code, scalar(20207), 'thousandBillion', '20'),
        decimal,
        label('report.choice.retype'),
      ]);
      const [picked, second] = await lan.say('2', 2);
      expect(picked?.text).toContain(figureLabel(bloc, budget.code, scalar(20.207)));
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
      expectReceivedBy(api, mode);
      await stopCleanly(api, bot);
    });

    it('a nomination with a photo: downloaded at once and stored, so the nomination keeps it after Zalo’s URL expires; never served', async () => {
      const port = await freePort();
      const env = await zaloEnv(mode, { port, publicBaseUrl: 'https://bot.example/thidua' });
      const code = await inviteOnZalo(api, env, UNIT);
      const bot = await BotProcess.start(env);
      const lan = new ZaloUser(api, 'Lan');
      await registerByCode(lan, code, bloc, UNIT);

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
      expectReceivedBy(api, mode);
      await stopCleanly(api, bot);
    });
  },
  120_000,
);
