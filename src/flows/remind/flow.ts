import { z } from 'zod';
import { msg, reply, type Message, type Reply } from '../../app/messages.ts';
import {
  calendarsOf,
  openPeriodsOfBloc,
  periodReporting,
  type UnitReportStatus,
} from '../../app/use-cases/reporting-status.ts';
import { unitNameOf, type Bloc } from '../../domain/bloc.ts';
import {
  currentPeriod,
  formatLocalDate,
  localDateOf,
  startOfLocalDay,
  type PeriodId,
} from '../../domain/calendar/index.ts';
import { sendWindow } from '../../domain/reminders/index.ts';
import { defineFlow, type FlowContext, type StepOutcome } from '../engine/types.ts';
import { periodArgument, takePeriod } from '../shared/desk-args.ts';
import { periodLabel } from '../shared/format.ts';
import { queueReminder } from './queue-reminder.ts';
import { unitReminderReply, type UnitReminder } from './reminder-text.ts';

type Outcome = StepOutcome<undefined>;
const done = (...replies: Reply[]): Outcome => ({ replies });

/** A unit reminded (by the job or by hand) within this long is not reminded again now. */
const RECENTLY_MS = 60 * 60_000;
/** A manual reminder asked for after office hours still goes, within this long. */
const AFTER_HOURS_EXPIRY_MS = 2 * 60 * 60_000;
const DAY_MS = 86_400_000;

/** `2023-06-13 09`: a manual reminder's claim slot, the local hour (issue 8: "kind and hour"). */
function hourSlot(now: Date, timezone: string): string {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', hourCycle: 'h23' });
  return `${formatLocalDate(localDateOf(now, timezone))} ${hour.format(now)}`;
}

/** The end of today's office hours, or a little later when asked after them. */
function expiryOf(bloc: Bloc, now: Date): Date {
  const until = sendWindow(bloc.reminders, localDateOf(now, bloc.calendar.timezone), bloc.calendar.timezone).until;
  return until > now ? until : new Date(now.getTime() + AFTER_HOURS_EXPIRY_MS);
}

function manualReminder(bloc: Bloc, unit: UnitReportStatus, drafting: boolean, now: Date): UnitReminder {
  const zone = bloc.calendar.timezone;
  const dueDay = localDateOf(
    unit.reopenedUntil ? new Date(unit.reopenedUntil.getTime() - 1) : unit.instants.dueDayStart,
    zone,
  );
  const today = startOfLocalDay(localDateOf(now, zone), zone).getTime();
  return {
    unitName: unitNameOf(bloc, unit.unitId),
    periodId: unit.periodId,
    occasion: 'manual',
    dueDate: formatLocalDate(dueDay),
    daysToDue: Math.round((startOfLocalDay(dueDay, zone).getTime() - today) / DAY_MS),
    lockAt: unit.instants.lockAt,
    timezone: zone,
    draft: drafting ? 'session' : unit.status === 'returned' ? 'returned' : 'none',
  };
}

/** Reminds the period's missing units that can still report, except those reminded within the hour. */
async function remindPeriod(ctx: FlowContext, bloc: Bloc, periodId: PeriodId): Promise<Reply> {
  const { repos } = ctx.services;
  const { now } = ctx;
  const reporting = await periodReporting(repos, calendarsOf(repos, bloc, now), bloc, periodId, now);
  const missing = reporting.units.filter(
    (u) => !u.isIn && (u.state === 'open' || u.state === 'due' || u.state === 'late'),
  );
  const reminded: string[] = [];
  const recent: string[] = [];
  const nobody: string[] = [];
  let people = 0;
  const slot = hourSlot(now, bloc.calendar.timezone);
  const drafting = new Set((await repos.openDrafts.forPeriod(bloc.id, periodId)).map((d) => d.unitId));
  for (const unit of missing) {
    const name = unitNameOf(bloc, unit.unitId);
    const last = await repos.reminderClaims.lastClaimed(bloc.id, periodId, unit.unitId);
    if (last && now.getTime() - last.getTime() < RECENTLY_MS) {
      recent.push(name);
      continue;
    }
    const key = { blocId: bloc.id, periodId, unitId: unit.unitId, kind: 'manual', day: slot };
    const text = manualReminder(bloc, unit, drafting.has(unit.unitId), now);
    const queued = await queueReminder(repos, key, expiryOf(bloc, now), (ch) => unitReminderReply(text, ch), now);
    if (queued.type === 'queued') {
      reminded.push(name);
      people += queued.people;
    } else if (queued.type === 'taken') recent.push(name);
    else nobody.push(name);
  }
  const lines: Message[] = [];
  if (reminded.length > 0)
    lines.push(msg('remind.sent', { people, units: reminded.length, names: reminded.join(', ') }));
  if (recent.length > 0) lines.push(msg('remind.recent', { count: recent.length, names: recent.join(', ') }));
  if (nobody.length > 0) lines.push(msg('remind.nobody', { count: nobody.length, names: nobody.join(', ') }));
  if (lines.length === 0) lines.push(msg('remind.allIn'));
  return reply('remind.result', { period: periodLabel(periodId), lines });
}

/**
 * `/nhacnho [period]` (`/remind`), for the secretariat: reminds now, in their private chats, the
 * focal points of every unit whose report is not in, for every open period or the one named. A unit
 * reminded within the hour (by the job or by hand) is skipped and named; a manual reminder has its
 * own claim slot (kind `manual`, the local hour), so it neither blocks nor is blocked by the day's
 * automatic one, and two secretaries pressing at once remind a unit once.
 */
async function start(ctx: FlowContext, args: string): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return done(reply('common.noBloc'));
  const { repos } = ctx.services;
  const usage = msg('remind.usage', { period: periodArgument(currentPeriod(bloc.calendar, ctx.now)) });
  const open = await openPeriodsOfBloc(calendarsOf(repos, bloc, ctx.now), bloc, ctx.now);
  let periods = open;
  if (args.trim()) {
    const taken = takePeriod(bloc, args, ctx.now);
    if (taken.type === 'error') return done(taken.reply);
    if (taken.type === 'none' || taken.rest) return done({ ...usage });
    if (!open.includes(taken.periodId))
      return done(reply('remind.notOpen', { period: periodLabel(taken.periodId), usage }));
    periods = [taken.periodId];
  }
  if (periods.length === 0) return done(reply('remind.noOpenPeriod'));
  const answers: Reply[] = [];
  for (const periodId of periods) answers.push(await remindPeriod(ctx, bloc, periodId));
  return done(...answers);
}

export const remindFlow = defineFlow({ command: 'nhacnho', draftSchema: z.undefined(), start, steps: {} });
