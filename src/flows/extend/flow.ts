import { z } from 'zod';
import { msg, reply, type Message, type Reply } from '../../app/messages.ts';
import { unitsNotIn } from '../../app/use-cases/calendar-desk.ts';
import { calendarsOf, periodReporting } from '../../app/use-cases/reporting-status.ts';
import { loadUnitCalendar } from '../../app/use-cases/unit-calendar.ts';
import type { Bloc } from '../../domain/bloc.ts';
import {
  addDays,
  calendarDate,
  checkExtension,
  compareLocalDates,
  currentPeriod,
  formatLocalDate,
  localDateOf,
  lockDayOf,
  type LocalDate,
  type PeriodId,
} from '../../domain/calendar/index.ts';
import { defineFlow, type FlowContext, type StepOutcome } from '../engine/types.ts';
import { dateArgument, periodArgument, takeDate, takePeriod, takeReason } from '../shared/desk-args.ts';
import { tellFocalPoints, toldLines } from '../shared/desk-units.ts';
import { displayDeadline, periodLabel } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';

type Outcome = StepOutcome<undefined>;
const done = (...replies: Reply[]): Outcome => ({ replies });

/**
 * "Cú pháp: /giahan <kỳ> <hạn nộp mới> <lý do>", with the current period and a day three days after
 * its due day (or after today, once that has passed) as the example.
 */
function usage(bloc: Bloc, now: Date): Message {
  const current = currentPeriod(bloc.calendar, now);
  const due = calendarDate(current, bloc.calendar.due);
  const today = localDateOf(now, bloc.calendar.timezone);
  const later = addDays(compareLocalDates(today, due) > 0 ? today : due, 3);
  return msg('extend.usage', { period: periodArgument(current), date: dateArgument(later) });
}

/**
 * `/giahan <period> <date> <reason>` (`/extend`), for the secretariat: moves the period's due day for
 * every unit (design.md, "The period calendar"). Refused once the period is locked (a unit is
 * reopened instead), for a past day, for a day not later than the due day in force, and for a day
 * after the lock day. The extension row is the audit (who, when, why); every active focal point of a
 * unit that has not reported is told the new due date. A report sent before the new on-time deadline
 * is on time (`submitReport` judges it on the unit's calendar, extension included).
 */
async function start(ctx: FlowContext, args: string): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return done(reply('common.noBloc'));
  const use = usage(bloc, ctx.now);
  if (!args.trim()) return done(reply('extend.noArgs', { usage: use }));
  const period = takePeriod(bloc, args, ctx.now);
  if (period.type === 'error') return done(period.reply);
  if (period.type === 'none') return done(reply('extend.noPeriod', { usage: use }));
  const date = takeDate(period.rest);
  if (date.type === 'error') return done(date.reply);
  if (date.type === 'none') return done(reply('extend.noDate', { usage: use }));
  const reason = takeReason(date.rest, use);
  if ('reply' in reason) return done(reason.reply);
  return extend(ctx, bloc, period.periodId, date.date, reason.reason);
}

async function extend(
  ctx: FlowContext,
  bloc: Bloc,
  periodId: PeriodId,
  dueDate: LocalDate,
  reason: string,
): Promise<Outcome> {
  const { repos } = ctx.services;
  const rule = bloc.calendar;
  const tz = rule.timezone;
  const period = periodLabel(periodId);
  const calendar = await loadUnitCalendar(repos, bloc, undefined, ctx.now);
  const check = checkExtension(rule, periodId, ctx.now, calendar.overridesFor(periodId), dueDate);
  if (!check.ok) {
    switch (check.problem) {
      case 'locked': {
        const lockedAt = dateArgument(lockDayOf(rule, check.instants));
        return done(reply('extend.locked', { period, lockedAt, periodArg: periodArgument(periodId) }));
      }
      case 'pastDate':
        return done(reply('desk.pastDate', { date: dateArgument(dueDate), today: dateArgument(check.today) }));
      case 'notLater': {
        const dueDay = localDateOf(check.instants.dueDayStart, tz);
        const due = dateArgument(dueDay);
        return done(reply('extend.notLater', { period, due, example: dateArgument(addDays(dueDay, 3)) }));
      }
      case 'afterLock':
        return done(reply('extend.afterLock', { period, lockDay: dateArgument(check.lockDay) }));
    }
  }
  const by = { channel: ctx.actor.channel, userId: ctx.actor.userId, name: ctx.actor.displayName };
  // Reports already in late stay late: on time is fixed by the first submission (design.md).
  const lateBefore = (await periodReporting(repos, calendarsOf(repos, bloc, ctx.now), bloc, periodId, ctx.now)).units
    .filter((u) => u.isIn && u.onTime === false)
    .map((u) => u.unitId);
  await repos.calendar.setExtension({
    blocId: bloc.id,
    periodId,
    dueDate: formatLocalDate(dueDate),
    reason,
    by,
    at: ctx.now,
  });
  const due = displayDeadline(check.after.onTimeUntil, tz);
  const missing = (await unitsNotIn(repos, bloc, periodId, ctx.now)).map((s) => s.unitId);
  const told = await tellFocalPoints(ctx, bloc, missing, () => msg('extend.notice', { period, due, reason }));
  const lock = displayDeadline(check.after.lockAt, tz);
  const details: Message[] = [
    check.lockMoved
      ? msg('extend.lockMoved', { lock, oldLock: displayDeadline(check.before.lockAt, tz) })
      : msg('extend.lockSame', { lock }),
    ...toldLines(bloc, told, missing.length),
  ];
  if (lateBefore.length > 0) {
    const units = lateBefore.map((id) => unitName(bloc, id)).join(', ');
    details.push(msg('extend.lateStay', { count: lateBefore.length, units }));
  }
  const oldDue = displayDeadline(check.before.onTimeUntil, tz);
  return done(reply('extend.done', { period, due, oldDue, reason, details }), ...told.notices);
}

export const extendFlow = defineFlow({ command: 'giahan', draftSchema: z.undefined(), start, steps: {} });
