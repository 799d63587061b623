import { reply, type Lang, type Reply } from '../../app/messages.ts';
import type { CommandName } from '../../app/permissions.ts';
import { attachPending } from './pending.ts';
import { DRAFT_TTL_MS, type Conversation, type Session } from './session.ts';
import type { Flow, FlowContext, StepOutcome } from './types.ts';

export type FlowRegistry = ReadonlyMap<CommandName, Flow>;

/** What routing one update came to: the next session, the replies, and whether the last one asks. */
export interface Routed {
  session: Session;
  replies: Reply[];
  lang?: Lang;
  /** The last reply asks a question the person is now expected to answer. */
  asks?: boolean;
}

export interface Active {
  name: CommandName;
  flow: Flow;
  conversation: Conversation;
}

/** The conversation in progress, if its flow still exists. */
export function activeOf(session: Session, flows: FlowRegistry): Active | undefined {
  const name = session.active as CommandName | undefined;
  const flow = name ? flows.get(name) : undefined;
  const conversation = name ? session.drafts[name] : undefined;
  return name && flow && conversation ? { name, flow, conversation } : undefined;
}

export function expired(conversation: Conversation, now: Date): boolean {
  return now.getTime() - Date.parse(conversation.startedAt) > DRAFT_TTL_MS;
}

export function withoutDraft(session: Session, name: string): Session {
  const { [name]: _gone, ...drafts } = session.drafts;
  return { ...session, drafts, active: session.active === name ? undefined : session.active };
}

/** No conversation in progress; the drafts of others stay. The same object when already so. */
export function idle(session: Session): Session {
  if (session.active === undefined && !session.engineQuestion && !session.lastAnswer) return session;
  return { ...session, active: undefined, engineQuestion: undefined, lastAnswer: undefined };
}

/** What a kept draft holds, when its flow keeps drafts and can read it. */
export function progressOf(ctx: FlowContext, flow: Flow, conversation: Conversation) {
  if (!flow.keep) return undefined;
  const draft = flow.draftSchema.safeParse(conversation.draft);
  return draft.success ? flow.keep.progress(ctx, draft.data) : undefined;
}

/**
 * Sets the conversation in progress aside: a draft worth keeping stays (and the person is told how
 * to come back to it), any other is dropped.
 */
export function park(ctx: FlowContext, session: Session, flows: FlowRegistry): { session: Session; replies: Reply[] } {
  const active = activeOf(session, flows);
  if (!active) return { session: idle(session), replies: [] };
  const progress = progressOf(ctx, active.flow, active.conversation);
  // Nothing typed yet (a report at its first question): nothing to lose, nothing to say.
  if (!progress?.typed) return { session: idle(withoutDraft(session, active.name)), replies: [] };
  const { pending: _stale, ...kept } = active.conversation;
  return {
    session: idle({ ...session, drafts: { ...session.drafts, [active.name]: kept } }),
    replies: [reply('engine.draftKept', { summary: progress.summary, command: active.name })],
  };
}

/** Drafts set aside, still alive, for a reminder that they wait ("gõ /baocao để tiếp tục"). */
export function parkedReminders(ctx: FlowContext, session: Session, flows: FlowRegistry): Reply[] {
  const replies: Reply[] = [];
  for (const [name, conversation] of Object.entries(session.drafts)) {
    const flow = flows.get(name as CommandName);
    if (name === session.active || !flow || expired(conversation, ctx.now)) continue;
    const progress = progressOf(ctx, flow, conversation);
    if (progress) replies.push(reply('engine.draftWaiting', { summary: progress.summary, command: name }));
  }
  return replies;
}

/** Drops parked drafts past their life (14 days): they are not offered again. */
export function pruneExpired(session: Session, now: Date): Session {
  const entries = Object.entries(session.drafts).filter(([name, c]) => name === session.active || !expired(c, now));
  return entries.length === Object.keys(session.drafts).length
    ? session
    : { ...session, drafts: Object.fromEntries(entries) };
}

/**
 * Applies what a step (or a start) decided to conversation `name`: it goes on at the next step with
 * a fresh pending question, or it ended (its draft goes; drafts waiting elsewhere are recalled).
 * A request to discard is handled by the caller (`discard`).
 */
export function settle(
  ctx: FlowContext,
  session: Session,
  flows: FlowRegistry,
  name: CommandName,
  outcome: StepOutcome<unknown>,
  startedAt: string,
  lead: Reply[] = [],
): Routed {
  const lang = outcome.lang;
  if (!outcome.next) {
    const ended = idle(withoutDraft(session, name));
    return { session: ended, replies: [...lead, ...outcome.replies, ...parkedReminders(ctx, ended, flows)], lang };
  }
  const tools = {
    lang: lang ?? ctx.actor.lang,
    labelText: ctx.services.labelText,
    randomBytes: ctx.services.randomBytes,
  };
  const asked = attachPending(session.seq, outcome.replies, tools, outcome.next.expects);
  const conversation: Conversation = { step: outcome.next.step, draft: outcome.next.draft, startedAt };
  if (asked.pending) conversation.pending = asked.pending;
  const next: Session = {
    ...session,
    seq: asked.seq,
    active: name,
    engineQuestion: undefined,
    drafts: { ...session.drafts, [name]: conversation },
  };
  return { session: next, replies: [...lead, ...asked.replies], lang, asks: true };
}
