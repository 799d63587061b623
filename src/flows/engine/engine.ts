import type { Inbound, Reply } from '../../app/messages.ts';
import { reply } from '../../app/messages.ts';
import type { AppServices } from '../../app/services.ts';
import type { CommandName } from '../../app/permissions.ts';
import { isLang, type Lang } from '../../app/messages.ts';
import { HELD_UNTIL } from '../../app/ports/delivery.ts';
import type { Person } from '../../app/ports.ts';
import { resolveWhereabouts } from './actor.ts';
import { KeyQueue } from './key-queue.ts';
import { toPayload } from '../../app/outbox-payload.ts';
import { route, type FlowRegistry } from './route.ts';
import { DRAFT_TTL_MS, readSession, sessionKey, type Session } from './session.ts';

/** The logging the engine needs; pino's Logger satisfies it. */
export interface EngineLogger {
  error(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/**
 * `failed`: the update was recorded and the person told (errors.generic). `unrecorded`: not even that
 * could be written (the database is down): the channel must not acknowledge the update, so the
 * platform delivers it again.
 */
/** Held replies whose session write never happened (a crash after the commit) expire unsent. */
const HELD_EXPIRY_MS = 5 * 60_000;

export type HandleResult = 'handled' | 'duplicate' | 'failed' | 'unrecorded';

/** How old a person's last-seen time may grow before an update refreshes it (People.touch). */
export const LAST_SEEN_PRECISION_MS = 60 * 60_000;

function languageOf(person: Person | undefined): Lang {
  return person?.language && isLang(person.language) ? person.language : 'vi';
}

/**
 * Handles updates as design.md ("Nothing lost") says: per session key one after another; each in one
 * transaction that records the update id (a duplicate is skipped), applies the domain writes, saves
 * the session and puts the replies in the outbox. Replies are sent only after the commit
 * (`onCommitted` wakes the sender). Any error rolls everything back; the person then gets
 * `errors.generic` in a second, small transaction.
 */
export class ConversationEngine {
  private readonly queue = new KeyQueue();
  private readonly available: ReadonlySet<CommandName>;

  constructor(
    private readonly services: AppServices,
    private readonly flows: FlowRegistry,
    private readonly logger: EngineLogger,
    private readonly onCommitted: () => void = () => {},
  ) {
    this.available = new Set([...flows.keys(), 'huy']);
  }

  handle(inbound: Inbound): Promise<HandleResult> {
    const key = sessionKey(inbound.channel, inbound.chatId, inbound.userId);
    return this.queue.run(key, () => this.handleNow(inbound, key));
  }

  /** Resolves when every update accepted so far has been handled (graceful shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async handleNow(inbound: Inbound, key: string): Promise<HandleResult> {
    const { repos, sessions, sessionInTransaction } = this.services;
    let state: { flow?: string; step?: string } = {};
    try {
      const outcome = await repos.unitOfWork.run(async () => {
        if (!(await repos.processedUpdates.markProcessed(inbound.channel, inbound.updateId, inbound.at)))
          return undefined;
        if (inbound.migratedToChatId) {
          await repos.groups.migrateChat(inbound.channel, inbound.chatId, inbound.migratedToChatId);
          return { session: undefined, changed: false };
        }
        const lang = await this.seen(inbound);
        const read = readSession(await sessions.get(key));
        const before = read.session;
        state = { flow: before.flow, step: before.step };
        const where = await resolveWhereabouts(inbound, this.services, lang);
        const ctx = { inbound, now: inbound.at, services: this.services, available: this.available, ...where };
        const routed = await route(ctx, before, this.flows);
        const replies = read.ok ? routed.replies : [reply('engine.sessionReset'), ...routed.replies];
        // With an external session store the session is written after the commit: hold the replies
        // until it is, so nobody sees the next question while the session still waits at this one.
        const ids = await this.enqueue(inbound, replies, routed.lang ?? lang, !sessionInTransaction);
        const session: Session = { ...routed.session, lastUpdateId: inbound.updateId };
        if (sessionInTransaction) await sessions.set(key, session, DRAFT_TTL_MS);
        return { session, held: sessionInTransaction ? [] : ids };
      });
      if (!outcome) return 'duplicate';
      if (outcome.session && !sessionInTransaction)
        await this.saveAfterCommit(inbound, key, outcome.session, outcome.held);
      this.onCommitted();
      return 'handled';
    } catch (error) {
      return this.fail(inbound, error, state);
    }
  }

  /**
   * The weaker mode (README): the session goes to Redis or PostgreSQL after the commit. If that
   * write fails, the held replies are dropped and the person is asked to send the message again,
   * which then meets the session as it was. A crash in between leaves held rows that expire unsent.
   */
  private async saveAfterCommit(inbound: Inbound, key: string, session: Session, held: number[]): Promise<void> {
    const { repos, sessions } = this.services;
    try {
      await sessions.set(key, session, DRAFT_TTL_MS);
      await repos.outbox.release(held, this.services.clock.now());
    } catch (error) {
      this.logger.error(
        { err: error, channel: inbound.channel, chatId: inbound.chatId, updateId: inbound.updateId },
        'session write failed',
      );
      await repos.unitOfWork.run(async () => {
        await repos.outbox.drop(held, this.services.clock.now());
        await this.enqueue(inbound, [reply('engine.sessionNotSaved')], await this.languageOf(inbound), false);
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

  private async enqueue(inbound: Inbound, replies: Reply[], lang: Lang, held = false): Promise<number[]> {
    if (replies.length === 0) return [];
    const now = this.services.clock.now();
    return this.services.repos.outbox.enqueue(
      replies.map((r) => ({
        channel: r.to?.channel ?? inbound.channel,
        chatId: r.to?.chatId ?? inbound.chatId,
        // A notice to another chat is rendered in Vietnamese: its reader's choice is not known here.
        payload: toPayload(r, r.to ? 'vi' : lang),
        createdAt: now,
        ...(held ? { nextAttemptAt: HELD_UNTIL, expiresAt: new Date(now.getTime() + HELD_EXPIRY_MS) } : {}),
      })),
    );
  }

  /** The error boundary of one update: log (unless it is the user's mistake), answer, never throw. */
  private async fail(inbound: Inbound, error: unknown, state: { flow?: string; step?: string }): Promise<HandleResult> {
    this.logger.error(
      { err: error, channel: inbound.channel, chatId: inbound.chatId, updateId: inbound.updateId, ...state },
      'update failed',
    );
    const answer = reply('errors.generic');
    try {
      await this.services.repos.unitOfWork.run(async () => {
        // Record the update so a redelivery does not fail the same way again and again.
        await this.services.repos.processedUpdates.markProcessed(inbound.channel, inbound.updateId, inbound.at);
        await this.enqueue(inbound, [answer], await this.languageOf(inbound));
      });
      this.onCommitted();
    } catch (inner) {
      this.logger.error(
        { err: inner, channel: inbound.channel, chatId: inbound.chatId },
        'could not record the failure',
      );
      return 'unrecorded';
    }
    return 'failed';
  }
}
