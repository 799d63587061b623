import { isLang, type Lang, type Message, type Reply } from '../../app/messages.ts';
import { toPayload } from '../../app/outbox-payload.ts';
import type { CommandName } from '../../app/permissions.ts';
import { HELD_UNTIL } from '../../app/ports/delivery.ts';
import type { Log, OpenDraft } from '../../app/ports.ts';
import type { AppServices } from '../../app/services.ts';
import { idle, withoutDraft, type FlowRegistry } from './conversations.ts';
import { DRAFT_TTL_MS, readSession, sessionChat, type Session } from './session.ts';

/**
 * `closed`: the draft left the session and the person was told. `stale`: the session no longer
 * holds that draft (the index row was behind): the row is put right, nothing is sent. `kept`: the
 * caller's check said no inside the transaction (a reopening came in between). `taken`: another run
 * (another process) closed it first. `failed`: the session could not be written afterwards (the
 * weaker mode): nothing was sent and the index row is back, so a later run tries again.
 */
export type CloseOutcome = 'closed' | 'stale' | 'kept' | 'taken' | 'failed';

/** A draft to close, as the index knows it, and what to say. */
export interface CloseRequest {
  draft: OpenDraft;
  /** Checked inside the transaction, after the session is read: whether closing is still right. */
  stillWanted(): Promise<boolean>;
  /** The notice, given what the draft held (its flow's summary, when the draft can be read). */
  notice(summary: Message | undefined): Reply;
}

export interface CloseTools {
  services: AppServices;
  flows: FlowRegistry;
  log: Log;
  onCommitted(): void;
  /** How long a held notice may wait for its session write before it expires unsent. */
  heldExpiryMs: number;
}

interface Decided {
  outcome: CloseOutcome;
  write?: Session;
  held?: number[];
}

/**
 * Closes one indexed draft, in the session's turn (the caller runs it in the key queue): in one
 * transaction the index row goes, the session loses the draft (and its conversation, if it was the
 * one in progress) and the notice enters the outbox. Removing the index row is the claim: of two
 * runs, only the one that removed it tells the person. With an external session store the session
 * is written after the commit and the notice is held until it is, as for a person's own update.
 */
export async function closeDraftNow(tools: CloseTools, request: CloseRequest): Promise<CloseOutcome> {
  const { repos } = tools.services;
  const decided = await repos.unitOfWork.run(() => decide(tools, request));
  if (decided.write) {
    const saved = await saveAfterCommit(tools, request, decided.write, decided.held ?? []);
    if (!saved) return 'failed';
  }
  if (decided.outcome === 'closed') tools.onCommitted();
  return decided.outcome;
}

async function decide(tools: CloseTools, request: CloseRequest): Promise<Decided> {
  const { services, flows } = tools;
  const { openDrafts } = services.repos;
  const { sessionKey: key, command } = request.draft;
  const now = services.clock.now();
  const read = readSession(await services.sessions.get(key), now);
  const flow = flows.get(command as CommandName);
  const conversation = read.ok ? read.session.drafts[command] : undefined;
  const holds = conversation ? flow?.keep?.reportsFor?.(conversation.draft) : undefined;
  const chat = sessionChat(key);
  if (!holds || !chat) {
    await openDrafts.remove(key, command);
    return { outcome: 'stale' };
  }
  if (holds.unitId !== request.draft.unitId || holds.periodId !== request.draft.periodId) {
    // The session moved on and its index row did not follow: the row says what the session holds.
    await openDrafts.put({ ...request.draft, ...holds }, now);
    return { outcome: 'stale' };
  }
  if (!(await request.stillWanted())) return { outcome: 'kept' };
  if (!(await openDrafts.remove(key, command))) return { outcome: 'taken' };

  const bloc = services.blocs.get(request.draft.blocId);
  const parsed = flow?.draftSchema.safeParse(conversation?.draft);
  const summary = parsed?.success ? flow?.keep?.progress({ bloc }, parsed.data).summary : undefined;
  const session = closed(read.session, command);
  const held = !services.sessionInTransaction;
  const person = await services.repos.people.get(chat.channel, chat.userId);
  const lang: Lang = person?.language && isLang(person.language) ? person.language : 'vi';
  const ids = await services.repos.outbox.enqueue([
    {
      channel: chat.channel,
      chatId: chat.chatId,
      payload: toPayload(request.notice(summary), lang),
      priority: 'bulk',
      createdAt: now,
      ...(held ? { nextAttemptAt: HELD_UNTIL, expiresAt: new Date(now.getTime() + tools.heldExpiryMs) } : {}),
    },
  ]);
  if (!held) {
    await services.sessions.set(key, session, DRAFT_TTL_MS);
    return { outcome: 'closed' };
  }
  return { outcome: 'closed', write: session, held: ids };
}

/**
 * The session without the draft; if it was the conversation in progress, none is now. `seq` moves
 * on, so a question of the closed draft still in the outbox is recognised as moved past.
 */
function closed(session: Session, command: string): Session {
  const without = withoutDraft(session, command);
  const next = session.active === command ? idle(without) : without;
  return { ...next, seq: session.seq + 1 };
}

/** The weaker mode: write the session, then let the notice go; if the write fails, undo the close. */
async function saveAfterCommit(tools: CloseTools, request: CloseRequest, session: Session, held: number[]) {
  const { repos, sessions, clock } = tools.services;
  try {
    await sessions.set(request.draft.sessionKey, session, DRAFT_TTL_MS);
    await repos.outbox.release(held, clock.now());
    return true;
  } catch (error) {
    tools.log.error({ err: error, sessionKey: request.draft.sessionKey }, 'closing a draft: session write failed');
    await repos.unitOfWork.run(async () => {
      await repos.outbox.drop(held, clock.now());
      await repos.openDrafts.put(request.draft, clock.now());
    });
    return false;
  }
}
