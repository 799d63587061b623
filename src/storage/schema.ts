/**
 * Table shapes for kysely. Instants are ISO-8601 UTC text ('2023-06-16T17:00:00.000Z') in both
 * databases: they sort as text and no driver turns them into local dates. Flags are integers 0/1
 * (better-sqlite3 cannot bind booleans). Values are double precision beside the raw text; ratios keep
 * their two whole numbers.
 */
import type { Generated } from 'kysely';

type Iso = string;
type Flag = number;

export interface BlocsTable {
  id: string;
  name: string;
  updated_at: Iso;
}

export interface PeopleTable {
  channel: string;
  user_id: string;
  display_name: string;
  language: string | null;
  first_seen_at: Iso;
  last_seen_at: Iso;
}

export interface ProcessedUpdatesTable {
  channel: string;
  update_id: string;
  processed_at: Iso;
}

export interface InvitesTable {
  code: string;
  bloc_id: string;
  role: string;
  unit_id: string | null;
  expires_at: Iso;
  created_by_channel: string;
  created_by_user_id: string;
  created_by_name: string | null;
  created_at: Iso;
  used_at: Iso | null;
  used_by_channel: string | null;
  used_by_user_id: string | null;
  revoked_at: Iso | null;
}

export interface RegistrationsTable {
  id: Generated<number>;
  channel: string;
  user_id: string;
  bloc_id: string;
  role: string;
  unit_id: string | null;
  invite_code: string | null;
  created_at: Iso;
  active: Flag;
  deactivated_at: Iso | null;
  deactivation_reason: string | null;
  /** Set when the platform refused a message for good (blocked, chat gone); cleared when they write. */
  unreachable_at: Iso | null;
  unreachable_reason: string | null;
}

export interface OpenDraftsTable {
  session_key: string;
  command: string;
  bloc_id: string;
  unit_id: string;
  period_id: string;
  updated_at: Iso;
}

export interface GroupChatsTable {
  bloc_id: string;
  channel: string;
  chat_id: string;
  title: string;
  by_channel: string;
  by_user_id: string;
  by_name: string | null;
  registered_at: Iso;
}

export interface SessionsTable {
  key: string;
  value: string;
  expires_at: Iso | null;
}

export interface SubmissionsTable {
  bloc_id: string;
  period_id: string;
  unit_id: string;
  status: string;
  revision: number;
  first_submitted_at: Iso | null;
  last_submitted_at: Iso | null;
  on_time: Flag | null;
  return_reason: string | null;
  revise_by: Iso | null;
  updated_at: Iso;
}

export interface SubmissionValuesTable {
  bloc_id: string;
  period_id: string;
  unit_id: string;
  indicator_code: string;
  raw: string;
  /** The scalar, or numerator / denominator for a ratio (null when the denominator is 0). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  estimate: Flag;
  /** 1 when the value is outside the indicator's valid range and the person confirmed it. */
  confirmed_out_of_range: Flag;
  /** 1 when a validation rule asked the value back (plan, previous month) and the person confirmed it. */
  confirmed_validation: Flag;
}

/** old_* and new_* describe the value before and after; all null on the side where it is absent. */
export interface SubmissionAuditTable {
  id: Generated<number>;
  bloc_id: string;
  period_id: string;
  unit_id: string;
  indicator_code: string;
  revision: number;
  old_raw: string | null;
  old_value: number | null;
  old_numerator: number | null;
  old_denominator: number | null;
  old_note: string | null;
  old_estimate: Flag | null;
  old_confirmed_out_of_range: Flag | null;
  old_confirmed_validation: Flag | null;
  new_raw: string | null;
  new_value: number | null;
  new_numerator: number | null;
  new_denominator: number | null;
  new_note: string | null;
  new_estimate: Flag | null;
  new_confirmed_out_of_range: Flag | null;
  new_confirmed_validation: Flag | null;
  actor_channel: string;
  actor_user_id: string;
  actor_name: string | null;
  at: Iso;
  reason: string | null;
}

export interface ReopeningsTable {
  id: Generated<number>;
  bloc_id: string;
  period_id: string;
  unit_id: string;
  until: Iso;
  reason: string;
  by_channel: string;
  by_user_id: string;
  by_name: string | null;
  at: Iso;
  /** Set when `/khoaky <period> <unit>` ended the reopening before `until`. */
  ended_at: Iso | null;
  ended_by_channel: string | null;
  ended_by_user_id: string | null;
  ended_by_name: string | null;
}

export interface ExtensionsTable {
  bloc_id: string;
  period_id: string;
  due_date: string;
  reason: string | null;
  by_channel: string;
  by_user_id: string;
  by_name: string | null;
  at: Iso;
}

export interface EarlyLocksTable {
  bloc_id: string;
  period_id: string;
  at: Iso;
  by_channel: string;
  by_user_id: string;
  by_name: string | null;
}

export interface NominationsTable {
  id: Generated<number>;
  bloc_id: string;
  unit_id: string;
  year: number;
  kind: string;
  movement_id: string;
  /** Personal data (null once removed): name, position, workplace, achievements, photo, key. */
  name: string | null;
  position: string | null;
  workplace: string | null;
  achievements: string | null;
  photo_ref: string | null;
  nominee_key: string | null;
  created_at: Iso;
  removed_at: Iso | null;
  removed_by_channel: string | null;
  removed_by_user_id: string | null;
  removed_by_name: string | null;
  removal_reason: string | null;
}

export interface ReminderClaimsTable {
  bloc_id: string;
  period_id: string;
  unit_id: string;
  kind: string;
  day: string;
  claimed_at: Iso;
}

export interface OutboxTable {
  id: Generated<number>;
  channel: string;
  chat_id: string;
  /** The question the row asks: its session and the session's change count then (else null). */
  session_key: string | null;
  asks_seq: number | null;
  /** 0: a reply to someone chatting; 1: bulk (reminders, broadcasts), which waits behind it. */
  priority: Generated<number>;
  /** The reminder the row carries: dropped unsent once that unit's report is in. */
  reminder_bloc: string | null;
  reminder_period: string | null;
  reminder_unit: string | null;
  /** The platform's id of the message, once sent (a later row may edit it). */
  platform_message_id: string | null;
  payload: string;
  created_at: Iso;
  expires_at: Iso | null;
  attempts: number;
  next_attempt_at: Iso;
  claimed_by: string | null;
  lease_until: Iso | null;
  sent_at: Iso | null;
  failed_at: Iso | null;
  dropped_at: Iso | null;
  last_error: string | null;
  /** The broadcast (0010) the row delivers, and the unit of its recipient (else null). */
  broadcast_id: number | null;
  broadcast_unit: string | null;
}

/** A secretariat's broadcast (0010): `preview` → `sending` | `cancelled`; `sending` → `done`. */
export interface BroadcastsTable {
  id: Generated<number>;
  bloc_id: string;
  by_channel: string;
  by_user_id: string;
  by_name: string | null;
  created_at: Iso;
  text: string;
  /** Null: every unit. */
  unit_id: string | null;
  status: string;
  recipients: number;
  chat_channel: string;
  chat_id: string;
  lang: string;
  confirmed_at: Iso | null;
  progress_outbox_id: number | null;
  /** Recipients settled (sent or failed) when the secretariat was last told. */
  progress_settled: Generated<number>;
  progress_at: Iso | null;
  finished_at: Iso | null;
  delivered: number | null;
  failed: number | null;
  /** JSON: `[{ unitId, chatId, reason }]`, written at the end. */
  failures: string | null;
}

/** Bytes kept in the database (0007): served images, nominations' photos, one-time export links. */
export interface FilesTable {
  id: string;
  kind: string;
  content_type: string;
  /** A Buffer from both drivers (SQLite blob, PostgreSQL bytea). */
  bytes: Uint8Array;
  size: number;
  file_name: string | null;
  bloc_id: string | null;
  created_at: Iso;
  /** Null: kept until deleted (a nomination's photo). */
  expires_at: Iso | null;
  /** Null: no limit; 1: a one-time link. */
  max_downloads: number | null;
  downloads: Generated<number>;
}

export interface DatabaseSchema {
  blocs: BlocsTable;
  people: PeopleTable;
  processed_updates: ProcessedUpdatesTable;
  invites: InvitesTable;
  registrations: RegistrationsTable;
  group_chats: GroupChatsTable;
  sessions: SessionsTable;
  submissions: SubmissionsTable;
  submission_values: SubmissionValuesTable;
  submission_audit: SubmissionAuditTable;
  reopenings: ReopeningsTable;
  extensions: ExtensionsTable;
  early_locks: EarlyLocksTable;
  nominations: NominationsTable;
  reminder_claims: ReminderClaimsTable;
  outbox: OutboxTable;
  broadcasts: BroadcastsTable;
  open_drafts: OpenDraftsTable;
  files: FilesTable;
}
