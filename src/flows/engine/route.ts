import { reply, type Reply } from '../../app/messages.ts';
import { accessFor, COMMAND_WORDS, resolveCommand, type CommandName } from '../../app/permissions.ts';
import { normalizeInviteCode } from '../../domain/invite-code.ts';
import { foldText } from '../../domain/text-fold.ts';
import { NAVIGATION_WORDS } from '../../domain/vocabulary.ts';
import { parseCommand } from './commands.ts';
import {
  activeOf,
  expired,
  idle,
  park,
  parkedReminders,
  pruneExpired,
  settle,
  withoutDraft,
  type FlowRegistry,
  type Routed,
} from './conversations.ts';
import { answerEngineQuestion, askAboutRepeat, looksRepeated, requestDiscard } from './engine-questions.ts';
import { commandFromButton, pickFromButton, pickFromText } from './pending.ts';
import type { Session } from './session.ts';
import type { FlowContext, StepInput } from './types.ts';

export type { FlowRegistry, Routed } from './conversations.ts';

const CANCEL_WORDS: ReadonlySet<string> = new Set(NAVIGATION_WORDS.cancel);

/**
 * Decides what one update means: a command, an answer to the conversation in progress (or to a
 * question of the engine's own), a button, or text outside any conversation (a hint, never silence,
 * in private chats). Pure apart from the flows it calls; the engine around it owns the transaction.
 */
export async function route(ctx: FlowContext, stored: Session, flows: FlowRegistry): Promise<Routed> {
  const { inbound } = ctx;
  const session = pruneExpired(stored, ctx.now);
  const text = (inbound.text ?? '').trim();

  // An edit of an earlier message is not read: the figure it held may already be on its way.
  if (inbound.edited) return { session, replies: inbound.chatType === 'private' ? [reply('engine.editIgnored')] : [] };
  // Only mentions reach a Zalo bot in a group, and nothing of the bloc is done there: point to the
  // private chat, every time (nobody else in the group sees the bot otherwise).
  if (inbound.groupsUnsupported && inbound.chatType === 'group')
    return { session, replies: [reply('zalo.groupUsePrivate')] };
  if (inbound.unreadable) {
    const notice = inbound.unreadable === 'photo' ? reply('zalo.photoNotKept') : reply('zalo.unsupported');
    return { session, replies: inbound.chatType === 'private' ? [notice] : [] };
  }

  if (inbound.optionId !== undefined) {
    const command = commandFromButton(inbound.optionId);
    if (command) return runCommand(ctx, session, flows, command.name, command.args);
    if (session.engineQuestion) return answerQuestion(ctx, session, flows, { text: '', button: inbound.optionId });
    const active = activeOf(session, flows);
    const pick = pickFromButton(active?.conversation.pending, inbound.optionId);
    if (pick.type !== 'option' || !active) return { session, replies: [reply('engine.staleButton')] };
    return continueFlow(ctx, session, flows, { text: '', optionId: pick.optionId });
  }

  // Inside a conversation only slash commands are commands, so a name or an answer that happens to
  // be a command word ("xem") is taken as an answer.
  const active = activeOf(session, flows);
  const busy = active !== undefined || session.engineQuestion !== undefined;
  const command = text
    ? parseCommand(text, busy ? 'group' : inbound.chatType, COMMAND_WORDS, ctx.services.telegramUsername)
    : undefined;
  if (command) return runCommand(ctx, session, flows, command.name, command.args);
  if (session.engineQuestion) return answerQuestion(ctx, session, flows, { text, photoRef: inbound.photoRef });

  if (active) {
    if (CANCEL_WORDS.has(foldText(text))) return requestDiscard(ctx, session, flows);
    const pick = pickFromText(active.conversation.pending, text, inbound.choicesAsButtons);
    if (pick.type === 'outOfRange') return { session, replies: [reply('engine.pickNumber', { count: pick.count })] };
    if (pick.type === 'none' && text && (await looksRepeated(ctx, session, text)))
      return askAboutRepeat(ctx, session, text);
    const optionId = pick.type === 'option' ? pick.optionId : undefined;
    return continueFlow(ctx, session, flows, { text, optionId, photoRef: inbound.photoRef });
  }

  const dropped = session.active ? idle(withoutDraft(session, session.active)) : session;
  if (session.active) return { session: dropped, replies: [reply('engine.sessionReset')] };
  if (inbound.chatType === 'group') return { session, replies: [] };
  if (ctx.actor.who.includes('stranger')) {
    // Zalo has no deep links: a stranger may type the invite code alone.
    if (inbound.chatType === 'private' && normalizeInviteCode(text))
      return runCommand(ctx, session, flows, 'dangky', text);
    return { session, replies: [reply('engine.hintStranger')] };
  }
  const waiting = parkedReminders(ctx, session, flows);
  return { session, replies: waiting.length > 0 ? waiting : [reply(hintFor(ctx))] };
}

/** What the bot can do for this person, by their widest role: the secretariat's desk first. */
function hintFor(ctx: FlowContext) {
  const { who } = ctx.actor;
  if (who.includes('secretariat') || who.includes('admin')) return 'engine.hintSecretariat';
  if (who.includes('focal')) return 'engine.hintFocal';
  if (who.includes('leader')) return 'engine.hintLeader';
  return 'engine.hint';
}

function answerQuestion(
  ctx: FlowContext,
  session: Session,
  flows: FlowRegistry,
  input: StepInput & { button?: string },
) {
  return answerEngineQuestion(
    ctx,
    session,
    flows,
    input,
    (next, text) => continueFlow(ctx, next, flows, { text }, { answered: true }),
    (next, lead) => resumeActive(ctx, next, flows, lead),
  );
}

/** Asks the active conversation's question again (after an engine question), or says it is gone. */
async function resumeActive(ctx: FlowContext, session: Session, flows: FlowRegistry, lead: Reply[]): Promise<Routed> {
  const active = activeOf(session, flows);
  if (!active?.flow.keep) return { session: idle(session), replies: lead };
  const draft = active.flow.draftSchema.safeParse(active.conversation.draft);
  if (!draft.success)
    return { session: idle(withoutDraft(session, active.name)), replies: [...lead, reply('engine.sessionReset')] };
  const outcome = await active.flow.keep.resume(ctx, draft.data, active.conversation.step, '');
  return settle(ctx, session, flows, active.name, outcome, active.conversation.startedAt, lead);
}

async function runCommand(
  ctx: FlowContext,
  session: Session,
  flows: FlowRegistry,
  word: string,
  args: string,
): Promise<Routed> {
  const name = resolveCommand(word);
  if (!name) return { session, replies: [reply('engine.unknownCommand', { command: word })] };
  if (name === 'huy') {
    return requestDiscard(ctx, session.engineQuestion ? { ...session, engineQuestion: undefined } : session, flows);
  }
  if (accessFor(name, ctx.actor.who, ctx.inBlocGroup) === 'no') {
    const key = ctx.actor.who.includes('stranger') ? 'engine.registerFirst' : 'engine.notAllowed';
    return { session, replies: [reply(key, { command: name })] };
  }
  const flow = flows.get(name);
  if (!flow) return { session, replies: [reply('engine.notYetAvailable', { command: name })] };
  const active = activeOf(session, flows);
  const kept = flow.keep ? session.drafts[name] : undefined;
  if (flow.keep && kept && !expired(kept, ctx.now)) {
    const draft = flow.draftSchema.safeParse(kept.draft);
    if (draft.success) {
      const aside = active && active.name !== name ? park(ctx, session, flows) : { session, replies: [] };
      const resumed = reply('engine.resumed', { summary: flow.keep.progress(ctx, draft.data).summary });
      const outcome = await flow.keep.resume(ctx, draft.data, kept.step, args);
      return settle(ctx, aside.session, flows, name, outcome, kept.startedAt, [...aside.replies, resumed]);
    }
  }
  const lead = kept && expired(kept, ctx.now) ? [reply('engine.draftExpired')] : [];
  const outcome = await flow.start(ctx, args);
  if (!outcome.next) {
    // A one-shot command answers without disturbing a conversation in progress.
    const still = active ? [reply('engine.stillInFlow', { command: active.name })] : [];
    return { session, replies: [...lead, ...outcome.replies, ...still], lang: outcome.lang };
  }
  const aside = active && active.name !== name ? park(ctx, session, flows) : { session, replies: [] };
  const fresh = withoutDraft(aside.session, name);
  return settle(ctx, fresh, flows, name, outcome, ctx.now.toISOString(), [...lead, ...aside.replies]);
}

async function continueFlow(
  ctx: FlowContext,
  session: Session,
  flows: FlowRegistry,
  input: StepInput,
  { answered = false }: { answered?: boolean } = {},
): Promise<Routed> {
  const active = activeOf(session, flows);
  if (!active) return { session: idle(session), replies: [reply('engine.sessionReset')] };
  const { name, flow, conversation } = active;
  if (expired(conversation, ctx.now))
    return { session: idle(withoutDraft(session, name)), replies: [reply('engine.draftExpired')] };
  // Rights are checked at every step, not only at the start: a binding may change mid-conversation.
  if (accessFor(flow.command, ctx.actor.who, ctx.inBlocGroup) === 'no') {
    return {
      session: idle(withoutDraft(session, name)),
      replies: [reply('engine.notAllowed', { command: flow.command })],
    };
  }
  const step = flow.steps[conversation.step];
  const draft = flow.draftSchema.safeParse(conversation.draft);
  if (!step || !draft.success)
    return { session: idle(withoutDraft(session, name)), replies: [reply('engine.sessionReset')] };
  const outcome = await step(ctx, draft.data, input);
  // The answer is remembered (a repeated question is caught by it) unless it was one held back.
  const remembered: Session =
    input.text && !answered ? { ...session, lastAnswer: { text: input.text, at: ctx.now.toISOString() } } : session;
  if (outcome.discard) return requestDiscard(ctx, remembered, flows);
  return settle(ctx, remembered, flows, name as CommandName, outcome, conversation.startedAt);
}
