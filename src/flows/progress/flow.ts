import { reply } from '../../app/messages.ts';
import { periodProgress } from '../../app/use-cases/progress.ts';
import { z } from 'zod';
import { defineFlow, type FlowContext, type StepOutcome } from '../engine/types.ts';
import { periodLabel } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';
import { seesOwnLineOnly } from '../shared/own-rank.ts';
import { readScope } from '../shared/scope-argument.ts';
import { ownUnitOf } from '../shared/unit-argument.ts';
import { ownProgressMessage, progressMessage } from './lines.ts';

/**
 * `/tiendo [period]` (`/progress`): who has reported for a period (the current one by default), on
 * time or late, who has a draft or nothing, with the reporting and on-time rates. A focal point sees
 * the rates and their own unit's line, unless the bloc lets them see the table.
 */
async function start(ctx: FlowContext, args: string): Promise<StepOutcome<undefined>> {
  const { bloc } = ctx;
  if (!bloc) return { replies: [reply('common.noBloc')] };
  const scope = readScope(bloc, args, ctx.now, 'tiendo', { years: false });
  if (scope.type === 'reply') return { replies: [scope.reply] };
  // readScope gives a period when years are not allowed.
  if (scope.request.kind !== 'period') return { replies: [] };
  const progress = await periodProgress(ctx.services.repos, bloc, scope.request.periodId, ctx.now);
  if (!seesOwnLineOnly(ctx, bloc, 'tiendo')) return { replies: [{ ...progressMessage(progress) }] };
  const own = ownUnitOf(ctx, bloc);
  if (!own) return { replies: [reply('common.unitArgument.noOwnUnit')] };
  const line = ownProgressMessage(progress, own, bloc.calendar.timezone);
  if (line) return { replies: [{ ...line }] };
  return {
    replies: [reply('progress.ownNotMember', { unit: unitName(bloc, own), period: periodLabel(progress.periodId) })],
  };
}

export const progressFlow = defineFlow({ command: 'tiendo', draftSchema: z.undefined(), start, steps: {} });
