import type { Inbound, Reply } from '../../app/messages.ts';
import { reply } from '../../app/messages.ts';
import type { AppServices } from '../../app/services.ts';
import type { CommandName } from '../../app/permissions.ts';
import { DomainError } from '../../domain/errors.ts';
import { isLang, type Lang } from '../../i18n/i18n.ts';
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

export type HandleResult = 'handled' | 'duplicate' | 'failed';

/**
 * Handles updates as design.md ("Nothing lost") says: per session key one after another; each in one
 * transaction that records the update id (a duplicate is skipped), applies the domain writes, saves
 * the session and puts the replies in the outbox. Replies are sent only after the commit
 * (`onCommitted` wakes the sender). Any error rolls everything back; the person then gets
 * `errors.generic` (or the DomainError's own message) in a second, small transaction.
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
        if (!(await repos.processedUpdates.markProcessed(inbound.channel, inbound.updateId, inbound.at))) return undefined;
        if (inbound.migratedToChatId) {
          await repos.groups.migrateChat(inbound.channel, inbound.chatId, inbound.migratedToChatId);
          return { session: undefined, changed: false };
        }
        await repos.people.touch(inbound.channel, inbound.userId, inbound.displayName, inbound.at);
        const lang = await this.languageOf(inbound);
        const read = readSession(await sessions.get(key));
        const before = read.session;
        if (!sessionInTransaction && before.lastUpdateId === inbound.updateId) return undefined;
        state = { flow: before.flow, step: before.step };
        const where = await resolveWhereabouts(inbound, this.services, lang);
        const ctx = { inbound, now: inbound.at, services: this.services, available: this.available, ...where };
        const routed = await route(ctx, before, this.flows);
        const replies = read.ok ? routed.replies : [reply('engine.sessionReset'), ...routed.replies];
        await this.enqueue(inbound, replies, routed.lang ?? lang);
        const session: Session = { ...routed.session, lastUpdateId: inbound.updateId };
        if (sessionInTransaction) await sessions.set(key, session, DRAFT_TTL_MS);
        return { session, changed: true };
      });
      if (!outcome) return 'duplicate';
      if (outcome.session && !sessionInTransaction) await sessions.set(key, outcome.session, DRAFT_TTL_MS);
      this.onCommitted();
      return 'handled';
    } catch (error) {
      return this.fail(inbound, error, state);
    }
  }

  private async languageOf(inbound: Inbound): Promise<Lang> {
    const person = await this.services.repos.people.get(inbound.channel, inbound.userId);
    return person?.language && isLang(person.language) ? person.language : 'vi';
  }

  private async enqueue(inbound: Inbound, replies: Reply[], lang: Lang): Promise<void> {
    if (replies.length === 0) return;
    await this.services.repos.outbox.enqueue(
      replies.map((r) => ({
        channel: r.to?.channel ?? inbound.channel,
        chatId: r.to?.chatId ?? inbound.chatId,
        // A notice to another chat is rendered in Vietnamese: its reader's choice is not known here.
        payload: toPayload(r, r.to ? 'vi' : lang),
        createdAt: inbound.at,
      })),
    );
  }

  /** The error boundary of one update: log (unless it is the user's mistake), answer, never throw. */
  private async fail(inbound: Inbound, error: unknown, state: { flow?: string; step?: string }): Promise<HandleResult> {
    const known = error instanceof DomainError;
    if (!known) {
      this.logger.error({ err: error, channel: inbound.channel, chatId: inbound.chatId, updateId: inbound.updateId, ...state }, 'update failed');
    }
    const answer = known ? reply(error.key, error.params) : reply('errors.generic');
    try {
      await this.services.repos.unitOfWork.run(async () => {
        // Record the update so a redelivery does not fail the same way again and again.
        await this.services.repos.processedUpdates.markProcessed(inbound.channel, inbound.updateId, inbound.at);
        await this.enqueue(inbound, [answer], await this.languageOf(inbound));
      });
      this.onCommitted();
    } catch (inner) {
      this.logger.error({ err: inner, channel: inbound.channel, chatId: inbound.chatId }, 'could not record the failure');
    }
    return 'failed';
  }
}
