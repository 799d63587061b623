import { z } from 'zod';
import { reply } from '../../app/messages.ts';
import { registerWithCode } from '../../app/use-cases/register-with-code.ts';
import { defineFlow, type FlowContext, type StepOutcome } from '../engine/types.ts';
import { bindingLine } from '../shared/labels.ts';

/**
 * `/start <code>` (the deep link of `thidua invite`) and `/dangky <code>` (`/register`; on Zalo, with
 * no deep links, also "dang ky <code>" or the code alone): binds the person with a single-use invite.
 * Without a code: how to get one, or who they already are.
 */
async function register(ctx: FlowContext, args: string): Promise<StepOutcome<undefined>> {
  const code = args.trim();
  // Zalo's terms: people are told they talk to software, first.
  const notice = ctx.inbound.mustSayAutomated ? [reply('zalo.automatedNotice')] : [];
  if (!code) return { replies: [...notice, withoutCode(ctx)] };
  if (ctx.inbound.chatType === 'group') return { replies: [reply('register.privateOnly')] };
  const result = await registerWithCode(ctx.services, ctx.inbound, code);
  if (result.status !== 'registered') return { replies: [reply(`register.code.${result.status}`, { code })] };
  const bloc = ctx.services.blocs.get(result.registration.blocId);
  const replies = [
    ...notice,
    reply('register.welcome', { name: ctx.actor.displayName, binding: bindingLine(bloc, result.registration) }),
  ];
  if (result.replaced) replies.push(reply('register.replaced', { binding: bindingLine(bloc, result.replaced) }));
  const role = result.registration.role;
  // A leader is pointed to the standings only once they are built; until then, to the status.
  const next =
    role === 'leader' && !ctx.available.has('bangxephang')
      ? 'register.next.leaderNoStandings'
      : (`register.next.${role}` as const);
  replies.push(reply(next));
  return { replies };
}

function withoutCode(ctx: FlowContext) {
  const current = ctx.actor.registrations;
  if (current.length === 0) return reply('register.howToGetCode');
  const lines = current.map((r) => bindingLine(ctx.services.blocs.get(r.blocId), r));
  return reply('register.alreadyBound', { bindings: lines });
}

export const startFlow = defineFlow({ command: 'start', draftSchema: z.undefined(), start: register, steps: {} });
export const registerFlow = defineFlow({ command: 'dangky', draftSchema: z.undefined(), start: register, steps: {} });
