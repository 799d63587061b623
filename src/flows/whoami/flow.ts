import { z } from 'zod';
import { msg, reply } from '../../app/messages.ts';
import { defineFlow, type FlowContext, type StepOutcome } from '../engine/types.ts';
import { bindingLine } from '../shared/labels.ts';

/** `/toilaai` (`/whoami`): the channel id (admins need it for the env) and every binding. */
async function whoami(ctx: FlowContext): Promise<StepOutcome<undefined>> {
  const { actor, inbound } = ctx;
  const bindings = actor.registrations.map((r) => bindingLine(ctx.services.blocs.get(r.blocId), r));
  if (actor.admin) bindings.push(msg('whoami.admin'));
  if (bindings.length === 0) bindings.push(msg('whoami.none'));
  return {
    replies: [
      reply('whoami.text', { channel: inbound.channel, userId: inbound.userId, chatId: inbound.chatId, bindings }),
    ],
  };
}

export const whoamiFlow = defineFlow({ command: 'toilaai', draftSchema: z.undefined(), start: whoami, steps: {} });
