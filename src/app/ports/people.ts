import type { Role } from '../../domain/roles.ts';
import type { AuditActor } from '../../domain/submission.ts';
import type { Language } from './core.ts';

/** The blocs known to the database (their contents live in the bloc file). */
export interface BlocRecords {
  upsert(bloc: { id: string; name: string }): Promise<void>;
}

export interface Person {
  channel: string;
  userId: string;
  displayName: string;
  /** Unset until the person chooses (`/ngonngu`); the caller defaults it. */
  language?: Language;
  firstSeenAt: Date;
  /** Refreshed by the engine when the name changes or this is an hour old: accurate to the hour. */
  lastSeenAt: Date;
}

/** A channel identity's name and chosen language. */
export interface People {
  get(channel: string, userId: string): Promise<Person | undefined>;
  setLanguage(channel: string, userId: string, language: Language, at: Date): Promise<void>;
  /** Creates the person or refreshes the display name and last-seen time. */
  touch(channel: string, userId: string, displayName: string, at: Date): Promise<void>;
}

export interface Invite {
  code: string;
  blocId: string;
  role: Role;
  unitId?: string;
  expiresAt: Date;
  createdBy: AuditActor;
  createdAt: Date;
  usedAt?: Date;
  usedBy?: { channel: string; userId: string };
  revokedAt?: Date;
}

export interface NewInvite {
  code: string;
  blocId: string;
  role: Role;
  unitId?: string;
  expiresAt: Date;
  createdBy: AuditActor;
  /** Defaults to the time of the call. */
  createdAt?: Date;
}

export type ConsumeResult = { status: 'ok'; invite: Invite } | { status: 'unknown' | 'expired' | 'used' | 'revoked' };

export interface Invites {
  /** Stores the invite; undefined when the code is already taken (draw another code and retry). */
  create(invite: NewInvite): Promise<Invite | undefined>;
  /** Uses the code once: atomic, so of two concurrent consumers exactly one gets 'ok'. */
  consume(code: string, now: Date, by: { channel: string; userId: string }): Promise<ConsumeResult>;
  /** Unused, unrevoked and unexpired invites of the bloc, oldest first. */
  listActive(blocId: string, now: Date): Promise<Invite[]>;
  /** True if an unused, unrevoked invite was revoked. */
  revoke(code: string, at: Date): Promise<boolean>;
}

export interface Registration {
  /** The number `/daumoi` shows and `/huylienket` takes. */
  id: number;
  channel: string;
  userId: string;
  blocId: string;
  role: Role;
  unitId?: string;
  inviteCode?: string;
  createdAt: Date;
  active: boolean;
  deactivatedAt?: Date;
  deactivationReason?: string;
  /**
   * When the platform last refused a message to this person for good (blocked the bot, chat gone):
   * nothing more is sent to them until they write again. Their role and rights are unchanged.
   */
  unreachableSince?: Date;
}

export interface NewRegistration {
  channel: string;
  userId: string;
  blocId: string;
  role: Role;
  unitId?: string;
  inviteCode?: string;
  at: Date;
}

/** People bound to a bloc with a role (and a unit); a unit may have several focal points. */
export interface Registrations {
  /** Binds the person; an active binding of the same person in the same bloc is deactivated ('replaced'). */
  bind(registration: NewRegistration): Promise<Registration>;
  /** The person's active bindings in every bloc. */
  findActive(channel: string, userId: string): Promise<Registration[]>;
  listActive(blocId: string, filter?: { unitId?: string; role?: Role }): Promise<Registration[]>;
  /** True if an active binding was deactivated; the row stays for history. */
  deactivate(id: number, reason: string, at: Date): Promise<boolean>;
  findById(id: number): Promise<Registration | undefined>;
  /** Flags the person's active bindings on `channel` unreachable; returns those newly flagged. */
  markUnreachable(channel: string, userId: string, reason: string, at: Date): Promise<Registration[]>;
  /** The person wrote: they can be reached again. */
  clearUnreachable(channel: string, userId: string): Promise<void>;
}

/** A report draft waiting in someone's session, so a job can find it (keyv cannot list sessions). */
export interface OpenDraft {
  sessionKey: string;
  command: string;
  blocId: string;
  unitId: string;
  periodId: string;
}

/** The index of open drafts, written in the update's transaction that opens, moves or ends one. */
export interface OpenDrafts {
  put(draft: OpenDraft, at: Date): Promise<void>;
  /**
   * Whether a row was there to remove: of two runs closing one draft (two processes), the one that
   * removes the row tells the person, the other finds it gone.
   */
  remove(sessionKey: string, command: string): Promise<boolean>;
  /** The open drafts of a period of a bloc, oldest session first. */
  forPeriod(blocId: string, periodId: string): Promise<OpenDraft[]>;
  /** The periods of a bloc that have open drafts. */
  periods(blocId: string): Promise<string[]>;
}

export interface GroupChat {
  blocId: string;
  channel: string;
  chatId: string;
  title: string;
  registeredBy: AuditActor;
  registeredAt: Date;
}

/** The leaders' group chat of a bloc, one per channel. */
export interface Groups {
  /** Registers the chat, replacing the bloc's group on that channel and any bloc this chat served. */
  register(group: {
    blocId: string;
    channel: string;
    chatId: string;
    title: string;
    by: AuditActor;
    at: Date;
  }): Promise<GroupChat>;
  findByChat(channel: string, chatId: string): Promise<GroupChat | undefined>;
  listForBloc(blocId: string): Promise<GroupChat[]>;
  /** Follows a Telegram supergroup upgrade; unsent outbox rows for the old id follow too. */
  migrateChat(channel: string, oldChatId: string, newChatId: string): Promise<boolean>;
}
