import type { AuditActor } from '../domain/submission.ts';

/**
 * Conversions between rows and domain values. Instants are stored as `toISOString()` text: fixed
 * width, UTC, so text order is time order in both databases.
 */
export function iso(date: Date): string {
  return date.toISOString();
}

export function isoOrNull(date: Date | undefined): string | null {
  return date === undefined ? null : date.toISOString();
}

export function toDate(text: string): Date {
  return new Date(text);
}

export function optDate(text: string | null): Date | undefined {
  return text === null ? undefined : new Date(text);
}

export function opt<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

export function flag(value: boolean): number {
  return value ? 1 : 0;
}

/** `count(*)` is a bigint on PostgreSQL, which pg returns as a string. */
export function toCount(value: string | number | bigint): number {
  return Number(value);
}

export function actorColumns<P extends string>(
  prefix: P,
  actor: AuditActor,
): Record<`${P}_channel` | `${P}_user_id`, string> & Record<`${P}_name`, string | null> {
  return {
    [`${prefix}_channel`]: actor.channel,
    [`${prefix}_user_id`]: actor.userId,
    [`${prefix}_name`]: actor.name ?? null,
  } as Record<`${P}_channel` | `${P}_user_id`, string> & Record<`${P}_name`, string | null>;
}

export function toActor(channel: string, userId: string, name: string | null): AuditActor {
  return name === null ? { channel, userId } : { channel, userId, name };
}
