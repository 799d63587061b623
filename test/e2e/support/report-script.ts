import { expect } from 'vitest';
import { msg, type LocaleKey, type Message } from '../../../src/app/messages.ts';
import { loadBlocs } from '../../../src/config/bloc-loader.ts';
import { blocYear, type Bloc, type Indicator } from '../../../src/domain/bloc.ts';
import { periodYear } from '../../../src/domain/calendar/index.ts';
import type { FigureValue } from '../../../src/domain/figure.ts';
import type { MagnitudeScale } from '../../../src/domain/figures/index.ts';
import { figureText, indicatorName, unitWord } from '../../../src/flows/report/figure-text.ts';
import { unitName } from '../../../src/flows/shared/labels.ts';
import { displayDateTime, periodLabel } from '../../../src/flows/shared/format.ts';
import { renderLabel } from '../../../src/i18n/render.ts';
import type { SentMessage } from '../../fakes/fake-bot-api.ts';
import { EXAMPLE_BLOC, lastLine, runCli } from './bot-process.ts';
import { expectedText, type TelegramUser } from './telegram-user.ts';

/**
 * What a report by Telegram or Zalo should look like, computed from the example bloc, its calendar at
 * the real time of the run (the bot's clock is real) and the locale texts: never hard-coded dates.
 * The texts compared here hold no `&`, `<` or `>`, so Telegram's HTML escaping leaves them as Zalo's
 * plain text has them.
 */

/** A person in a chat, on Telegram (`TelegramUser`) or Zalo (`ZaloUser`). */
export interface ChatUser<M extends { text?: string } = { text?: string }> {
  say(text: string, count?: number): Promise<M[]>;
}

let loaded: Bloc | undefined;
export async function exampleBloc(): Promise<Bloc> {
  if (!loaded) {
    const { blocs, errors } = await loadBlocs(EXAMPLE_BLOC);
    if (errors.length > 0 || !blocs[0]) throw new Error(`the example bloc does not load: ${JSON.stringify(errors)}`);
    loaded = blocs[0];
  }
  return loaded;
}

/*
 * The bot as a process runs on the real clock, so the period it takes depends on today. These
 * helpers write the example calendar out by hand (deploy/bloc.example.yaml) instead of asking the
 * code under test: figures for a month open on its 10th, are due by the end of its 16th (no grace
 * days), and lock at the end of the 9th of the next month, in Vietnam time (UTC+7, no summer time).
 */
const pad = (n: number) => String(n).padStart(2, '0');

function vietnamDate(instant: Date): { year: number; month: number; day: number } {
  const local = new Date(instant.getTime() + 7 * 3_600_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** The period `/baocao` takes at `now`: this month's from its 10th, before that the previous month's. */
export function openPeriod(_bloc: Bloc, now = new Date()): string {
  const { year, month, day } = vietnamDate(now);
  if (day >= 10) return `${year}-${pad(month)}`;
  return month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
}

/** The texts `/baocao` sends before the first question: the fallback-year note (if any) and the intro. */
export function openingTexts(bloc: Bloc, unitId: string, periodId: string, now = new Date()): string[] {
  const [y = 0, m = 0] = periodId.split('-').map(Number);
  const next = m === 12 ? { year: y + 1, month: 1 } : { year: y, month: m + 1 };
  const state = onTimeAt(bloc, periodId, now)
    ? msg('report.state.onTime', { date: `16/${pad(m)}/${y}` })
    : msg('report.state.late', { date: `09/${pad(next.month)}/${next.year}` });
  const { year, fallback } = blocYear(bloc, periodYear(periodId));
  const texts = fallback ? [expectedText('report.fallbackYear', { year: periodYear(periodId), used: year.year })] : [];
  texts.push(
    expectedText('report.intro', {
      unit: unitName(bloc, unitId),
      period: periodLabel(periodId),
      total: bloc.indicators.length,
      state,
    }),
  );
  return texts;
}

export function indicatorAt(bloc: Bloc, number: number): Indicator {
  const indicator = bloc.indicators[number - 1];
  if (!indicator) throw new Error(`no indicator ${number}`);
  return indicator;
}

export function indicator(bloc: Bloc, code: string): Indicator {
  const found = bloc.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
}

/** The first line of the question for indicator `number`: "Chỉ tiêu 5/11: … (xã)". */
export function questionHead(bloc: Bloc, number: number): string {
  const i = indicatorAt(bloc, number);
  const text = expectedText('report.ask.question', {
    number,
    total: bloc.indicators.length,
    name: indicatorName(i, 'vi'),
    unit: unitWord(i.unit),
    details: [],
  });
  return firstLine(text);
}

export function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n', 1)[0] ?? '';
}

/** A figure as the bot writes it ("20,207 tỷ đồng"): also the label of a reading's button. */
export function figureLabel(bloc: Bloc, code: string, value: FigureValue): string {
  return renderLabel(figureText(value, indicator(bloc, code)), 'vi');
}

/** One reading of an ambiguous figure, as its button shows it: "20.207 tỷ đồng (≈ 20 nghìn tỷ)". */
export function readingLabel(
  bloc: Bloc,
  code: string,
  value: FigureValue,
  scale: MagnitudeScale,
  amount: string,
): string {
  const magnitude = msg(`figures.magnitude.${scale}`, { amount });
  return renderLabel(
    msg('report.readingMagnitude', { figure: figureText(value, indicator(bloc, code)), magnitude }),
    'vi',
  );
}

/** A button label that is a locale key ("Gửi báo cáo"). */
export function label(key: LocaleKey): string {
  return renderLabel({ key }, 'vi');
}

/** On time: sent in the period's own month, by the end of its 16th (the example calendar). */
export function onTimeAt(_bloc: Bloc, periodId: string, at: Date): boolean {
  const { year, month, day } = vietnamDate(at);
  return `${year}-${pad(month)}` === periodId && day <= 16;
}

/** What a receipt says: unit, period, when (read back from the database), how many, on time or not. */
export interface ReceiptFacts {
  unitId: string;
  periodId: string;
  at: Date;
  count: number;
  onTime: boolean;
}

/** The receipt as the bot writes it; with `extra`, the receipt of a revision and what changed. */
export function receiptText(bloc: Bloc, facts: ReceiptFacts, extra?: { revision: number; changes: Message[] }): string {
  const params = {
    unit: unitName(bloc, facts.unitId),
    period: periodLabel(facts.periodId),
    at: displayDateTime(facts.at, bloc.calendar.timezone),
    count: facts.count,
    timeliness: msg(facts.onTime ? 'report.timeliness.onTime' : 'report.timeliness.late'),
  };
  return extra
    ? expectedText('report.receiptRevision', { ...params, ...extra })
    : expectedText('report.receipt', params);
}

/** One line of a revision receipt: "5. Lao động …: 1.100 người → 1.250 người". */
export function changeLine(bloc: Bloc, code: string, before: FigureValue, after: FigureValue): Message {
  const i = indicator(bloc, code);
  return msg('report.change', {
    number: i.number,
    name: indicatorName(i, 'vi'),
    before: figureText(before, i),
    after: figureText(after, i),
  });
}

/** `thidua invite --role focal --unit <unit>` as the secretariat would run it: the deep-link code. */
export async function inviteFocal(env: NodeJS.ProcessEnv, unitId: string): Promise<string> {
  const invite = await runCli(['invite', '--role', 'focal', '--unit', unitId], env);
  expect(invite.code, invite.stderr).toBe(0);
  const code = /\?start=([A-Za-z0-9_-]{1,64})$/.exec(lastLine(invite.stdout))?.[1];
  if (!code) throw new Error(`no deep link in: ${invite.stdout}`);
  return code;
}

/** Opens the deep link (`/start <code>`): welcomed, then told what a focal point can do. */
export async function register(user: TelegramUser, code: string): Promise<void> {
  const replies = await user.say(`/start ${code}`, 2);
  expect(replies[1]?.text).toBe(expectedText('register.next.focal'));
}

/**
 * Waits for a message to the user's chat, after the first `since` ones, that `match` accepts: for
 * moments when another message (a receipt sent again after a crash) may arrive in between.
 */
export async function waitForMessage(
  user: TelegramUser,
  since: number,
  match: (m: SentMessage) => boolean,
  timeoutMs = 15_000,
): Promise<SentMessage> {
  const find = () => user.messages().slice(since).find(match);
  await user.api.waitUntil(() => find() !== undefined, timeoutMs, 'a matching message');
  return find() as SentMessage;
}

/** The first line of the summary before sending (of a revision, when the unit sent before). */
export function summaryHead(bloc: Bloc, unitId: string, periodId: string, count: number, revision = false): string {
  const key = revision ? 'report.summary.revision' : 'report.summary.title';
  return firstLine(
    expectedText(key, {
      period: periodLabel(periodId),
      unit: unitName(bloc, unitId),
      count,
      total: bloc.indicators.length,
      lines: [],
    }),
  );
}

/** `/baocao` for the only open period: the opening texts, then the first question. */
export async function startReport<M extends { text?: string }>(
  user: ChatUser<M>,
  bloc: Bloc,
  unitId: string,
  periodId: string,
): Promise<M[]> {
  const opening = openingTexts(bloc, unitId, periodId);
  const replies = await user.say('/baocao', opening.length + 1);
  expect(replies.slice(0, -1).map((m) => m.text)).toEqual(opening);
  expect(firstLine(replies.at(-1)?.text)).toBe(questionHead(bloc, 1));
  return replies;
}

/**
 * Answers indicators `from`, `from + 1`… with figures that need no question back: each gets its echo
 * and the next question (after the last indicator, the summary). Returns the last two messages.
 */
export async function answerPlain<M extends { text?: string }>(
  user: ChatUser<M>,
  bloc: Bloc,
  answers: readonly string[],
  from: number,
  summary?: { unitId: string; periodId: string },
): Promise<M[]> {
  let replies: M[] = [];
  for (const [i, answer] of answers.entries()) {
    const number = from + i;
    replies = await user.say(answer, 2);
    expect(replies[0]?.text?.startsWith(echoPrefix(bloc, number)), `echo of ${answer}`).toBe(true);
    const next =
      number < bloc.indicators.length
        ? questionHead(bloc, number + 1)
        : summary && summaryHead(bloc, summary.unitId, summary.periodId, bloc.indicators.length);
    if (next) expect(firstLine(replies[1]?.text), `after ${answer}`).toBe(next);
  }
  return replies;
}

/** What the echo of indicator `number` begins with: "✓ 3. Giá trị sản xuất công nghiệp: ". */
export function echoPrefix(bloc: Bloc, number: number): string {
  return `✓ ${number}. ${bloc.indicators[number - 1]?.name.vi ?? '?'}: `;
}
