import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { MigrationDb } from './helpers.ts';
import { peopleAndAccess } from './0001-people-and-access.ts';
import { reports } from './0002-reports.ts';
import { delivery } from './0003-delivery.ts';
import { confirmedOutOfRange } from './0004-confirmed-out-of-range.ts';
import { askedQuestions } from './0005-asked-questions.ts';
import { confirmedValidation } from './0006-confirmed-validation.ts';
import { files } from './0007-files.ts';
import { earlyLocks } from './0008-early-locks.ts';
import { deliveryRouting } from './0009-delivery-routing.ts';
import { broadcasts } from './0010-broadcasts.ts';

/**
 * The migrations, in code: nothing is read from disk at run time, so a bundled or compiled build
 * carries them. Names sort in the order they run; never rename or edit one that has shipped.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_people_and_access': peopleAndAccess,
  '0002_reports': reports,
  '0003_delivery': delivery,
  '0004_confirmed_out_of_range': confirmedOutOfRange,
  '0005_asked_questions': askedQuestions,
  '0006_confirmed_validation': confirmedValidation,
  '0007_files': files,
  '0008_early_locks': earlyLocks,
  '0009_delivery_routing': deliveryRouting,
  '0010_broadcasts': broadcasts,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) };

/**
 * Brings the database to the latest schema; run at start. Idempotent, and safe with two processes
 * starting at once (kysely takes a lock). Throws with the failing migration's name.
 */
export async function migrate(db: MigrationDb): Promise<string[]> {
  // Migrations written side by side may land out of number order (0009 before 0008); each stands on
  // its own, so one applied later than a higher number is still run rather than refused.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
