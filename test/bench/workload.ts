import type { Chat, Update, User } from 'telegraf/types';
import { blocYear, planOf, type Bloc, type Indicator, type IndicatorKind } from '../../src/domain/bloc.ts';
import type { TelegramFixtures } from '../fakes/telegram-fixtures.ts';

/**
 * 10:00 on 12 June 2023 in Lào Cai (UTC+7): the example bloc's June period is open and on time, so
 * every focal point has exactly one period to report and `/baocao` goes straight to indicator 1.
 * The updates carry this date (the engine's "now") and the runtime's clock says the same.
 */
export const BENCH_NOW = new Date('2023-06-12T03:00:00Z');
const BENCH_DATE = Math.floor(BENCH_NOW.getTime() / 1000);

/** One focal point writing to the bot in a private chat. */
export interface FocalPoint {
  unitId: string;
  user: User;
  chat: Chat.PrivateChat;
}

/** `perUnit` focal points for each unit of the bloc, with Telegram ids from `firstId` on. */
export function focalPoints(bloc: Bloc, perUnit: number, firstId: number): FocalPoint[] {
  const units = blocYear(bloc, BENCH_NOW.getUTCFullYear()).year.units;
  const out: FocalPoint[] = [];
  for (let i = 0; i < perUnit; i++) {
    for (const unit of units) {
      const id = firstId + out.length;
      const user: User = { id, is_bot: false, first_name: `Đầu mối ${id}`, language_code: 'vi' };
      out.push({ unitId: unit.id, user, chat: { id, type: 'private', first_name: user.first_name } });
    }
  }
  return out;
}

/** A figure as focal points type it, in the form each kind expects (the seed's forms). */
const ANSWER_BY_KIND: Record<IndicatorKind, string> = {
  amount: '45,2 tỷ',
  percent_of_plan: '51,6%',
  yoy_percent: '91%',
  count: '1.100',
  ratio: '10/13',
  percent: '99,7%',
  number: '10,61',
};

/** A ratio's total is the unit's plan (its communes): any other total would be asked back. */
export function answerFor(indicator: Indicator, plan?: number): string {
  if (indicator.kind === 'ratio' && plan !== undefined) return `${Math.min(10, plan)}/${plan}`;
  return ANSWER_BY_KIND[indicator.kind];
}

/** One message to send: who, what, and for an answer, the indicator it answers (0-based). */
export interface Planned {
  person: FocalPoint;
  text: string;
  indicatorIndex?: number;
}

/**
 * Report answers spread over the chats: everyone answers indicator 1, then everyone indicator 2…,
 * so each batch of 100 updates touches 100 chats. At most one full report per chat: `count` is
 * capped at chats × indicators (the last answer of a chat brings its summary).
 */
export function answerRounds(bloc: Bloc, people: readonly FocalPoint[], count: number): Planned[] {
  const out: Planned[] = [];
  const year = blocYear(bloc, BENCH_NOW.getUTCFullYear()).year;
  for (const [indicatorIndex, indicator] of bloc.indicators.entries()) {
    for (const person of people) {
      if (out.length >= count) return out;
      out.push({ person, text: answerFor(indicator, planOf(year, person.unitId, indicator.code)), indicatorIndex });
    }
  }
  return out;
}

/** Every chat's full report: all indicators, spread over the chats. */
export function fullReports(bloc: Bloc, people: readonly FocalPoint[]): Planned[] {
  return answerRounds(bloc, people, people.length * bloc.indicators.length);
}

/** `/baocao` from each chat: opens a draft at indicator 1 (replacing any draft in progress). */
export function openDrafts(people: readonly FocalPoint[]): Planned[] {
  return people.map((person) => ({ person, text: '/baocao' }));
}

/** The planned messages as Telegram updates, dated BENCH_NOW, with the fake's update ids. */
export function toUpdates(fixtures: TelegramFixtures, planned: readonly Planned[]): Update.MessageUpdate[] {
  return planned.map(({ person, text }) => {
    const update = fixtures.say(person.chat, person.user, text);
    return { ...update, message: { ...update.message, date: BENCH_DATE } };
  });
}
