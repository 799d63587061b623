import { msg, reply, type Message, type Reply } from '../../app/messages.ts';
import { lockPeriodNow, runningReopenings, unitsNotIn } from '../../app/use-cases/calendar-desk.ts';
import { unitsOfPeriod } from '../../app/use-cases/reporting-status.ts';
import { loadUnitCalendar } from '../../app/use-cases/unit-calendar.ts';
import type { Bloc } from '../../domain/bloc.ts';
import {
  calendarDate,
  checkEarlyLock,
  currentPeriod,
  formatLocalDate,
  lockDayOf,
  type PeriodId,
} from '../../domain/calendar/index.ts';
import { foldText } from '../../domain/text-fold.ts';
import { NO_WORDS, YES_WORDS } from '../../domain/vocabulary.ts';
import { defineFlow, type FlowContext, type StepInput } from '../engine/types.ts';
import { reopenAdvice } from '../report/period.ts';
import { dateArgument, periodArgument, takePeriod } from '../shared/desk-args.ts';
import { pickDeskUnit, resolveDeskUnit, tellFocalPoints, toldLines } from '../shared/desk-units.ts';
import { displayDate, displayDateTime, displayDay, periodLabel } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';
import { endReopeningFor, type Outcome } from './end-reopening.ts';
import { lockDraftSchema, type LockDraft } from './session.ts';

const done = (...replies: Reply[]): Outcome => ({ replies });
const YES = 'yes';
const NO = 'no';
const CHOICES = [[{ id: YES, label: msg('lock.choice.yes') }], [{ id: NO, label: msg('lock.choice.no') }]];

/** "Cú pháp: /khoaky <kỳ> [<đơn vị>]", with this bloc's current period and first unit as the example. */
export function lockUsage(bloc: Bloc, now: Date): Message {
  const current = currentPeriod(bloc.calendar, now);
  return msg('lock.usage', { period: periodArgument(current), unit: unitsOfPeriod(bloc, current)[0]?.id ?? '' });
}

/**
 * `/khoaky <period> [<unit>]` (`/lock`), for the secretariat. Without a unit: locks the period now
 * for every unit (closing early), after a yes: no report, draft or reopening of it is taken after
 * that, and the focal points of the units that had not reported are told. With a unit: ends that
 * unit's reopening now (`end-reopening.ts`). The early lock row is the audit (who, when).
 */
async function start(ctx: FlowContext, args: string): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return done(reply('common.noBloc'));
  const usage = lockUsage(bloc, ctx.now);
  if (!args.trim()) return done(reply('lock.noArgs', { usage }));
  const period = takePeriod(bloc, args, ctx.now);
  if (period.type === 'error') return done(period.reply);
  if (period.type === 'none') return done(reply('lock.noPeriod', { usage }));
  const draft: LockDraft = { periodId: period.periodId };
  if (period.rest) return endReopeningFor(ctx, bloc, draft, resolveDeskUnit(bloc, draft.periodId, period.rest, usage));
  const refused = await refusal(ctx, bloc, draft.periodId);
  if (refused) return done(refused);
  return {
    replies: [await confirmation(ctx, bloc, draft.periodId)],
    next: { step: 'confirm', draft, expects: 'choice' },
  };
}

/** Why the whole period cannot lock now (not open yet, locked already), or undefined. */
async function refusal(ctx: FlowContext, bloc: Bloc, periodId: PeriodId): Promise<Reply | undefined> {
  const tz = bloc.calendar.timezone;
  const calendar = await loadUnitCalendar(ctx.services.repos, bloc, undefined, ctx.now);
  const check = checkEarlyLock(bloc.calendar, periodId, ctx.now, calendar.overridesFor(periodId));
  if (check.ok) return undefined;
  const period = periodLabel(periodId);
  if (check.problem === 'notOpenYet')
    return reply('lock.notOpenYet', { period, openAt: displayDay(check.instants.openAt, tz) });
  const lockedAt = dateArgument(lockDayOf(bloc.calendar, check.instants));
  const running = await runningReopenings(ctx.services.repos, bloc.id, periodId, ctx.now);
  if (running.length === 0) return reply('lock.alreadyLocked', { period, lockedAt });
  const units = running.map((r) => unitName(bloc, r.unitId)).join(', ');
  const example = `/khoaky ${periodArgument(periodId)} ${running[0]?.unitId ?? ''}`;
  return reply('lock.alreadyLockedReopened', { period, lockedAt, count: running.length, units, example });
}

/** The question before locking: the calendar's own lock day, who has not reported, who is reopened. */
async function confirmation(ctx: FlowContext, bloc: Bloc, periodId: PeriodId): Promise<Reply> {
  const { repos } = ctx.services;
  const missing = await unitsNotIn(repos, bloc, periodId, ctx.now);
  const running = await runningReopenings(repos, bloc.id, periodId, ctx.now);
  const names = (ids: string[]) => ids.map((id) => unitName(bloc, id)).join(', ');
  const details: Message[] = [
    missing.length > 0
      ? msg('lock.detailMissing', { count: missing.length, units: names(missing.map((s) => s.unitId)) })
      : msg('lock.detailAllIn'),
  ];
  if (running.length > 0)
    details.push(msg('lock.detailReopenings', { count: running.length, units: names(running.map((r) => r.unitId)) }));
  const lockDay = displayDate(formatLocalDate(calendarDate(periodId, bloc.calendar.lock)));
  return reply('lock.confirm', { period: periodLabel(periodId), lockDay, details }, { choices: CHOICES });
}

async function confirmStep(ctx: FlowContext, draft: LockDraft, input: StepInput): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return done(reply('common.noBloc'));
  const word = foldText(input.text);
  const answer = input.optionId ?? (YES_WORDS.includes(word) ? YES : NO_WORDS.includes(word) ? NO : undefined);
  if (answer === NO) return done(reply('lock.cancelled', { period: periodLabel(draft.periodId) }));
  if (answer !== YES)
    return {
      replies: [reply('lock.confirmAgain', {}, { choices: CHOICES })],
      next: { step: 'confirm', draft, expects: 'choice' },
    };
  // The period may have locked (another secretary, the calendar) since the question was asked.
  const refused = await refusal(ctx, bloc, draft.periodId);
  if (refused) return done(refused);
  return lockNow(ctx, bloc, draft.periodId);
}

async function lockNow(ctx: FlowContext, bloc: Bloc, periodId: PeriodId): Promise<Outcome> {
  const { repos } = ctx.services;
  const by = { channel: ctx.actor.channel, userId: ctx.actor.userId, name: ctx.actor.displayName };
  const missing = (await unitsNotIn(repos, bloc, periodId, ctx.now)).map((s) => s.unitId);
  const { locked, endedReopenings } = await lockPeriodNow(repos, { bloc, periodId, by, now: ctx.now });
  const period = periodLabel(periodId);
  // Another secretary's /khoaky committed between our check and our write: theirs stands.
  if (!locked)
    return done(reply('lock.alreadyLocked', { period, lockedAt: displayDay(ctx.now, bloc.calendar.timezone) }));
  const at = displayDateTime(ctx.now, bloc.calendar.timezone);
  const reopen = reopenAdvice(ctx.available);
  const told = await tellFocalPoints(ctx, bloc, missing, () => msg('lock.notice', { period, at, reopen }));
  const details = toldLines(bloc, told, missing.length);
  if (endedReopenings.length > 0) {
    const units = endedReopenings.map((r) => unitName(bloc, r.unitId)).join(', ');
    details.push(msg('lock.ended', { count: endedReopenings.length, units }));
  }
  return done(reply('lock.done', { period, at, details }), ...told.notices);
}

async function unitStep(ctx: FlowContext, draft: LockDraft, input: StepInput): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return done(reply('common.noBloc'));
  return endReopeningFor(ctx, bloc, draft, pickDeskUnit(bloc, draft.periodId, input, lockUsage(bloc, ctx.now)));
}

export const lockFlow = defineFlow({
  command: 'khoaky',
  draftSchema: lockDraftSchema,
  start,
  steps: { confirm: confirmStep, unit: unitStep },
});
