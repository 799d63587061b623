import { msg, reply, type Message, type Reply } from '../../app/messages.ts';
import { unitsOfPeriod } from '../../app/use-cases/reporting-status.ts';
import { loadUnitCalendar } from '../../app/use-cases/unit-calendar.ts';
import type { Bloc } from '../../domain/bloc.ts';
import {
  addDays,
  addMonths,
  checkReopening,
  currentPeriod,
  formatLocalDate,
  localDateOf,
  parseLocalDate,
  periodYear,
  type LocalDate,
} from '../../domain/calendar/index.ts';
import { matchUnit } from '../../domain/unit-match.ts';
import { defineFlow, type FlowContext, type StepInput, type StepOutcome } from '../engine/types.ts';
import { dateArgument, periodArgument, takeDate, takePeriod, takeReason } from '../shared/desk-args.ts';
import { pickDeskUnit, resolveDeskUnit, tellFocalPoints, toldLines, type DeskUnit } from '../shared/desk-units.ts';
import { displayDay, displayDeadline, periodLabel } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';
import { splitUnitAndPeriod } from '../view/args.ts';
import { reopenDraftSchema, type ReopenDraft } from './session.ts';

type Outcome = StepOutcome<ReopenDraft>;
const done = (...replies: Reply[]): Outcome => ({ replies });

/**
 * "Cú pháp: /moky <đơn vị> <kỳ> [ngày hết hạn] <lý do>", with an example that works as typed: a unit
 * of this bloc, the period before the current one (the one usually late or locked) and the end day a
 * reopening made now gets by default.
 */
function usage(bloc: Bloc, now: Date): Message {
  const previous = addMonths(currentPeriod(bloc.calendar, now), -1);
  const days = bloc.calendar.reopenDays;
  const defaultEnd = addDays(localDateOf(now, bloc.calendar.timezone), days);
  const unit = unitsOfPeriod(bloc, previous)[0]?.id ?? '';
  return msg('reopen.usage', { unit, period: periodArgument(previous), date: dateArgument(defaultEnd), days });
}

/**
 * `/moky <unit> <period> [<end date>] <reason>` (`/reopen`), for the secretariat: reopens one unit's
 * period, late or locked for it, until the end of the date given or for the bloc's `reopen_days`
 * (design.md, "The period calendar"). The reopening row is the audit (who, when, why, until when);
 * the unit's focal points are told in their private chats. The engine keeps everyone else out.
 */
async function start(ctx: FlowContext, args: string): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return done(reply('common.noBloc'));
  const use = usage(bloc, ctx.now);
  if (!args.trim()) return done(reply('reopen.noArgs', { usage: use }));
  const everyUnit = bloc.years.flatMap((y) => y.units);
  const { unitText, periodText } = splitUnitAndPeriod(args, (name) => matchUnit(everyUnit, name).type !== 'none');
  const period = takePeriod(bloc, periodText, ctx.now);
  if (period.type === 'error') return done(period.reply);
  if (period.type === 'none') return done(reply('reopen.noPeriod', { usage: use }));
  if (!unitText) return done(reply('reopen.noUnit', { usage: use }));
  const date = takeDate(period.rest);
  if (date.type === 'error') return done(date.reply);
  const reason = takeReason(date.type === 'date' ? date.rest : period.rest, use);
  if ('reply' in reason) return done(reason.reply);
  const draft: ReopenDraft = {
    periodId: period.periodId,
    endDate: date.type === 'date' ? formatLocalDate(date.date) : undefined,
    reason: reason.reason,
  };
  return forUnit(ctx, bloc, draft, resolveDeskUnit(bloc, period.periodId, unitText, use));
}

async function unitStep(ctx: FlowContext, draft: ReopenDraft, input: StepInput): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return done(reply('common.noBloc'));
  return forUnit(ctx, bloc, draft, pickDeskUnit(bloc, draft.periodId, input, usage(bloc, ctx.now)));
}

async function forUnit(ctx: FlowContext, bloc: Bloc, draft: ReopenDraft, unit: DeskUnit): Promise<Outcome> {
  if (unit.type === 'reply') {
    return unit.ask ? { replies: [unit.reply], next: { step: 'unit', draft, expects: 'choice' } } : done(unit.reply);
  }
  return reopen(ctx, bloc, unit.unitId, draft);
}

/** Checks the calendar for the unit, stores the reopening and tells its focal points. */
async function reopen(ctx: FlowContext, bloc: Bloc, unitId: string, draft: ReopenDraft): Promise<Outcome> {
  const { periodId } = draft;
  const { repos } = ctx.services;
  const tz = bloc.calendar.timezone;
  const unit = unitName(bloc, unitId);
  const period = periodLabel(periodId);
  if (!unitsOfPeriod(bloc, periodId).some((u) => u.id === unitId))
    return done(reply('reopen.notMember', { unit, year: periodYear(periodId), period }));
  if ((await repos.submissions.find(bloc.id, periodId, unitId))?.status === 'accepted')
    return done(reply('reopen.accepted', { unit, period }));
  const calendar = await loadUnitCalendar(repos, bloc, unitId, ctx.now);
  const endDate: LocalDate | undefined = draft.endDate ? parseLocalDate(draft.endDate) : undefined;
  const check = checkReopening(bloc.calendar, periodId, ctx.now, calendar.overridesFor(periodId), endDate);
  if (!check.ok) {
    switch (check.problem) {
      case 'notOpenYet':
        return done(reply('reopen.notOpenYet', { period, openAt: displayDay(check.instants.openAt, tz) }));
      case 'stillOpen':
        return done(reply('reopen.stillOpen', { unit, period, due: displayDeadline(check.instants.onTimeUntil, tz) }));
      case 'pastDate':
        return done(pastDate(endDate, check.today));
      case 'tooOld':
        return done(reply('reopen.tooOld', { period, months: check.months }));
    }
  }
  const by = { channel: ctx.actor.channel, userId: ctx.actor.userId, name: ctx.actor.displayName };
  await repos.calendar.addReopening({
    blocId: bloc.id,
    periodId,
    unitId,
    until: check.until,
    reason: draft.reason,
    by,
    at: ctx.now,
  });
  const until = displayDeadline(check.until, tz);
  const told = await tellFocalPoints(ctx, bloc, [unitId], () =>
    msg('reopen.notice', { unit, period, until, reason: draft.reason }),
  );
  const answer = reply('reopen.done', { unit, period, until, reason: draft.reason, told: toldLines(bloc, told, 1) });
  return done(answer, ...told.notices);
}

function pastDate(date: LocalDate | undefined, today: LocalDate): Reply {
  return reply('desk.pastDate', { date: date ? dateArgument(date) : '', today: dateArgument(today) });
}

export const reopenFlow = defineFlow({
  command: 'moky',
  draftSchema: reopenDraftSchema,
  start,
  steps: { unit: unitStep },
});
