import { msg, reply, type Message } from '../../app/messages.ts';
import { endUnitReopening } from '../../app/use-cases/calendar-desk.ts';
import { loadUnitCalendar } from '../../app/use-cases/unit-calendar.ts';
import type { Bloc } from '../../domain/bloc.ts';
import type { PeriodInstants, PeriodState } from '../../domain/calendar/index.ts';
import type { FlowContext, StepOutcome } from '../engine/types.ts';
import { periodArgument } from '../shared/desk-args.ts';
import { tellFocalPoints, toldLines, type DeskUnit } from '../shared/desk-units.ts';
import { displayDeadline, periodLabel } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';
import type { LockDraft } from './session.ts';

export type Outcome = StepOutcome<LockDraft>;

/**
 * `/khoaky <period> <unit>`: ends the unit's running reopening of the period now (the reopening row
 * keeps its reason and planned end, and records who ended it and when). The unit is back under the
 * calendar: late (still taken, marked late) or locked; its focal points are told which.
 */
export async function endReopeningFor(
  ctx: FlowContext,
  bloc: Bloc,
  draft: LockDraft,
  unit: DeskUnit,
): Promise<Outcome> {
  if (unit.type === 'reply') {
    if (!unit.ask) return { replies: [unit.reply] };
    return { replies: [unit.reply], next: { step: 'unit', draft, expects: 'choice' } };
  }
  const { periodId } = draft;
  const { repos } = ctx.services;
  const tz = bloc.calendar.timezone;
  const name = unitName(bloc, unit.unitId);
  const period = periodLabel(periodId);
  const by = { channel: ctx.actor.channel, userId: ctx.actor.userId, name: ctx.actor.displayName };
  const ended = await endUnitReopening(repos, { bloc, periodId, unitId: unit.unitId, by, now: ctx.now });
  if (!ended) {
    const example = `/khoaky ${periodArgument(periodId)}`;
    return { replies: [reply('lock.noReopening', { unit: name, period, example })] };
  }
  const calendar = await loadUnitCalendar(repos, bloc, unit.unitId, ctx.now);
  const state = stateNow(calendar.state(periodId), calendar.instants(periodId), tz);
  const told = await tellFocalPoints(ctx, bloc, [unit.unitId], () =>
    msg('lock.unitNotice', { unit: name, period, state }),
  );
  const until = displayDeadline(ended.until, tz);
  const answer = reply('lock.unitDone', { unit: name, period, until, state, told: toldLines(bloc, told, 1) });
  return { replies: [answer, ...told.notices] };
}

/** Where the period stands for the unit once its reopening is over. */
function stateNow(state: PeriodState, instants: PeriodInstants, tz: string): Message {
  if (state === 'late') return msg('lock.unitNowLate', { lock: displayDeadline(instants.lockAt, tz) });
  // An extension made meanwhile may have the period due again for everyone.
  if (state === 'open' || state === 'due')
    return msg('lock.unitNowDue', { due: displayDeadline(instants.onTimeUntil, tz) });
  return msg('lock.unitNowLocked');
}
