import { z } from 'zod';
import { reply } from '../../app/messages.ts';
import { defineFlow, type FlowContext, type StepOutcome } from '../engine/types.ts';

/** `/nhom` (`/group`), typed by the secretariat in the leaders' group: standings go there. */
async function registerGroup(ctx: FlowContext): Promise<StepOutcome<undefined>> {
  const { inbound, bloc } = ctx;
  // Zalo groups are in limited testing: the leaders' group stays on Telegram.
  if (inbound.groupsUnsupported) return { replies: [reply('zalo.groupOnTelegram')] };
  if (inbound.chatType !== 'group') return { replies: [reply('group.useInGroup')] };
  if (!bloc) return { replies: [reply('group.noBloc')] };
  await ctx.services.repos.groups.register({
    blocId: bloc.id,
    channel: inbound.channel,
    chatId: inbound.chatId,
    title: inbound.chatTitle ?? '',
    by: { channel: inbound.channel, userId: inbound.userId, name: inbound.displayName },
    at: ctx.now,
  });
  return { replies: [reply('group.registered', { bloc: bloc.name })] };
}

export const groupFlow = defineFlow({ command: 'nhom', draftSchema: z.undefined(), start: registerGroup, steps: {} });
