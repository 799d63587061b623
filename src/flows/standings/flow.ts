import { reply } from '../../app/messages.ts';
import { computeStandings } from '../../app/use-cases/standings.ts';
import { z } from 'zod';
import { defineFlow, type FlowContext, type StepOutcome } from '../engine/types.ts';
import { unitName } from '../shared/labels.ts';
import { askerUnitOf, seesOwnLineOnly } from '../shared/own-rank.ts';
import { readScope } from '../shared/scope-argument.ts';
import { ownUnitOf } from '../shared/unit-argument.ts';
import { ownRankReply, tableReply } from './replies.ts';

/**
 * `/bangxephang [period | year]` (`/standings`): the provisional standings of a period (the current
 * one by default) or of a year to date, as a table that fits a phone with the chart as its image.
 * A focal point sees their own line only, unless the bloc lets them see the table.
 */
async function start(ctx: FlowContext, args: string): Promise<StepOutcome<undefined>> {
  const { bloc } = ctx;
  if (!bloc) return { replies: [reply('common.noBloc')] };
  const scope = readScope(bloc, args, ctx.now, 'bangxephang', { years: true });
  if (scope.type === 'reply') return { replies: [scope.reply] };
  const report = await computeStandings(ctx.services.repos, bloc, scope.request, ctx.now);
  if (seesOwnLineOnly(ctx, bloc, 'bangxephang')) {
    const own = ownUnitOf(ctx, bloc);
    if (!own) return { replies: [reply('common.unitArgument.noOwnUnit')] };
    return { replies: [ownRankReply(report, own, unitName(bloc, own))] };
  }
  const table = await tableReply(ctx.services.rendering, report, ctx.actor.lang, askerUnitOf(ctx, bloc));
  return { replies: [table] };
}

export const standingsFlow = defineFlow({ command: 'bangxephang', draftSchema: z.undefined(), start, steps: {} });
