import { z } from 'zod';

/**
 * The conversation state of one person in one chat, key `<channel>:<chat>:<user>` (design.md,
 * "Sessions"). Validated on every read: an unreadable value is reset with a message, never a crash.
 * Each kind of conversation keeps its own draft (`drafts`, by command): starting another command
 * parks the one in progress, which resumes when its command is typed again, so nothing a person typed
 * is discarded without asking. A draft is validated again by its flow's own schema before a step
 * sees it.
 */
export const SESSION_VERSION = 2;

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

/** One conversation's place: its step, its draft, when it began, the question it awaits. */
export const ConversationSchema = z.object({
  step: z.string(),
  draft: z.unknown().optional(),
  /** Drafts older than DRAFT_TTL are closed. */
  startedAt: z.string(),
  pending: PendingSchema.optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** A question the engine itself asks before going on: discard the draft? take a repeated answer? */
export const EngineQuestionSchema = z.object({
  kind: z.enum(['discard', 'repeat']),
  pending: PendingSchema,
  /** For `repeat`: the answer held back until the person says it is meant. */
  text: z.string().optional(),
});
export type EngineQuestion = z.infer<typeof EngineQuestionSchema>;

export const SessionSchema = z.object({
  v: z.literal(SESSION_VERSION),
  /** The command of the conversation in progress, if any; its draft is `drafts[active]`. */
  active: z.string().optional(),
  drafts: z.record(z.string(), ConversationSchema).default({}),
  /**
   * Counts the session's changes: button nonces come from it, and an outbox row that asks a
   * question carries the count it was asked at, so a question the person has moved past is not sent
   * again after a crash (outbox rows are sent at least once).
   */
  seq: z.number().int().nonnegative().default(0),
  engineQuestion: EngineQuestionSchema.optional(),
  /** The last answer given in a conversation and when: a repeated question's echo is caught by it. */
  lastAnswer: z.object({ text: z.string(), at: z.string() }).optional(),
});
export type Session = z.infer<typeof SessionSchema>;

export const DRAFT_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export function emptySession(): Session {
  return { v: SESSION_VERSION, drafts: {}, seq: 0 };
}

/** Version 1 (until December 2026): one conversation at a time, its fields at the top. */
const SessionV1Schema = z.object({
  v: z.literal(1),
  flow: z.string().optional(),
  step: z.string().optional(),
  draft: z.unknown().optional(),
  pending: PendingSchema.optional(),
  startedAt: z.string().optional(),
  seq: z.number().int().nonnegative().default(0),
});

/** A version-1 session as version 2: its one conversation becomes the active draft, kept as it was. */
function fromV1(old: z.infer<typeof SessionV1Schema>, now: Date): Session {
  const session: Session = { ...emptySession(), seq: old.seq };
  if (!old.flow || !old.step) return session;
  const conversation: Conversation = { step: old.step, startedAt: old.startedAt ?? now.toISOString() };
  if (old.draft !== undefined) conversation.draft = old.draft;
  if (old.pending) conversation.pending = old.pending;
  return { ...session, active: old.flow, drafts: { [old.flow]: conversation } };
}

export type SessionRead = { ok: true; session: Session } | { ok: false; session: Session };

/**
 * Parses a stored value, migrating older versions (a draft in progress at an upgrade survives it);
 * anything unreadable comes back as a fresh session.
 */
export function readSession(value: unknown, now: Date): SessionRead {
  if (value === undefined || value === null) return { ok: true, session: emptySession() };
  const parsed = SessionSchema.safeParse(value);
  if (parsed.success) return { ok: true, session: parsed.data };
  const old = SessionV1Schema.safeParse(value);
  if (old.success) return { ok: true, session: fromV1(old.data, now) };
  return { ok: false, session: emptySession() };
}

export function sessionKey(channel: string, chatId: string, userId: string): string {
  return `${channel}:${chatId}:${userId}`;
}

/**
 * The chat and person of a session key, for a job that writes to them (the draft index keeps only
 * the key). The channel ends at the first colon and the user id starts after the last one: no
 * channel's user ids hold a colon, while a chat id might.
 */
export function sessionChat(key: string): { channel: string; chatId: string; userId: string } | undefined {
  const first = key.indexOf(':');
  const last = key.lastIndexOf(':');
  if (first <= 0 || last <= first + 1 || last === key.length - 1) return undefined;
  return { channel: key.slice(0, first), chatId: key.slice(first + 1, last), userId: key.slice(last + 1) };
}
