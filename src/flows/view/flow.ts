import { reply, type Reply } from '../../app/messages.ts';
import { accessFor } from '../../app/permissions.ts';
import { latestSentPeriod } from '../../app/use-cases/latest-submission.ts';
import { reportStatus, unitsOfPeriod } from '../../app/use-cases/reporting-status.ts';
import { loadUnitCalendar } from '../../app/use-cases/unit-calendar.ts';
import type { Bloc, MemberUnit } from '../../domain/bloc.ts';
import { currentPeriod, parsePeriod, type PeriodId } from '../../domain/calendar/index.ts';
import { matchUnit } from '../../domain/unit-match.ts';
import { defineFlow, type FlowContext, type StepInput, type StepOutcome } from '../engine/types.ts';
import { reopenAdvice } from '../report/period.ts';
import { periodLabel } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';
import { reportStateMessage } from '../shared/report-state.ts';
import { askUnit, ownUnitOf, pickUnit, resolveUnitArgument, type UnitArgument } from '../shared/unit-argument.ts';
import { splitUnitAndPeriod } from './args.ts';
import { figureLines } from './figure-lines.ts';
import { viewDraftSchema, type ViewDraft } from './session.ts';

type Outcome = StepOutcome<ViewDraft>;

/**
 * `/xem [unit] [period]` (`/view`): the figures a unit has sent for a period, as they stand, with
 * the report's state. Without a period: the latest period it sent, else the current one. A focal
 * point sees their own unit; leaders and the secretariat name one, or are asked which.
 */
async function start(ctx: FlowContext, args: string): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return { replies: [reply('common.noBloc')] };
  // Any year's members will do to tell a name from a period: the period is not known yet.
  const everyUnit = bloc.years.flatMap((y) => y.units);
  const { unitText, periodText } = splitUnitAndPeriod(args, (name) => matchUnit(everyUnit, name).type !== 'none');
  let periodId: PeriodId | undefined;
  if (periodText) {
    const parsed = parsePeriod(periodText, currentPeriod(bloc.calendar, ctx.now));
    if (parsed.type === 'error') return { replies: [reply(parsed.key, parsed.params)] };
    if (parsed.type === 'year') return { replies: [reply('view.monthOnly', { text: periodText })] };
    periodId = parsed.id;
  }
  const units = unitsOf(ctx, bloc, periodId);
  return answer(ctx, bloc, units, resolveUnitArgument(ctx, bloc, units, unitText, 'xem'), periodId);
}

async function pick(ctx: FlowContext, draft: ViewDraft, input: StepInput): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return { replies: [reply('common.noBloc')] };
  const units = unitsOf(ctx, bloc, draft.periodId);
  return answer(ctx, bloc, units, pickUnit(units, input, 'xem'), draft.periodId);
}

function unitsOf(ctx: FlowContext, bloc: Bloc, periodId: PeriodId | undefined): MemberUnit[] {
  return unitsOfPeriod(bloc, periodId ?? currentPeriod(bloc.calendar, ctx.now));
}

async function answer(
  ctx: FlowContext,
  bloc: Bloc,
  units: readonly MemberUnit[],
  arg: UnitArgument,
  periodId: PeriodId | undefined,
): Promise<Outcome> {
  const next = { step: 'pick', draft: { periodId }, expects: 'choice' as const };
  if (arg.type === 'unit') return { replies: [await figures(ctx, bloc, arg.unitId, periodId)] };
  if (arg.type === 'empty') return { replies: [askUnit(units)], next };
  return arg.ask ? { replies: [arg.reply], next } : { replies: [arg.reply] };
}

async function figures(ctx: FlowContext, bloc: Bloc, unitId: string, asked: PeriodId | undefined): Promise<Reply> {
  const { repos } = ctx.services;
  const periodId =
    asked ?? (await latestSentPeriod(repos, bloc, unitId, ctx.now)) ?? currentPeriod(bloc.calendar, ctx.now);
  const unit = unitName(bloc, unitId);
  const period = periodLabel(periodId);
  const submission = await repos.submissions.find(bloc.id, periodId, unitId);
  const calendar = await loadUnitCalendar(repos, bloc, unitId, ctx.now);
  if (!submission || submission.status === 'draft') {
    // Only the unit's own focal point can do something about it: tell them how (a locked period is
    // for the secretariat to reopen, not for /baocao).
    const reporter = accessFor('baocao', ctx.actor.who) === 'own' && ownUnitOf(ctx, bloc) === unitId;
    if (!reporter) return reply('view.nothingForUnit', { unit, period });
    if (calendar.state(periodId) === 'locked')
      return reply('view.nothingLocked', { unit, period, reopen: reopenAdvice(ctx.available) });
    return reply('view.nothing', { unit, period });
  }
  const status = reportStatus(calendar, unitId, periodId, submission, ctx.now);
  const lines = figureLines(bloc, unitId, periodId, submission.values, ctx.actor.lang);
  return reply('view.figures', { unit, period, state: reportStateMessage(status, bloc.calendar.timezone), lines });
}

export const viewFlow = defineFlow({ command: 'xem', draftSchema: viewDraftSchema, start, steps: { pick } });
