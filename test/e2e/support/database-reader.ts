import Database from 'better-sqlite3';
import { join } from 'node:path';

/**
 * Reads what the bot process stored, straight from its SQLite file, read-only (a second connection
 * beside the bot's own: WAL lets it read while the bot writes, and it never takes a write lock).
 * The e2e tests assert the data of record here, not only what the chat showed.
 */

export interface SubmissionRow {
  bloc_id: string;
  period_id: string;
  unit_id: string;
  status: string;
  revision: number;
  first_submitted_at: string | null;
  last_submitted_at: string | null;
  on_time: number | null;
}

export interface ValueRow {
  unit_id: string;
  indicator_code: string;
  raw: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  estimate: number;
  /** 1 when the person confirmed a figure outside the indicator's valid range. */
  confirmed_out_of_range: number;
}

export interface AuditRow {
  unit_id: string;
  indicator_code: string;
  revision: number;
  old_raw: string | null;
  old_value: number | null;
  new_raw: string | null;
  new_value: number | null;
  actor_channel: string;
  actor_user_id: string;
}

export interface NominationRow {
  id: number;
  unit_id: string;
  year: number;
  kind: string;
  movement_id: string;
  name: string | null;
  position: string | null;
  workplace: string | null;
  achievements: string | null;
  photo_ref: string | null;
  created_at: string;
}

/** The SQLite file of a bot started with `botEnv({ dataDir })`. */
export function databaseFile(dataDir: string): string {
  return join(dataDir, 'thidua.sqlite');
}

function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // The bot may be committing at this very moment: wait for its lock rather than fail.
    db.pragma('busy_timeout = 5000');
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function submissions(file: string): SubmissionRow[] {
  return query(file, 'SELECT * FROM submissions ORDER BY unit_id, period_id');
}

/** The stored figures of one unit's report, by indicator code. */
export function valuesOf(file: string, unitId: string, periodId: string): Map<string, ValueRow> {
  const rows = query<ValueRow>(
    file,
    'SELECT * FROM submission_values WHERE unit_id = ? AND period_id = ?',
    unitId,
    periodId,
  );
  return new Map(rows.map((r) => [r.indicator_code, r]));
}

export function auditTrail(file: string, unitId: string, periodId: string): AuditRow[] {
  return query(
    file,
    'SELECT * FROM submission_audit WHERE unit_id = ? AND period_id = ? ORDER BY id',
    unitId,
    periodId,
  );
}

export function nominations(file: string): NominationRow[] {
  return query(file, 'SELECT * FROM nominations ORDER BY id');
}

/** How many times an update id was recorded as processed (the dedupe table; at most once). */
export function processedCount(file: string, updateId: number): number {
  const [row] = query<{ n: number }>(
    file,
    "SELECT COUNT(*) AS n FROM processed_updates WHERE channel = 'telegram' AND update_id = ?",
    String(updateId),
  );
  return row?.n ?? 0;
}

/** Outbox rows not sent yet whose lease still runs: claimed by a sender that died with them. */
export function leasedUnsent(file: string, chatId: string, now = new Date()): number {
  const [row] = query<{ n: number }>(
    file,
    'SELECT COUNT(*) AS n FROM outbox WHERE chat_id = ? AND sent_at IS NULL AND failed_at IS NULL AND dropped_at IS NULL AND lease_until > ?',
    chatId,
    now.toISOString(),
  );
  return row?.n ?? 0;
}

/** Outbox rows to a chat not sent (nor given up) yet. */
export function unsentCount(file: string, chatId: string): number {
  const [row] = query<{ n: number }>(
    file,
    'SELECT COUNT(*) AS n FROM outbox WHERE chat_id = ? AND sent_at IS NULL AND failed_at IS NULL AND dropped_at IS NULL',
    chatId,
  );
  return row?.n ?? 0;
}

/** The update ids recorded as processed for a channel, in the order they were recorded. */
export function processedIds(file: string, channel: string): string[] {
  return query<{ update_id: string }>(
    file,
    'SELECT update_id FROM processed_updates WHERE channel = ? ORDER BY processed_at, rowid',
    channel,
  ).map((r) => r.update_id);
}

/** The active registrations of a channel identity: role and unit. */
export function registrationsOf(
  file: string,
  channel: string,
  userId: string,
): Array<{ role: string; unit_id: string }> {
  return query(
    file,
    'SELECT role, unit_id FROM registrations WHERE channel = ? AND user_id = ? AND active = 1',
    channel,
    userId,
  );
}
