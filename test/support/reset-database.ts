import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../src/storage/schema.ts';

/** Children before parents, so foreign keys never object. */
const TABLES = [
  'submission_values',
  'submission_audit',
  'submissions',
  'reopenings',
  'extensions',
  'early_locks',
  'nominations',
  'invites',
  'registrations',
  'group_chats',
  'blocs',
  'people',
  'processed_updates',
  'sessions',
  'reminder_claims',
  'outbox',
  'broadcasts',
  'files',
] as const satisfies ReadonlyArray<keyof DatabaseSchema>;

export async function resetDatabase(db: Kysely<DatabaseSchema>): Promise<void> {
  for (const table of TABLES) await db.deleteFrom(table).execute();
}
