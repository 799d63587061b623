import { reply, type Message, type Reply } from '../../app/messages.ts';
import type { Bloc } from '../../domain/bloc.ts';
import {
  checkReason,
  currentPeriod,
  parsePeriod,
  parseTypedDate,
  periodMonth,
  periodYear,
  REASON_MAX_LENGTH,
  REASON_MIN_WORDS,
  type LocalDate,
  type PeriodId,
} from '../../domain/calendar/index.ts';

/**
 * The arguments of the secretariat's calendar commands: `/moky <unit> <period> [<date>] <reason>`,
 * `/khoaky <period> [<unit>]`, `/giahan <period> <date> <reason>`. A period takes up to four words
 * ("tháng 6 năm 2023"); the longest that reads as one wins.
 */

const words = (text: string): string[] => text.trim().split(/\s+/).filter(Boolean);

export type TakenPeriod =
  { type: 'period'; periodId: PeriodId; rest: string } | { type: 'error'; reply: Reply } | { type: 'none' };

/** The period at the start of `text`, and what follows it. */
export function takePeriod(bloc: Bloc, text: string, now: Date): TakenPeriod {
  const all = words(text);
  if (all.length === 0) return { type: 'none' };
  const current = currentPeriod(bloc.calendar, now);
  for (let length = Math.min(4, all.length); length >= 1; length--) {
    const parsed = parsePeriod(all.slice(0, length).join(' '), current);
    if (parsed.type === 'period') return { type: 'period', periodId: parsed.id, rest: all.slice(length).join(' ') };
  }
  // No period: say what is wrong with the first word when it was meant as one (it has a digit).
  const first = all[0] ?? '';
  if (!/\d/.test(first)) return { type: 'none' };
  const parsed = parsePeriod(first, current);
  if (parsed.type === 'error') return { type: 'error', reply: reply(parsed.key, parsed.params) };
  return { type: 'error', reply: reply('period.errors.badFormat', { text: first }) };
}

export type TakenDate =
  { type: 'date'; date: LocalDate; rest: string } | { type: 'error'; reply: Reply } | { type: 'none' };

/** A date at the start of `text` (`20/7/2023`, `20/07/2023`, `2023-07-20`), and what follows it. */
export function takeDate(text: string): TakenDate {
  const [first = '', ...rest] = words(text);
  const parsed = parseTypedDate(first);
  if (parsed.type === 'none') return { type: 'none' };
  if (parsed.type === 'invalid') return { type: 'error', reply: reply('desk.badDate', { text: first }) };
  return { type: 'date', date: parsed.date, rest: rest.join(' ') };
}

/** The reason as kept in the audit, or why it will not do (`usage` shows the whole command). */
export function takeReason(text: string, usage: Message): { reason: string } | { reply: Reply } {
  const checked = checkReason(text);
  if (checked.ok) return { reason: checked.reason };
  switch (checked.problem) {
    case 'missing':
      return { reply: reply('desk.reasonMissing', { min: REASON_MIN_WORDS, usage }) };
    case 'tooShort':
      return { reply: reply('desk.reasonShort', { reason: text.trim(), min: REASON_MIN_WORDS, count: checked.words }) };
    case 'tooLong':
      return { reply: reply('desk.reasonLong', { max: REASON_MAX_LENGTH, length: checked.length }) };
  }
}

/** A period as the secretariat types it in a command: `6/2023`. */
export function periodArgument(periodId: PeriodId): string {
  return `${periodMonth(periodId)}/${periodYear(periodId)}`;
}

/** A local date as typed in a command and shown in a message: `20/07/2023`. */
export function dateArgument(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.day)}/${pad(date.month)}/${date.year}`;
}
