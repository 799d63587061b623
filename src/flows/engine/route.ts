import { reply, type Lang, type Reply } from '../../app/messages.ts';
import { accessFor, COMMAND_WORDS, resolveCommand, type CommandName } from '../../app/permissions.ts';
import { foldText } from '../../domain/text-fold.ts';
import { NAVIGATION_WORDS } from '../../domain/vocabulary.ts';
import { parseCommand } from './commands.ts';
import { attachPending, pickFromButton, pickFromText } from './pending.ts';
import { DRAFT_TTL_MS, emptySession, type Session } from './session.ts';
import type { Flow, FlowContext, StepInput, StepOutcome } from './types.ts';

export type FlowRegistry = ReadonlyMap<CommandName, Flow>;

export interface Routed {
  session: Session;
  replies: Reply[];
  lang?: Lang;
}

const CANCEL_WORDS: ReadonlySet<string> = new Set(NAVIGATION_WORDS.cancel);

/** A fresh session that keeps the nonce counter, so buttons of the old conversation stay stale. */
function reset(session: Session): Session {
  return { ...emptySession(), seq: session.seq };
}

/**
 * Decides what one update means: a command, an answer to the conversation in progress, a button, or
 * text outside any conversation (a hint, never silence, in private chats). Pure apart from the flows
 * it calls; the engine around it owns the transaction.
 */
export async function route(ctx: FlowContext, session: Session, flows: FlowRegistry): Promise<Routed> {
  const { inbound } = ctx;
  const text = (inbound.text ?? '').trim();
  const active = session.flow ? flows.get(session.flow as CommandName) : undefined;

  // An edit of an earlier message is not read: the figure it held may already be on its way.
  if (inbound.edited)
    return inbound.chatType === 'private'
      ? { session, replies: [reply('engine.editIgnored')] }
      : { session, replies: [] };

  if (inbound.optionId !== undefined) {
    const pick = pickFromButton(session.pending, inbound.optionId);
    if (pick.type !== 'option' || !active) return { session, replies: [reply('engine.staleButton')] };
    return continueFlow(ctx, session, active, { text: '', optionId: pick.optionId });
  }

  // Inside a conversation only slash commands are commands, so a name or an answer that happens to
  // be a command word ("xem") is taken as an answer.
  const command = text
    ? parseCommand(text, active ? 'group' : inbound.chatType, COMMAND_WORDS, ctx.services.telegramUsername)
    : undefined;
  if (command) return runCommand(ctx, session, flows, command.name, command.args);

  if (active) {
    if (CANCEL_WORDS.has(foldText(text))) return { session: reset(session), replies: [reply('engine.cancelled')] };
    const pick = pickFromText(session.pending, text, inbound.choicesAsButtons);
    if (pick.type === 'outOfRange') return { session, replies: [reply('engine.pickNumber', { count: pick.count })] };
    const input: StepInput = {
      text,
      optionId: pick.type === 'option' ? pick.optionId : undefined,
      photoRef: inbound.photoRef,
    };
    return continueFlow(ctx, session, active, input);
  }

  if (session.flow) return { session: reset(session), replies: [reply('engine.sessionReset')] };
  if (inbound.chatType === 'group') return { session, replies: [] };
  const hint = ctx.actor.who.includes('stranger') ? 'engine.hintStranger' : 'engine.hint';
  return { session, replies: [reply(hint)] };
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
    const key = session.flow ? 'engine.cancelled' : 'engine.nothingToCancel';
    return { session: reset(session), replies: [reply(key)] };
  }
  if (accessFor(name, ctx.actor.who, ctx.inBlocGroup) === 'no') {
    const key = ctx.actor.who.includes('stranger') ? 'engine.registerFirst' : 'engine.notAllowed';
    return { session, replies: [reply(key, { command: name })] };
  }
  const flow = flows.get(name);
  if (!flow) return { session, replies: [reply('engine.notYetAvailable', { command: name })] };
  const outcome = await flow.start(ctx, args);
  if (!outcome.next) {
    // A one-shot command answers without disturbing a conversation in progress.
    const replies = session.flow
      ? [...outcome.replies, reply('engine.stillInFlow', { command: session.flow })]
      : outcome.replies;
    return { session, replies, lang: outcome.lang };
  }
  // A new conversation replaces the one in progress: say so, a draft must not vanish unnoticed.
  const closed = session.flow ? [reply('engine.previousClosed', { command: session.flow })] : [];
  const fresh: Session = { ...reset(session), flow: name, startedAt: ctx.now.toISOString() };
  const routed = settle(ctx, fresh, outcome);
  return { ...routed, replies: [...closed, ...routed.replies] };
}

async function continueFlow(ctx: FlowContext, session: Session, flow: Flow, input: StepInput): Promise<Routed> {
  const started = session.startedAt ? Date.parse(session.startedAt) : ctx.now.getTime();
  if (ctx.now.getTime() - started > DRAFT_TTL_MS)
    return { session: reset(session), replies: [reply('engine.draftExpired')] };
  // Rights are checked at every step, not only at the start: a binding may change mid-conversation.
  if (accessFor(flow.command, ctx.actor.who, ctx.inBlocGroup) === 'no') {
    return { session: reset(session), replies: [reply('engine.notAllowed', { command: flow.command })] };
  }
  const step = session.step ? flow.steps[session.step] : undefined;
  const draft = flow.draftSchema.safeParse(session.draft);
  if (!step || !draft.success) return { session: reset(session), replies: [reply('engine.sessionReset')] };
  const outcome = await step(ctx, draft.data, input);
  return settle(ctx, session, outcome);
}

function settle(ctx: FlowContext, session: Session, outcome: StepOutcome<unknown>): Routed {
  const lang = outcome.lang;
  if (!outcome.next) return { session: reset(session), replies: outcome.replies, lang };
  const next: Session = { ...session, step: outcome.next.step, draft: outcome.next.draft };
  const tools = {
    lang: lang ?? ctx.actor.lang,
    labelText: ctx.services.labelText,
    randomBytes: ctx.services.randomBytes,
  };
  return { ...attachPending(next, outcome.replies, tools, outcome.next.expects), lang };
}
