import { beforeAll, describe, expect, it } from 'vitest';
import type { Bloc } from '../../src/domain/bloc.ts';
import { displayDateTime } from '../../src/flows/shared/format.ts';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { withBotFixture, type TempDir } from './support/fixture.ts';
import { SEED_ANSWERS } from '../flows/report/helpers.ts';
import { botEnv, BotProcess } from './support/bot-process.ts';
import {
  auditTrail,
  databaseFile,
  leasedUnsent,
  processedCount,
  submissions,
  valuesOf,
  type SubmissionRow,
} from './support/database-reader.ts';
import {
  answerPlain,
  echoPrefix,
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
  waitForMessage,
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

const UNIT = 'si-ma-cai';

describe('a report survives restarts and crashes (the bot as a process, long polling)', { timeout: 120_000 }, () => {
  it('SIGTERM after three indicators: started again on the same database, the fourth answer leads to indicator 5', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token });
    const code = await inviteFocal(env, UNIT);
    const first = await BotProcess.start(env);
    const lan = new TelegramUser(api, 701, 'Lan');
    await register(lan, code);
    const periodId = openPeriod(bloc);
    await startReport(lan, bloc, UNIT, periodId);
    const third = await answerPlain(lan, bloc, SEED_ANSWERS.slice(0, 3), 1);
    expect(firstLine(third[1]?.text)).toBe(questionHead(bloc, 4));
    expect(await first.stop()).toEqual({ code: 0, signal: null });

    const second = await BotProcess.start(env);
    const [echo, next] = await lan.say(SEED_ANSWERS[3], 2);
    expect(echo?.text?.startsWith(echoPrefix(bloc, 4))).toBe(true);
    expect(bloc.indicators).toHaveLength(11);
    expect(firstLine(next?.text)).toBe(questionHead(bloc, 5));

    // The three figures typed before the restart were kept: they are sent with the rest.
    await answerPlain(lan, bloc, SEED_ANSWERS.slice(4), 5, { unitId: UNIT, periodId });
    await lan.press(label('report.choice.send'));
    const values = valuesOf(databaseFile(dir.path), UNIT, periodId);
    expect(bloc.indicators.map((i) => values.get(i.code)?.raw)).toEqual([...SEED_ANSWERS]);
    expect(await second.stop()).toEqual({ code: 0, signal: null });
  });

  /** A focal point registered by deep link, with a whole report typed up to the summary. */
  async function reportToSummary(env: NodeJS.ProcessEnv, userId: number) {
    const code = await inviteFocal(env, UNIT);
    const bot = await BotProcess.start(env);
    const lan = new TelegramUser(api, userId, 'Hà');
    await register(lan, code);
    const periodId = openPeriod(bloc);
    await startReport(lan, bloc, UNIT, periodId);
    await answerPlain(lan, bloc, SEED_ANSWERS, 1, { unitId: UNIT, periodId });
    return { bot, lan, periodId };
  }

  /** Presses "Gửi báo cáo" on the summary: the update is returned, to be delivered again later. */
  function pressSend(lan: TelegramUser) {
    const summary = lan.messages().at(-1)!;
    const send = buttonsOf(summary).find((b) => b.text === label('report.choice.send'));
    const press = api.updates.callback(lan.chat, lan.user, send?.callback_data ?? '', summary.message_id);
    api.pushUpdate(press);
    return press;
  }

  /** Sends a command and waits until the bot committed it (debug log), whether or not replies went out. */
  async function handled(bot: BotProcess, user: TelegramUser, text: string): Promise<void> {
    const update = api.updates.command(user.chat, user.user, text);
    api.pushUpdate(update);
    await bot.waitForLog(
      (l) => l.msg === 'update handled' && l.updateId === String(update.update_id) && l.result === 'handled',
    );
  }

  /** The report is stored once: revision 1, one audit entry per figure, the update recorded once. */
  function storedOnce(periodId: string, pressId: number): SubmissionRow {
    const rows = submissions(databaseFile(dir.path));
    expect(rows.map((r) => [r.unit_id, r.period_id, r.status, r.revision])).toEqual([[UNIT, periodId, 'submitted', 1]]);
    expect(auditTrail(databaseFile(dir.path), UNIT, periodId).map((e) => e.revision)).toEqual(
      Array<number>(11).fill(1),
    );
    expect(valuesOf(databaseFile(dir.path), UNIT, periodId).size).toBe(11);
    expect(processedCount(databaseFile(dir.path), pressId)).toBe(1);
    return rows[0]!;
  }

  /** Someone else is answered at once: the bot serves while one chat waits. */
  async function othersServed(): Promise<void> {
    const stranger = new TelegramUser(api, 799, 'Mai');
    const [howTo] = await stranger.say('/start');
    expect(howTo?.text).toBe(expectedText('register.howToGetCode'));
  }

  /**
   * What the chat got since "send" besides receipts of revision 1 (at most twice: sends are at least
   * once), after `/baocao` was handled. A receipt the dead process had claimed is taken over at
   * start (only one process can poll a token), so nothing waits out its lease: /baocao is answered
   * at once, after the repeated receipt (outbox order per chat).
   */
  async function chatAfterRestart(lan: TelegramUser, row: SubmissionRow, since: number): Promise<void> {
    const at = new Date(row.last_submitted_at ?? '');
    const receipt = receiptText(bloc, {
      unitId: UNIT,
      periodId: row.period_id,
      at,
      count: 11,
      onTime: row.on_time === 1,
    });
    const expected = [
      ...openingTexts(bloc, UNIT, row.period_id),
      expectedText('report.revising', { at: displayDateTime(at, bloc.calendar.timezone) }),
    ];
    await waitForMessage(lan, since, (m) => firstLine(m.text) === questionHead(bloc, 1));
    const texts = lan
      .messages()
      .slice(since)
      .map((m) => m.text);
    const others = texts.filter((t) => t !== receipt);
    expect(texts.length - others.length).toBeGreaterThanOrEqual(1);
    expect(texts.length - others.length).toBeLessThanOrEqual(2);
    expect(others.slice(0, -1)).toEqual(expected);
    expect(firstLine(others.at(-1))).toBe(questionHead(bloc, 1));
  }

  it('kill -9 right after "send", then the same update delivered again: one submission, service goes on', async () => {
    // Debug logs say how each update ended ("update handled", result handled/duplicate).
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token, logLevel: 'debug' });
    const { bot: first, lan, periodId } = await reportToSummary(env, 702);

    // Press "Gửi báo cáo" by hand, to keep the update and deliver it again later.
    const since = lan.messages().length;
    const press = pressSend(lan);
    // The bot has the update in hand (it answers the button at once): crash now, receipt or not.
    await api.waitForCall('answerCallbackQuery', (c) => c.params.callback_query_id === press.callback_query.id);
    expect(await first.kill()).toEqual({ code: null, signal: 'SIGKILL' });

    const second = await BotProcess.start(env);
    // Telegram resends an update whose batch was not confirmed: the same update_id again.
    api.pushUpdate(press);
    await second.waitForLog(
      (l) => l.msg === 'update handled' && l.updateId === String(press.update_id) && l.result === 'duplicate',
    );

    await handled(second, lan, '/baocao');
    const row = storedOnce(periodId, press.update_id);
    await chatAfterRestart(lan, row, since);
    await othersServed();
    expect(await second.stop()).toEqual({ code: 0, signal: null });
  });

  it('kill -9 while the receipt is on the wire: Telegram has it, the chat keeps its order, others are served, stored once', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token, logLevel: 'debug' });
    const { bot: first, lan, periodId } = await reportToSummary(env, 703);
    const since = lan.messages().length;
    // The receipt reaches "Telegram", whose answer comes too late: the process dies before it can
    // mark the row sent (the crash between send and mark of design.md, "Outbound").
    api.inject('sendMessage', { kind: 'delay', ms: 1500 });
    const press = pressSend(lan);
    await api.waitForCall('sendMessage', (c) => c.fault === 'delay');
    expect(await first.kill()).toEqual({ code: null, signal: 'SIGKILL' });
    await api.waitForMessages(lan.chatId, since + 1);
    // Still claimed by the dead process: the next run takes it over and sends it again (at least once).
    expect(leasedUnsent(databaseFile(dir.path), lan.chatId)).toBe(1);

    const second = await BotProcess.start(env);
    await handled(second, lan, '/baocao');
    const row = storedOnce(periodId, press.update_id);
    await chatAfterRestart(lan, row, since);
    await othersServed();
    expect(await second.stop()).toEqual({ code: 0, signal: null });
  });
});
