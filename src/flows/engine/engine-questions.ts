import { msg, reply, type Reply } from '../../app/messages.ts';
import { foldText } from '../../domain/text-fold.ts';
import { YES_WORDS } from '../../domain/vocabulary.ts';
import {
  activeOf,
  idle,
  parkedReminders,
  progressOf,
  withoutDraft,
  type FlowRegistry,
  type Routed,
} from './conversations.ts';
import { attachPending, pickFromButton, pickFromText } from './pending.ts';
import { sessionKey, type EngineQuestion, type Session } from './session.ts';
import type { FlowContext, StepInput } from './types.ts';

/**
 * Questions the engine asks itself before going on, so nothing a person typed is lost or misplaced:
 * "discard this draft?" (/huy, a cancel word or choice over a draft that holds figures) and "did you
 * mean this again?" (the same answer twice within seconds of a question sent twice after a crash).
 */

/** An answer identical to the previous one this soon after it may be a reply to a repeated question. */
export const REPEAT_WINDOW_MS = 90_000;

const YES = 'yes';
const NO = 'no';

function ask(ctx: FlowContext, session: Session, kind: EngineQuestion['kind'], question: Reply, text?: string): Routed {
  const tools = { lang: ctx.actor.lang, labelText: ctx.services.labelText, randomBytes: ctx.services.randomBytes };
  const asked = attachPending(session.seq, [question], tools, 'choice');
  if (!asked.pending) throw new Error('an engine question without choices');
  const engineQuestion: EngineQuestion = { kind, pending: asked.pending, ...(text === undefined ? {} : { text }) };
  return { session: { ...session, seq: asked.seq, engineQuestion }, replies: asked.replies, asks: true };
}

/** The person wants the active draft gone: at once if it holds nothing typed, else after a yes. */
export function requestDiscard(ctx: FlowContext, session: Session, flows: FlowRegistry): Routed {
  const active = activeOf(session, flows);
  if (!active) return { session: idle(session), replies: [reply('engine.nothingToCancel')] };
  const progress = progressOf(ctx, active.flow, active.conversation);
  if (!progress?.typed) return discardNow(ctx, session, flows, active.name);
  const choices = [
    [{ id: YES, label: msg('engine.choice.discard') }],
    [{ id: NO, label: msg('engine.choice.keepDraft') }],
  ];
  return ask(ctx, session, 'discard', reply('engine.discardConfirm', { summary: progress.summary }, { choices }));
}

function discardNow(ctx: FlowContext, session: Session, flows: FlowRegistry, name: string): Routed {
  const ended = idle(withoutDraft(session, name));
  return { session: ended, replies: [reply('engine.cancelled'), ...parkedReminders(ctx, ended, flows)] };
}

/**
 * Whether `text` should be held back: the same as the answer before it, within seconds, while a
 * question was just sent a second time (outbox rows go at least once: after a crash a question may
 * reach the person again after they answered it, and their second identical answer, meant for that
 * repeated question, would land on the next one).
 */
export async function looksRepeated(ctx: FlowContext, session: Session, text: string): Promise<boolean> {
  const last = session.lastAnswer;
  if (!last || last.text !== text) return false;
  const since = new Date(ctx.now.getTime() - REPEAT_WINDOW_MS);
  if (Date.parse(last.at) < since.getTime()) return false;
  const { channel, chatId, userId } = ctx.inbound;
  return ctx.services.repos.outbox.questionResentSince(sessionKey(channel, chatId, userId), since);
}

export function askAboutRepeat(ctx: FlowContext, session: Session, text: string): Routed {
  const choices = [
    [{ id: YES, label: msg('engine.choice.repeatMeant') }],
    [{ id: NO, label: msg('engine.choice.repeatIgnore') }],
  ];
  return ask(ctx, session, 'repeat', reply('engine.repeatConfirm', { text }, { choices }), text);
}

/**
 * The answer to an engine question. `goOn(text)` feeds an answer to the active conversation;
 * `resume()` asks its current question again.
 */
export async function answerEngineQuestion(
  ctx: FlowContext,
  session: Session,
  flows: FlowRegistry,
  input: StepInput & { button?: string },
  goOn: (session: Session, text: string) => Promise<Routed>,
  resume: (session: Session, lead: Reply[]) => Promise<Routed>,
): Promise<Routed> {
  const question = session.engineQuestion;
  if (!question) return resume(session, []);
  const pick =
    input.button !== undefined
      ? pickFromButton(question.pending, input.button)
      : pickFromText(question.pending, input.text, ctx.inbound.choicesAsButtons);
  if (pick.type === 'stale') return { session, replies: [reply('engine.staleButton')] };
  const yes =
    (pick.type === 'option' && pick.optionId === YES) ||
    (pick.type === 'none' && YES_WORDS.includes(foldText(input.text)));
  const cleared: Session = { ...session, engineQuestion: undefined };
  const active = activeOf(session, flows);
  if (question.kind === 'discard') {
    if (yes && active) return discardNow(ctx, cleared, flows, active.name);
    return resume(cleared, [reply('engine.draftNotDiscarded')]);
  }
  if (yes && question.text !== undefined) return goOn({ ...cleared, lastAnswer: undefined }, question.text);
  return resume(cleared, [reply('engine.repeatIgnored')]);
}
