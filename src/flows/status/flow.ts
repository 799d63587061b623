import { msg, reply, type Message } from '../../app/messages.ts';
import { calendarsOf, periodReporting, unitsOfPeriod } from '../../app/use-cases/reporting-status.ts';
import { unitReportHistory, type NextDeadline } from '../../app/use-cases/unit-report-history.ts';
import type { Bloc, MemberUnit } from '../../domain/bloc.ts';
import { currentPeriod } from '../../domain/calendar/index.ts';
import { defineFlow, type FlowContext, type StepInput, type StepOutcome } from '../engine/types.ts';
import { displayDay, displayDeadline, periodLabel } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';
import { rateMessage } from '../shared/rate.ts';
import { reportStateMessage } from '../shared/report-state.ts';
import { pickUnit, resolveUnitArgument, type UnitArgument } from '../shared/unit-argument.ts';
import { statusDraftSchema, type StatusDraft } from './session.ts';

type Outcome = StepOutcome<StatusDraft>;

/**
 * `/trangthai [unit]` (`/status`): a unit's recent periods (what is in, on time or late, what is
 * due, late or reopened) and its nearest deadline. A focal point sees their own unit; leaders and
 * the secretariat name a unit, or get one line per unit for the current period.
 */
async function start(ctx: FlowContext, args: string): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return { replies: [reply('common.noBloc')] };
  const units = unitsOfPeriod(bloc, currentPeriod(bloc.calendar, ctx.now));
  return answer(ctx, bloc, units, resolveUnitArgument(ctx, bloc, units, args, 'trangthai'));
}

async function pick(ctx: FlowContext, _draft: StatusDraft, input: StepInput): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return { replies: [reply('common.noBloc')] };
  const units = unitsOfPeriod(bloc, currentPeriod(bloc.calendar, ctx.now));
  return answer(ctx, bloc, units, pickUnit(units, input, 'trangthai'));
}

async function answer(ctx: FlowContext, bloc: Bloc, units: readonly MemberUnit[], arg: UnitArgument): Promise<Outcome> {
  if (arg.type === 'unit') return { replies: [await unitStatus(ctx, bloc, arg.unitId)] };
  if (arg.type === 'empty') return { replies: [await overview(ctx, bloc, units)] };
  if (!arg.ask) return { replies: [arg.reply] };
  return { replies: [arg.reply], next: { step: 'pick', draft: null, expects: 'choice' } };
}

async function unitStatus(ctx: FlowContext, bloc: Bloc, unitId: string) {
  const tz = bloc.calendar.timezone;
  const history = await unitReportHistory(ctx.services.repos, bloc, unitId, ctx.now);
  const periods = history.periods.map((s) =>
    msg('common.item', { label: periodLabel(s.periodId), state: reportStateMessage(s, tz) }),
  );
  return reply('status.unit', { unit: unitName(bloc, unitId), periods, next: nextMessage(history.next, tz) });
}

function nextMessage(next: NextDeadline | undefined, tz: string): Message {
  if (!next) return msg('status.noDeadline');
  const params = { period: periodLabel(next.periodId), due: displayDeadline(next.at, tz) };
  return next.opensAt
    ? msg('status.nextNotOpen', { ...params, openAt: displayDay(next.opensAt, tz) })
    : msg('status.next', params);
}

/** One line per unit for the current period, with the reporting and on-time rates. */
async function overview(ctx: FlowContext, bloc: Bloc, units: readonly MemberUnit[]) {
  const tz = bloc.calendar.timezone;
  const periodId = currentPeriod(bloc.calendar, ctx.now);
  const calendars = calendarsOf(ctx.services.repos, bloc, ctx.now);
  const reporting = await periodReporting(ctx.services.repos, calendars, bloc, periodId, ctx.now);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const lines = reporting.units.map((s) =>
    msg('common.item', { label: names.get(s.unitId) ?? unitName(bloc, s.unitId), state: reportStateMessage(s, tz) }),
  );
  return reply('status.overview', { period: periodLabel(periodId), units: lines, rate: rateMessage(reporting) });
}

export const statusFlow = defineFlow({ command: 'trangthai', draftSchema: statusDraftSchema, start, steps: { pick } });
