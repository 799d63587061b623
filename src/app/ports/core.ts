/**
 * The interfaces the use-cases need (design.md, "Layers"). `src/storage/` implements them; the app
 * layer never imports storage, keyv or a driver. Instants are `Date`s; calendar days are
 * 'YYYY-MM-DD' strings; a `channel` is the channel's name ('telegram', 'zalo', 'console').
 */
import type { AuditActor } from '../../domain/submission.ts';

export type Language = 'vi' | 'en';

/** Who acted, as recorded beside a write (the domain's audit actor: channel, user id, name). */
export type { AuditActor };

/**
 * One database transaction. Every repository call made inside `fn` joins it (the storage layer finds
 * it through AsyncLocalStorage), and so does the default session store: the update id, the domain
 * writes, the session and the outbox rows commit together or not at all. A nested `run` joins the
 * outer transaction. If `fn` throws, everything is rolled back and the error is rethrown.
 */
export interface UnitOfWork {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): Date;
}

/**
 * Structured logging as every layer sees it (pino's Logger satisfies it): fields first, then the
 * message. `child` adds fields to every line after it: the engine gives each update a child with
 * its channel, chat and update id, and the flow and step once known.
 */
export interface Log {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
  child(fields: Record<string, unknown>): Log;
}

/** Incoming update ids already applied (design.md, "Nothing lost"). */
export interface ProcessedUpdates {
  /** Records the id; false if it was recorded before (exact-id match, never "greater than"). */
  markProcessed(channel: string, updateId: string, at: Date): Promise<boolean>;
  /** Forgets ids recorded before `before` (platforms do not resend after a day); returns how many. */
  purgeBefore(before: Date): Promise<number>;
}

/**
 * Session storage as the conversations see it: a keyv instance satisfies it. `ttlMs` is the life of
 * the value; a store error rejects (a lost session write must never pass silently).
 */
export interface SessionStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttlMs?: number): Promise<boolean>;
  delete(key: string): Promise<boolean>;
}
