import { reply, isLang, type Inbound, type Lang, type Reply } from '../../app/messages.ts';
import { toPayload } from '../../app/outbox-payload.ts';
import type { CommandName } from '../../app/permissions.ts';
import { HELD_UNTIL } from '../../app/ports/delivery.ts';
import type { Log, Person } from '../../app/ports.ts';
import type { AppServices } from '../../app/services.ts';
import { resolveWhereabouts } from './actor.ts';
import { closeDraftNow, type CloseOutcome, type CloseRequest } from './close-draft.ts';
import { KeyQueue } from './key-queue.ts';
import { route, type FlowRegistry, type Routed } from './route.ts';
import { DRAFT_TTL_MS, readSession, SESSION_VERSION, sessionKey, type Session } from './session.ts';

/** Held replies whose session write never happened (a crash after the commit) expire unsent. */
const HELD_EXPIRY_MS = 5 * 60_000;

/**
 * `failed`: the update was recorded and the person told (errors.generic). `unrecorded`: not even that
 * could be written (the database is down): the channel must not acknowledge the update, so the
 * platform delivers it again.
 */
export type HandleResult = 'handled' | 'duplicate' | 'failed' | 'unrecorded';

/** How old a person's last-seen time may grow before an update refreshes it (People.touch). */
export const LAST_SEEN_PRECISION_MS = 60 * 60_000;

function languageOf(person: Person | undefined): Lang {
  return person?.language && isLang(person.language) ? person.language : 'vi';
}

/** Whether a stored value already has the current session shape (else it is written back migrated). */
function isCurrent(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { v?: unknown }).v === SESSION_VERSION;
}

/**
 * Handles updates as design.md ("Nothing lost") says: per session key one after another; each in one
 * transaction that records the update id (a duplicate is skipped), applies the domain writes, saves
 * the session (only if it changed) and puts the replies in the outbox. Replies are sent only after
 * the commit (`onCommitted` wakes the sender). Any error rolls everything back; the person then gets
 * `errors.generic` in a second, small transaction. Each update logs through a child logger with its
 * channel, chat and update id, and the flow and step it met.
 */
export class ConversationEngine {
  private readonly queue = new KeyQueue();
  /** The commands that are built: help, menus and replies name only these. */
  readonly available: ReadonlySet<CommandName>;

  constructor(
    private readonly services: AppServices,
    private readonly flows: FlowRegistry,
    private readonly log: Log,
    private readonly onCommitted: () => void = () => {},
  ) {
    this.available = new Set([...flows.keys(), 'huy']);
  }

  handle(inbound: Inbound): Promise<HandleResult> {
    const key = sessionKey(inbound.channel, inbound.chatId, inbound.userId);
    const log = this.log.child({ channel: inbound.channel, chatId: inbound.chatId, updateId: inbound.updateId });
    return this.queue.run(key, () => this.handleNow(inbound, key, log));
  }

  /**
   * Runs `task` in the turn of the session `key`, after updates of that person already queued and
   * before later ones: a job closing a draft never races the person's own messages.
   */
  inTurn<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(key, task);
  }

  /**
   * Closes an indexed draft in its session's turn (the lock job): see `closeDraftNow`. Throws only
   * when the database fails; the caller logs it and a later run tries again.
   */
  closeDraft(request: CloseRequest): Promise<CloseOutcome> {
    const tools = {
      services: this.services,
      flows: this.flows,
      log: this.log,
      onCommitted: this.onCommitted,
      heldExpiryMs: HELD_EXPIRY_MS,
    };
    return this.queue.run(request.draft.sessionKey, () => closeDraftNow(tools, request));
  }

  /** Resolves when every update accepted so far has been handled (graceful shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async handleNow(inbound: Inbound, key: string, updateLog: Log): Promise<HandleResult> {
    const { repos, sessions, sessionInTransaction } = this.services;
    let log = updateLog;
    try {
      const outcome = await repos.unitOfWork.run(async () => {
        if (!(await repos.processedUpdates.markProcessed(inbound.channel, inbound.updateId, inbound.at)))
          return undefined;
        if (inbound.migratedToChatId) {
          await repos.groups.migrateChat(inbound.channel, inbound.chatId, inbound.migratedToChatId);
          return { write: undefined, held: [] };
        }
        const lang = await this.seen(inbound);
        const raw = await sessions.get(key);
        const read = readSession(raw, inbound.at);
        const before = read.session;
        const step = before.active ? before.drafts[before.active]?.step : undefined;
        log = updateLog.child({ flow: before.active, step });
        const where = await resolveWhereabouts(inbound, this.services, lang);
        // They wrote: whatever refused a message to them before, they can be reached again.
        if (where.actor.registrations.some((r) => r.unreachableSince)) {
          await repos.registrations.clearUnreachable(inbound.channel, inbound.userId);
        }
        const ctx = { inbound, now: inbound.at, services: this.services, available: this.available, log, ...where };
        const routed = await route(ctx, before, this.flows);
        // Routing hands back the very session it was given when nothing changed; an older version
        // read (migrated) is written back in the new shape.
        const changed = routed.session !== before || (raw !== undefined && !isCurrent(raw));
        const session =
          changed && routed.session.seq === before.seq ? { ...routed.session, seq: before.seq + 1 } : routed.session;
        const replies = read.ok ? routed.replies : [reply('engine.sessionReset'), ...routed.replies];
        // With an external session store the session is written after the commit: hold the replies
        // until it is, so nobody sees the next question while the session still waits at this one.
        const held = changed && !sessionInTransaction;
        const ids = await this.enqueue(inbound, replies, routed.lang ?? lang, {
          held,
          asks: this.asks(routed, key, session),
        });
        if (changed) await this.indexDrafts(key, before, session, where.bloc?.id, inbound.at);
        if (changed && sessionInTransaction) await sessions.set(key, session, DRAFT_TTL_MS);
        return { write: changed && !sessionInTransaction ? session : undefined, held: held ? ids : [] };
      });
      if (!outcome) return 'duplicate';
      if (outcome.write) await this.saveAfterCommit(inbound, key, outcome.write, outcome.held, log);
      this.onCommitted();
      return 'handled';
    } catch (error) {
      return this.fail(inbound, error, log);
    }
  }

  /**
   * Keeps the index of report drafts in step with the session, in the update's transaction: a draft
   * that appeared, moved to another period or ended is written; the others cost nothing.
   */
  private async indexDrafts(key: string, before: Session, after: Session, blocId: string | undefined, at: Date) {
    const { openDrafts } = this.services.repos;
    for (const [command, flow] of this.flows) {
      const reportsFor = flow.keep?.reportsFor;
      if (!reportsFor) continue;
      const of = (session: Session) => reportsFor(session.drafts[command]?.draft);
      const [was, now] = [of(before), of(after)];
      if (was?.unitId === now?.unitId && was?.periodId === now?.periodId) continue;
      if (now && blocId) await openDrafts.put({ sessionKey: key, command, blocId, ...now }, at);
      else await openDrafts.remove(key, command);
    }
  }

  /** The question the last reply asks, so the outbox can tell later whether it was moved past. */
  private asks(routed: Routed, key: string, session: Session): { sessionKey: string; seq: number } | undefined {
    return routed.asks ? { sessionKey: key, seq: session.seq } : undefined;
  }

  /**
   * The weaker mode (README): the session goes to Redis or PostgreSQL after the commit. If that
   * write fails, the held replies are dropped and the person is asked to send the message again,
   * which then meets the session as it was. A crash in between leaves held rows that expire unsent.
   */
  private async saveAfterCommit(
    inbound: Inbound,
    key: string,
    session: Session,
    held: number[],
    log: Log,
  ): Promise<void> {
    const { repos, sessions } = this.services;
    try {
      await sessions.set(key, session, DRAFT_TTL_MS);
      await repos.outbox.release(held, this.services.clock.now());
    } catch (error) {
      log.error({ err: error }, 'session write failed');
      await repos.unitOfWork.run(async () => {
        await repos.outbox.drop(held, this.services.clock.now());
        await this.enqueue(inbound, [reply('engine.sessionNotSaved')], await this.languageOf(inbound));
      });
    }
  }

  /**
   * Records the sender as seen and returns their language. Read first, written only when something
   * changed (a new person, another display name) or the last-seen time is an hour old: a write on
   * every update would cost a statement and a page in every commit for a time nobody needs to the
   * second.
   */
  private async seen(inbound: Inbound): Promise<Lang> {
    const { people } = this.services.repos;
    const person = await people.get(inbound.channel, inbound.userId);
    const stale =
      person === undefined ||
      person.displayName !== inbound.displayName ||
      inbound.at.getTime() - person.lastSeenAt.getTime() >= LAST_SEEN_PRECISION_MS;
    if (stale) await people.touch(inbound.channel, inbound.userId, inbound.displayName, inbound.at);
    return languageOf(person);
  }

  private async languageOf(inbound: Inbound): Promise<Lang> {
    return languageOf(await this.services.repos.people.get(inbound.channel, inbound.userId));
  }

  private async enqueue(
    inbound: Inbound,
    replies: Reply[],
    lang: Lang,
    { held = false, asks }: { held?: boolean; asks?: { sessionKey: string; seq: number } } = {},
  ): Promise<number[]> {
    if (replies.length === 0) return [];
    const now = this.services.clock.now();
    const last = replies.length - 1;
    return this.services.repos.outbox.enqueue(
      replies.map((r, i) => ({
        channel: r.to?.channel ?? inbound.channel,
        chatId: r.to?.chatId ?? inbound.chatId,
        // A notice to another chat is rendered in Vietnamese: its reader's choice is not known here.
        payload: toPayload(r, r.to ? 'vi' : lang),
        createdAt: now,
        ...(i === last && asks && !r.to ? { question: asks } : {}),
        ...(held ? { nextAttemptAt: HELD_UNTIL, expiresAt: new Date(now.getTime() + HELD_EXPIRY_MS) } : {}),
      })),
    );
  }

  /** The error boundary of one update: log, answer `errors.generic`, never throw. */
  private async fail(inbound: Inbound, error: unknown, log: Log): Promise<HandleResult> {
    log.error({ err: error }, 'update failed');
    try {
      await this.services.repos.unitOfWork.run(async () => {
        // Record the update so a redelivery does not fail the same way again and again.
        await this.services.repos.processedUpdates.markProcessed(inbound.channel, inbound.updateId, inbound.at);
        await this.enqueue(inbound, [reply('errors.generic')], await this.languageOf(inbound));
      });
      this.onCommitted();
    } catch (inner) {
      log.error({ err: inner }, 'could not record the failure');
      return 'unrecorded';
    }
    return 'failed';
  }
}

/**
 * Whether the person has moved past the question an outbox row asks: their session changed since it
 * was asked (`Session.seq`). A row sent again after a crash is dropped then, so a repeated question
 * never makes an answer land on the wrong indicator.
 */
export async function questionMovedPast(
  sessions: AppServices['sessions'],
  question: { sessionKey: string; seq: number },
  now: Date,
): Promise<boolean> {
  const read = readSession(await sessions.get(question.sessionKey), now);
  return read.session.seq > question.seq;
}
