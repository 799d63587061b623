import { msg, reply, type Message, type Reply } from '../../app/messages.ts';
import type { CommandName } from '../../app/permissions.ts';
import type { StandingsRequest } from '../../app/use-cases/standings.ts';
import type { Bloc } from '../../domain/bloc.ts';
import {
  comparePeriods,
  currentPeriod,
  parsePeriod,
  periodInstants,
  periodMonth,
  periodYear,
  PERIOD_VOCABULARY,
  type PeriodId,
} from '../../domain/calendar/index.ts';
import { foldText } from '../../domain/text-fold.ts';
import { displayDay, periodLabel } from './format.ts';

/** What `[period | year]` after a reading command comes to: the scope to show, or a reply instead. */
export type ScopeArgument = { type: 'scope'; request: StandingsRequest } | { type: 'reply'; reply: Reply };

/** "6/2023": how a period is typed after a command, for examples in replies. */
export function typedPeriod(periodId: PeriodId): string {
  return `${periodMonth(periodId)}/${periodYear(periodId)}`;
}

// "năm 2023": a year word before a bare year is read as the year.
const YEAR_WORD_FIRST = new RegExp(`^(?:${PERIOD_VOCABULARY.yearWords.join('|')})\\s+(\\d{4})$`);

/**
 * Reads the scope of /bangxephang, /tiendo, /chitiet or /xuatexcel (design.md, "The period
 * calendar"): nothing is the bloc's current period (the latest that has opened); `6/2023`, `T6/2023`,
 * `2023-06`… a period; a bare year (`2023`, `năm 2023`) the year to date where `years` allows it. A
 * period not open yet or a year not begun has no result yet: said, with the current period as an
 * example. Anything else is refused with an example of the right form.
 */
export function readScope(
  bloc: Bloc,
  text: string,
  now: Date,
  command: CommandName,
  { years }: { years: boolean },
): ScopeArgument {
  const current = currentPeriod(bloc.calendar, now);
  const typed = text.trim();
  if (!typed) return { type: 'scope', request: { kind: 'period', periodId: current } };
  const yearWord = YEAR_WORD_FIRST.exec(foldText(typed));
  const parsed = parsePeriod(yearWord?.[1] ?? typed, current);
  const example = typedPeriod(current);
  const refuse = (message: Message): ScopeArgument => ({ type: 'reply', reply: message });
  if (parsed.type === 'error') {
    if (parsed.key !== 'period.errors.badFormat') return { type: 'reply', reply: reply(parsed.key, parsed.params) };
    return refuse(
      years
        ? msg('standings.args.badFormat', { text: typed, command, example, year: periodYear(current) })
        : msg('standings.args.badFormatMonth', { text: typed, command, example }),
    );
  }
  if (parsed.type === 'year') {
    if (!years) return refuse(msg('standings.args.monthOnly', { command, year: parsed.year, example }));
    if (parsed.year > periodYear(current)) {
      return refuse(msg('standings.args.yearNotBegun', { year: parsed.year, command, example }));
    }
    return { type: 'scope', request: { kind: 'year', year: parsed.year } };
  }
  if (comparePeriods(parsed.id, current) > 0) {
    const openAt = displayDay(periodInstants(bloc.calendar, parsed.id).openAt, bloc.calendar.timezone);
    return refuse(msg('standings.args.notOpenYet', { period: periodLabel(parsed.id), openAt, command, example }));
  }
  return { type: 'scope', request: { kind: 'period', periodId: parsed.id } };
}
