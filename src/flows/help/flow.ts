import { z } from 'zod';
import { msg, reply } from '../../app/messages.ts';
import { accessFor, PERMISSIONS, type CommandName } from '../../app/permissions.ts';
import { defineFlow, type FlowContext, type StepOutcome } from '../engine/types.ts';

/** `/trogiup` (`/help`): what this person may do here, one line per command, in the table's order. */
async function help(ctx: FlowContext): Promise<StepOutcome<undefined>> {
  const allowed = (Object.keys(PERMISSIONS) as CommandName[]).filter(
    (c) =>
      c !== 'start' &&
      // Registering again is for strangers; a registered person changes unit with a new code the
      // secretariat sends, which /dangky without a code explains.
      !(c === 'dangky' && !ctx.actor.who.includes('stranger')) &&
      ctx.available.has(c) &&
      accessFor(c, ctx.actor.who, ctx.inBlocGroup) !== 'no',
  );
  const lines = allowed.map((c) => msg(`help.commands.${c}`));
  const intro = ctx.actor.who.includes('stranger') ? 'help.introStranger' : 'help.intro';
  return { replies: [reply(intro, { commands: lines })] };
}

export const helpFlow = defineFlow({ command: 'trogiup', draftSchema: z.undefined(), start: help, steps: {} });
