import { reply } from '../../app/messages.ts';
import { computeStandings, type StandingsRequest } from '../../app/use-cases/standings.ts';
import type { Bloc, MemberUnit } from '../../domain/bloc.ts';
import { blocYear } from '../../domain/bloc.ts';
import { periodYear } from '../../domain/calendar/index.ts';
import { matchUnit } from '../../domain/unit-match.ts';
import { defineFlow, type FlowContext, type StepInput, type StepOutcome } from '../engine/types.ts';
import { unitName } from '../shared/labels.ts';
import { readScope } from '../shared/scope-argument.ts';
import { askUnit, pickUnit, resolveUnitArgument, type UnitArgument } from '../shared/unit-argument.ts';
import { splitUnitAndPeriod } from '../view/args.ts';
import { detailReply } from './explain-lines.ts';
import { detailDraftSchema, type DetailDraft } from './session.ts';

type Outcome = StepOutcome<DetailDraft>;

/**
 * `/chitiet <unit> [period | year]` (`/detail`): how one unit's provisional score was made, indicator
 * by indicator (design.md rights: a focal point their own unit, leaders and the secretariat any, and
 * anyone in the leaders' group). Without a unit, those who may see any unit are asked which.
 */
async function start(ctx: FlowContext, args: string): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return { replies: [reply('common.noBloc')] };
  const everyUnit = bloc.years.flatMap((y) => y.units);
  const { unitText, periodText } = splitUnitAndPeriod(args, (name) => matchUnit(everyUnit, name).type !== 'none');
  const scope = readScope(bloc, periodText, ctx.now, 'chitiet', { years: true });
  if (scope.type === 'reply') return { replies: [scope.reply] };
  const units = unitsOf(bloc, scope.request);
  return answer(ctx, bloc, units, resolveUnitArgument(ctx, bloc, units, unitText, 'chitiet'), scope.request);
}

async function pick(ctx: FlowContext, draft: DetailDraft, input: StepInput): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return { replies: [reply('common.noBloc')] };
  const units = unitsOf(bloc, draft.request);
  return answer(ctx, bloc, units, pickUnit(units, input, 'chitiet'), draft.request);
}

/** The members of the scope's year: a unit is explained where it competed. */
function unitsOf(bloc: Bloc, request: StandingsRequest): MemberUnit[] {
  return blocYear(bloc, request.kind === 'year' ? request.year : periodYear(request.periodId)).year.units;
}

async function answer(
  ctx: FlowContext,
  bloc: Bloc,
  units: readonly MemberUnit[],
  arg: UnitArgument,
  request: StandingsRequest,
): Promise<Outcome> {
  const next = { step: 'pick', draft: { request }, expects: 'choice' as const };
  if (arg.type === 'empty') return { replies: [askUnit(units)], next };
  if (arg.type === 'reply') return arg.ask ? { replies: [arg.reply], next } : { replies: [arg.reply] };
  const report = await computeStandings(ctx.services.repos, bloc, request, ctx.now);
  return { replies: [detailReply(bloc, report, arg.unitId, unitName(bloc, arg.unitId), ctx.actor.lang)] };
}

export const detailFlow = defineFlow({ command: 'chitiet', draftSchema: detailDraftSchema, start, steps: { pick } });
