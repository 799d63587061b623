import { msg, reply, type Message, type Reply } from '../../app/messages.ts';
import { broadcastMessage, broadcastRecipients, startBroadcast, storePreview } from '../../app/use-cases/broadcast.ts';
import { unitsOfPeriod } from '../../app/use-cases/reporting-status.ts';
import type { Bloc, MemberUnit } from '../../domain/bloc.ts';
import { MAX_BROADCAST_LENGTH } from '../../domain/broadcast.ts';
import { currentPeriod } from '../../domain/calendar/index.ts';
import { formatNumber } from '../../domain/figures/format-figure.ts';
import { foldText } from '../../domain/text-fold.ts';
import { NO_WORDS, YES_WORDS } from '../../domain/vocabulary.ts';
import { defineFlow, type FlowContext, type StepInput, type StepOutcome } from '../engine/types.ts';
import { unitName } from '../shared/labels.ts';
import { broadcastTarget } from './args.ts';
import { broadcastDraftSchema, type BroadcastDraft } from './session.ts';

type Outcome = StepOutcome<BroadcastDraft>;
const done = (...replies: Reply[]): Outcome => ({ replies });
const SEND = 'send';
const CANCEL = 'cancel';
const CHOICES = [
  [
    { id: SEND, label: msg('broadcast.choice.send') },
    { id: CANCEL, label: msg('broadcast.choice.cancel') },
  ],
];

function unitsNow(bloc: Bloc, now: Date): MemberUnit[] {
  return unitsOfPeriod(bloc, currentPeriod(bloc.calendar, now));
}

/** "Cú pháp: /thongbao <nội dung> hoặc /thongbao @<đơn vị> <nội dung>", with a unit of this bloc. */
function usage(units: readonly MemberUnit[]): Message {
  return msg('broadcast.usage', { unit: units[0]?.id ?? '' });
}

/**
 * `/thongbao <text>` and `/thongbao @<unit> <text>` (`/broadcast`), for the secretariat: a notice to
 * the active, reachable focal points of every unit (or of one; leaders and the group get digests,
 * not this). The text is shown as it will arrive, with the number of recipients, and sent only after
 * a yes (`startBroadcast`); the broadcast is stored at the preview, so a second yes finds it sent.
 */
async function start(ctx: FlowContext, args: string): Promise<Outcome> {
  const { bloc } = ctx;
  if (!bloc) return done(reply('common.noBloc'));
  const units = unitsNow(bloc, ctx.now);
  const use = usage(units);
  const target = broadcastTarget(args, units);
  if (target.type === 'unknownUnit') {
    const list = units.map((u) => msg('common.unitArgument.unitLine', { name: u.name, id: u.id }));
    return done(reply('broadcast.unknownUnit', { text: target.typed, units: list, usage: use }));
  }
  const { text } = target;
  if (!text) return done(reply('broadcast.empty', { usage: use }));
  if (text.length > MAX_BROADCAST_LENGTH)
    return done(
      reply('broadcast.tooLong', {
        length: formatNumber(text.length, 0),
        max: formatNumber(MAX_BROADCAST_LENGTH, 0),
        usage: use,
      }),
    );
  const unitId = target.type === 'unit' ? target.unitId : undefined;
  const { repos } = ctx.services;
  const recipients = await broadcastRecipients(repos, bloc.id, unitId);
  const scope = unitId ? msg('broadcast.scopeUnit', { unit: unitName(bloc, unitId) }) : msg('broadcast.scopeAll');
  if (recipients.length === 0) return done(reply('broadcast.nobody', { scope }));
  const by = { channel: ctx.actor.channel, userId: ctx.actor.userId, name: ctx.actor.displayName };
  const chat = { channel: ctx.inbound.channel, chatId: ctx.inbound.chatId };
  const broadcastId = await storePreview(repos, {
    bloc,
    by,
    text,
    unitId,
    recipients: recipients.length,
    chat,
    lang: ctx.actor.lang,
    now: ctx.now,
  });
  const reached = new Set(recipients.map((r) => r.unitId));
  const unreached = (unitId ? units.filter((u) => u.id === unitId) : units).filter((u) => !reached.has(u.id));
  const details = [msg('broadcast.recipients', { people: recipients.length, units: reached.size, scope })];
  if (unreached.length > 0) {
    const names = unreached.map((u) => u.name).join(', ');
    details.push(msg('broadcast.unreached', { count: unreached.length, units: names }));
  }
  const message = broadcastMessage({ text, by });
  const preview = reply('broadcast.preview', { message, details }, { choices: CHOICES });
  return { replies: [preview], next: { step: 'confirm', draft: { broadcastId }, expects: 'choice' } };
}

async function confirmStep(ctx: FlowContext, draft: BroadcastDraft, input: StepInput): Promise<Outcome> {
  const { repos } = ctx.services;
  const word = foldText(input.text);
  const answer = input.optionId ?? (YES_WORDS.includes(word) ? SEND : NO_WORDS.includes(word) ? CANCEL : undefined);
  if (answer === CANCEL) {
    const cancelled = await repos.broadcasts.cancel(draft.broadcastId, ctx.now);
    return done(cancelled ? reply('broadcast.cancelled') : await moved(ctx, draft.broadcastId));
  }
  if (answer !== SEND)
    return {
      replies: [reply('broadcast.confirmAgain', {}, { choices: CHOICES })],
      next: { step: 'confirm', draft, expects: 'choice' },
    };
  const started = await startBroadcast(repos, draft.broadcastId, ctx.now);
  if (started.type === 'nobody') return done(reply('broadcast.nobodyNow'));
  if (started.type === 'moved') return done(await moved(ctx, draft.broadcastId));
  // The "sending to N…" message is queued by startBroadcast: progress edits replace it.
  return done();
}

/** The broadcast was confirmed or cancelled already (a second press, another chat): say which. */
async function moved(ctx: FlowContext, broadcastId: number): Promise<Reply> {
  const status = (await ctx.services.repos.broadcasts.get(broadcastId))?.status;
  return reply(status === 'cancelled' ? 'broadcast.alreadyCancelled' : 'broadcast.alreadySent');
}

export const broadcastFlow = defineFlow({
  command: 'thongbao',
  draftSchema: broadcastDraftSchema,
  start,
  steps: { confirm: confirmStep },
});
