import { msg, reply } from '../../app/messages.ts';
import { workbookFileName, workbookInput } from '../../app/use-cases/workbook-input.ts';
import { z } from 'zod';
import { defineFlow, type FlowContext, type StepOutcome } from '../engine/types.ts';
import { readScope } from '../shared/scope-argument.ts';
import { scopeMessage } from '../standings/table.ts';

/**
 * `/xuatexcel [period | year]` (`/export`), for the secretariat: the workbook of a period (the current
 * one by default) or of a year to date as the reply's document, the same file `thidua export`
 * writes. The engine keeps everyone else out (permissions table).
 */
async function start(ctx: FlowContext, args: string): Promise<StepOutcome<undefined>> {
  const { bloc } = ctx;
  if (!bloc) return { replies: [reply('common.noBloc')] };
  const scope = readScope(bloc, args, ctx.now, 'xuatexcel', { years: true });
  if (scope.type === 'reply') return { replies: [scope.reply] };
  const input = await workbookInput(ctx.services.repos, bloc, scope.request, ctx.now, ctx.actor.lang);
  const bytes = await ctx.services.rendering.workbook(input);
  const fileName = workbookFileName(bloc, scope.request);
  const params = {
    bloc: bloc.name,
    scope: scopeMessage(input.standings.scope),
    provisional: msg('standings.provisional'),
  };
  return { replies: [reply('export.ready', params, { document: { fileName, bytes } })] };
}

export const exportFlow = defineFlow({ command: 'xuatexcel', draftSchema: z.undefined(), start, steps: {} });
