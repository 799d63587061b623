import { blocYear, type Bloc, type CalendarDay } from '../domain/bloc.ts';

/**
 * What `thidua check-config` prints for a good bloc file: enough for the operator to see that the
 * file says what the secretariat meant (members, leaders, indicators, calendar), in plain words.
 */
export function summarizeBloc(bloc: Bloc, today: Date): string[] {
  const scored = bloc.indicators.filter((i) => i.scoring);
  const benchmarks = scored.reduce((sum, i) => sum + (i.scoring?.benchmark ?? 0), 0);
  const { calendar: c, reminders: r, scoring: s, options: o } = bloc;
  const lines = [
    `${bloc.id}: ${bloc.name}`,
    ...bloc.years.map(
      (y) => `  year ${y.year}: ${y.units.length} units, head ${y.head}${y.deputy ? `, deputy ${y.deputy}` : ', no deputy'}`,
    ),
    `  ${inUse(bloc, today)}`,
    `  indicators: ${bloc.indicators.length} (${scored.length} scored, benchmarks total ${round(benchmarks)}; ${bloc.indicators.length - scored.length} shown but not scored)`,
    `  movements: ${bloc.movements.length}`,
    `  calendar (${c.timezone}): a month's figures open on ${dayWords(c.open)}, are due on ${dayWords(c.due)}` +
      `${c.graceDays > 0 ? ` (+${c.graceDays} grace days)` : ''}, lock at the end of ${dayWords(c.lock)}; a reopening lasts ${c.reopenDays} days`,
    `  reminders: ${r.beforeDueDays.join(', ')} days before due at ${r.sendAt} on ${weekdayWords(r.weekdays)}` +
      ` (${r.officeHours.start}–${r.officeHours.end}, ${r.holidays.length} holidays); every ${r.lateEveryDays} day(s) while late, escalated after ${r.escalateAfterLateDays} late days`,
    `  scoring: late −${s.latePenalty}, missing −${s.missingPenalty} per period; ties broken by ${s.tieBreak.join(', ')}`,
    `  options: standings ${o.autoPostStandings ? 'posted automatically' : 'posted only on request'}; focal points see ${o.focalSeesFullTable ? 'the full table' : 'their own rank and score'}; privacy notice ${o.privacyNotice ? 'set' : 'not set'}`,
  ];
  return [...lines, ...missingPlans(bloc).map((line) => `  no plan (not scored for that unit): ${line}`)];
}

function inUse(bloc: Bloc, today: Date): string {
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: bloc.calendar.timezone, year: 'numeric' }).format(today));
  const { year: used, fallback } = blocYear(bloc, year);
  return fallback
    ? `in use for ${year}: year ${used.year}, the latest in the file (it has no ${year})`
    : `in use for ${year}: year ${used.year}`;
}

/** Scored amounts and counts are measured against each unit's plan: a missing plan means no points. */
function missingPlans(bloc: Bloc): string[] {
  const planned = bloc.indicators.filter((i) => i.scoring && (i.kind === 'amount' || i.kind === 'count'));
  return bloc.years.flatMap((y) =>
    y.units.flatMap((unit) => {
      const missing = planned.filter((i) => y.plans[unit.id]?.[i.code] === undefined).map((i) => i.code);
      return missing.length > 0 ? [`${y.year} ${unit.id}: ${missing.join(', ')}`] : [];
    }),
  );
}

function dayWords(day: CalendarDay): string {
  const month = ['the same month', 'the next month', 'the month after next'][day.monthOffset] ?? `month +${day.monthOffset}`;
  return `day ${day.day} of ${month}`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function weekdayWords(days: number[]): string {
  if (days.join() === '1,2,3,4,5') return 'Mon–Fri';
  return days.map((d) => WEEKDAYS[d - 1] ?? String(d)).join(', ');
}

const round = (n: number) => Math.round(n * 100) / 100;
