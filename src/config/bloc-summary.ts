import { msg, type Message } from '../app/messages.ts';
import { blocYear, type Bloc, type CalendarDay, type TieBreak } from '../domain/bloc.ts';
import { localDateOf } from '../domain/calendar/index.ts';
import { listsHolidaysIn } from '../domain/reminders/index.ts';

/**
 * What `thidua check-config` prints for a good bloc file: enough for the operator to see that the
 * file says what the secretariat meant (members, leaders, indicators, calendar). Each line is a
 * message under `blocFile.summary.*` (nested messages for the words inside a line): the CLI renders
 * them in the operator's language (src/cli/bloc-source.ts).
 */
export interface BlocSummary {
  /** The bloc's id and name. */
  heading: Message;
  /** One message per line under the heading. */
  lines: Message[];
}

const S = 'blocFile.summary' as const;

export function summarizeBloc(bloc: Bloc, today: Date): BlocSummary {
  const scored = bloc.indicators.filter((i) => i.scoring);
  const benchmarks = scored.reduce((sum, i) => sum + (i.scoring?.benchmark ?? 0), 0);
  const { calendar: c, reminders: r, scoring: s, options: o } = bloc;
  const lines = [
    ...bloc.years.map((y) =>
      y.deputy
        ? msg(`${S}.year`, { year: y.year, units: y.units.length, head: y.head, deputy: y.deputy })
        : msg(`${S}.yearNoDeputy`, { year: y.year, units: y.units.length, head: y.head }),
    ),
    inUse(bloc, today),
    msg(`${S}.indicators`, {
      total: bloc.indicators.length,
      scored: scored.length,
      benchmarks: round(benchmarks),
      unscored: bloc.indicators.length - scored.length,
    }),
    msg(`${S}.movements`, { count: bloc.movements.length }),
    calendarLine(c),
    msg(`${S}.reminders`, {
      before: r.beforeDueDays.join(', '),
      sendAt: r.sendAt,
      weekdays: weekdayWords(r.weekdays),
      start: r.officeHours.start,
      end: r.officeHours.end,
      holidays: r.holidays.length,
      lateEvery: r.lateEveryDays,
      escalateAfter: r.escalateAfterLateDays,
    }),
    msg(`${S}.scoring`, { late: s.latePenalty, missing: s.missingPenalty, tieBreak: tieBreakWords(s.tieBreak) }),
    msg(`${S}.options`, {
      standings: msg(o.autoPostStandings ? `${S}.option.standingsAuto` : `${S}.option.standingsOnRequest`),
      progress: msg(o.postProgressOnDue ? `${S}.option.progressOnDue` : `${S}.option.progressOff`),
      focal: msg(o.focalSeesFullTable ? `${S}.option.focalFullTable` : `${S}.option.focalOwnRank`),
      privacy: msg(o.privacyNotice ? `${S}.option.privacySet` : `${S}.option.privacyUnset`),
    }),
    ...blocWarnings(bloc, today),
    ...missingPlans(bloc),
  ];
  return { heading: msg(`${S}.heading`, { id: bloc.id, name: bloc.name }), lines };
}

/**
 * What the operator should fix before the bloc runs for long, said by check-config (in the summary)
 * and at start-up: the year in use lists no holiday, so reminders would go out on Tết and the other
 * days off.
 */
export function blocWarnings(bloc: Bloc, today: Date): Message[] {
  const year = yearOf(bloc, today);
  return listsHolidaysIn(bloc.reminders, year) ? [] : [msg(`${S}.noHolidays`, { year })];
}

const yearOf = (bloc: Bloc, today: Date): number => localDateOf(today, bloc.calendar.timezone).year;

function inUse(bloc: Bloc, today: Date): Message {
  const year = yearOf(bloc, today);
  const { year: used, fallback } = blocYear(bloc, year);
  return msg(fallback ? `${S}.inUseFallback` : `${S}.inUse`, { year, used: used.year });
}

/** Scored amounts and counts are measured against each unit's plan: a missing plan means no points. */
function missingPlans(bloc: Bloc): Message[] {
  const planned = bloc.indicators.filter((i) => i.scoring && (i.kind === 'amount' || i.kind === 'count'));
  return bloc.years.flatMap((y) =>
    y.units.flatMap((unit) => {
      const missing = planned.filter((i) => y.plans[unit.id]?.[i.code] === undefined).map((i) => i.code);
      return missing.length > 0
        ? [msg(`${S}.missingPlan`, { year: y.year, unit: unit.id, codes: missing.join(', ') })]
        : [];
    }),
  );
}

const MONTH_KEYS = ['sameMonth', 'nextMonth', 'monthAfterNext'] as const;

function calendarLine(c: Bloc['calendar']): Message {
  const days = { timezone: c.timezone, open: dayWords(c.open), due: dayWords(c.due), lock: dayWords(c.lock) };
  return c.graceDays > 0
    ? msg(`${S}.calendarGrace`, { ...days, reopenDays: c.reopenDays, graceDays: c.graceDays })
    : msg(`${S}.calendar`, { ...days, reopenDays: c.reopenDays });
}

function dayWords(day: CalendarDay): Message {
  const month = MONTH_KEYS[day.monthOffset];
  return month
    ? msg(`${S}.day.${month}`, { day: day.day })
    : msg(`${S}.day.laterMonth`, { day: day.day, offset: day.monthOffset });
}

function weekdayWords(days: number[]): Message {
  // Weekdays stay numbers (1 = Monday … 7 = Sunday), as the file writes them: Vietnamese names them so.
  return days.join() === '1,2,3,4,5'
    ? msg(`${S}.weekdays.workWeek`)
    : msg(`${S}.weekdays.list`, { days: days.join(', ') });
}

const TIE_BREAK_KEYS = {
  total: `${S}.tieBreak.total`,
  on_time: `${S}.tieBreak.onTime`,
  submitted_at: `${S}.tieBreak.submittedAt`,
  name: `${S}.tieBreak.name`,
} as const satisfies Record<TieBreak, string>;

/** The tie-break order in words ("tổng điểm, nộp đúng hạn, …"), not the file's codes. */
function tieBreakWords(order: readonly TieBreak[]): Message {
  const [first, ...rest] = order;
  if (first === undefined) return msg(`${S}.tieBreak.none`);
  const word = msg(TIE_BREAK_KEYS[first]);
  return rest.length === 0 ? word : msg(`${S}.tieBreak.then`, { first: word, rest: tieBreakWords(rest) });
}

const round = (n: number) => Math.round(n * 100) / 100;
