import { z } from 'zod';

/**
 * The conversation state of one person in one chat, key `<channel>:<chat>:<user>` (design.md,
 * "Sessions"). Validated on every read: an unreadable value is reset with a message, never a crash.
 * `draft` is validated again by the flow's own schema before a step sees it.
 */
export const SESSION_VERSION = 1;

/** The question whose answer is awaited: what a button or a numbered reply means now. */
export const PendingSchema = z.object({
  /** Short id carried in button data, so a button from an older question is recognised as stale. */
  nonce: z.string(),
  optionIds: z.array(z.string()),
  /** Folded labels, so typing an option's words picks it (Zalo and the console have no buttons). */
  optionWords: z.array(z.string()),
  /** False on steps that ask for a figure: a "2" there is a figure, not option 2. */
  numbered: z.boolean(),
});
export type Pending = z.infer<typeof PendingSchema>;

export const SessionSchema = z.object({
  v: z.literal(SESSION_VERSION),
  flow: z.string().optional(),
  step: z.string().optional(),
  draft: z.unknown().optional(),
  pending: PendingSchema.optional(),
  /** When the current conversation started: drafts older than DRAFT_TTL are closed. */
  startedAt: z.string().optional(),
  /** Counter for button nonces. */
  seq: z.number().int().nonnegative().default(0),
  /** The last update applied: with an external session store, a replayed update is not applied twice. */
  lastUpdateId: z.string().optional(),
});
export type Session = z.infer<typeof SessionSchema>;

export const DRAFT_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export function emptySession(): Session {
  return { v: SESSION_VERSION, seq: 0 };
}

export type SessionRead = { ok: true; session: Session } | { ok: false; session: Session };

/** Parses a stored value; anything unreadable (old version, corrupted) comes back as a fresh session. */
export function readSession(value: unknown): SessionRead {
  if (value === undefined || value === null) return { ok: true, session: emptySession() };
  const parsed = SessionSchema.safeParse(value);
  return parsed.success ? { ok: true, session: parsed.data } : { ok: false, session: emptySession() };
}

export function sessionKey(channel: string, chatId: string, userId: string): string {
  return `${channel}:${chatId}:${userId}`;
}
