import { msg, type Message } from '../app/messages.ts';
import { toPayload } from '../app/outbox-payload.ts';
import type { Log, Repositories } from '../app/ports.ts';
import { periodProgress } from '../app/use-cases/progress.ts';
import {
  calendarsOf,
  openPeriodsOfBloc,
  periodReporting,
  type CalendarsOf,
  type UnitReportStatus,
} from '../app/use-cases/reporting-status.ts';
import { loadUnitCalendar } from '../app/use-cases/unit-calendar.ts';
import { unitNameOf, type Bloc } from '../domain/bloc.ts';
import type { PeriodId } from '../domain/calendar/index.ts';
import { dueEscalations, dueReminderFor, type DueReminder } from '../domain/reminders/index.ts';
import { progressMessage, ratesMessage } from '../flows/progress/lines.ts';
import { queueReminder, reachOf } from '../flows/remind/queue-reminder.ts';
import { unitReminderReply, type UnitReminder } from '../flows/remind/reminder-text.ts';
import { periodArgument } from '../flows/shared/desk-args.ts';
import { displayDate, periodLabel } from '../flows/shared/format.ts';
import { leaderReaders, privateReaders, type Reader } from './bloc-readers.ts';

export interface RemindersDeps {
  blocs: readonly Bloc[];
  repos: Pick<
    Repositories,
    | 'unitOfWork'
    | 'submissions'
    | 'calendar'
    | 'groups'
    | 'registrations'
    | 'people'
    | 'outbox'
    | 'reminderClaims'
    | 'openDrafts'
  >;
  /** Wakes the sender once messages are queued. */
  kick?: () => void;
  log?: Log;
}

/** What one run did: units reminded (and people), units with nobody to remind, escalations queued. */
export interface RemindersReport {
  units: number;
  people: number;
  noFocalPoint: number;
  escalations: number;
  failed: number;
}

/**
 * The reminders (issue 8), a plain function of `(deps, now)` run every few minutes: for each bloc
 * and each period open for some unit, every unit whose report is not in (a returned one counts as
 * not in) gets the reminder the bloc's policy makes due now (`dueReminderFor`), once per kind and
 * day; from the day of escalation, a digest goes to the leaders and a list to the secretariat, once
 * a day each, while units are missing. A failure is logged and the rest goes on; the next run tries
 * again what failed (its claim was rolled back with it).
 */
export async function runReminders(deps: RemindersDeps, now: Date): Promise<RemindersReport> {
  const report: RemindersReport = { units: 0, people: 0, noFocalPoint: 0, escalations: 0, failed: 0 };
  for (const bloc of deps.blocs) {
    try {
      const calendars = calendarsOf(deps.repos, bloc, now);
      for (const periodId of await openPeriodsOfBloc(calendars, bloc, now)) {
        await remindPeriod(deps, bloc, calendars, periodId, now, report);
      }
    } catch (error) {
      report.failed += 1;
      deps.log?.error({ err: error, bloc: bloc.id }, 'reminders: bloc skipped');
    }
  }
  if (report.people + report.escalations > 0) deps.kick?.();
  return report;
}

async function remindPeriod(
  deps: RemindersDeps,
  bloc: Bloc,
  calendars: CalendarsOf,
  periodId: PeriodId,
  now: Date,
  report: RemindersReport,
): Promise<void> {
  const { repos } = deps;
  const reporting = await periodReporting(repos, calendars, bloc, periodId, now);
  const missing = reporting.units.filter((u) => !u.isIn);
  if (missing.length === 0) return;
  const drafting = new Set((await repos.openDrafts.forPeriod(bloc.id, periodId)).map((d) => d.unitId));
  for (const unit of missing) {
    try {
      const reopening = (await calendars(unit.unitId)).overridesFor(periodId)?.reopening;
      const due = dueReminderFor(bloc, { periodId, unitId: unit.unitId, instants: unit.instants, reopening }, now);
      if (!due) continue;
      const text = reminderText(bloc, unit, due, drafting.has(unit.unitId));
      const queued = await queueReminder(repos, due.key, due.expiresAt, (ch) => unitReminderReply(text, ch), now);
      if (queued.type === 'nobody') report.noFocalPoint += 1;
      if (queued.type !== 'queued') continue;
      report.units += 1;
      report.people += queued.people;
      deps.log?.info({ bloc: bloc.id, period: periodId, unit: unit.unitId, kind: due.key.kind }, 'reminder queued');
    } catch (error) {
      report.failed += 1;
      deps.log?.error({ err: error, bloc: bloc.id, period: periodId, unit: unit.unitId }, 'reminder failed');
    }
  }
  await escalate(deps, bloc, periodId, missing, now, report);
}

function reminderText(bloc: Bloc, unit: UnitReportStatus, due: DueReminder, drafting: boolean): UnitReminder {
  const occasion = due.key.kind === 'late' ? 'late' : unit.reopenedUntil ? 'reopened' : 'before_due';
  return {
    unitName: unitNameOf(bloc, unit.unitId),
    periodId: unit.periodId,
    occasion,
    dueDate: due.dueDate,
    daysToDue: due.daysToDue,
    lockAt: unit.instants.lockAt,
    timezone: bloc.calendar.timezone,
    draft: drafting ? 'session' : unit.status === 'returned' ? 'returned' : 'none',
  };
}

/**
 * The day's digest to the leaders and list to the secretariat, each claimed once (unit `*`). The
 * bloc's own calendar decides the day (extensions count; a unit's reopening does not).
 */
async function escalate(
  deps: RemindersDeps,
  bloc: Bloc,
  periodId: PeriodId,
  missing: UnitReportStatus[],
  now: Date,
  report: RemindersReport,
): Promise<void> {
  const { repos } = deps;
  const instants = (await loadUnitCalendar(repos, bloc, undefined, now)).instants(periodId);
  for (const due of dueEscalations(bloc, { periodId, instants }, now)) {
    try {
      const group = due.key.kind === 'group_digest';
      const readers = group ? await leaderReaders(repos, bloc.id) : await privateReaders(repos, bloc.id, 'secretariat');
      if (readers.length === 0) continue;
      const queued = await repos.unitOfWork.run(async () => {
        if (!(await repos.reminderClaims.claim(due.key, now))) return false;
        const text = group
          ? await groupDigest(deps, bloc, periodId, due, missing.length, now)
          : await deskList(deps, bloc, periodId, due, missing, now);
        await repos.outbox.enqueue(readers.map((r) => rowFor(r, text, due, now)));
        return true;
      });
      if (queued) report.escalations += 1;
    } catch (error) {
      report.failed += 1;
      deps.log?.error({ err: error, bloc: bloc.id, period: periodId, kind: due.key.kind }, 'escalation failed');
    }
  }
}

function rowFor(reader: Reader, text: Message, due: DueReminder, now: Date) {
  const { channel, chatId, lang } = reader;
  return {
    channel,
    chatId,
    payload: toPayload(text, lang),
    priority: 'bulk' as const,
    createdAt: now,
    expiresAt: due.expiresAt,
  };
}

async function groupDigest(
  deps: RemindersDeps,
  bloc: Bloc,
  periodId: PeriodId,
  due: DueReminder,
  count: number,
  now: Date,
): Promise<Message> {
  const progress = progressMessage(await periodProgress(deps.repos, bloc, periodId, now));
  const [period, days, dueText] = [periodLabel(periodId), -due.daysToDue, displayDate(due.dueDate)];
  return msg('reminders.escalation.group', { period, days, due: dueText, count, progress });
}

/** The secretariat's list: each missing unit and whether the bot can reach it, with the rates. */
async function deskList(
  deps: RemindersDeps,
  bloc: Bloc,
  periodId: PeriodId,
  due: DueReminder,
  missing: UnitReportStatus[],
  now: Date,
): Promise<Message> {
  const units: Message[] = [];
  for (const unit of missing) {
    const reach = await reachOf(deps.repos, bloc.id, unit.unitId);
    const how =
      reach.reachable.length > 0
        ? msg('reminders.escalation.reachPeople', { count: reach.reachable.length })
        : reach.unreachable > 0
          ? msg('reminders.escalation.reachUnreachable')
          : msg('reminders.escalation.reachNobody');
    units.push(msg('reminders.escalation.deskLine', { unit: unitNameOf(bloc, unit.unitId), reach: how }));
  }
  return msg('reminders.escalation.desk', {
    period: periodLabel(periodId),
    days: -due.daysToDue,
    due: displayDate(due.dueDate),
    count: missing.length,
    rates: ratesMessage(await periodProgress(deps.repos, bloc, periodId, now)),
    units,
    periodArg: periodArgument(periodId),
  });
}
