import type { Migration } from 'kysely';
import { withActor, type MigrationDb } from './helpers.ts';

/**
 * Locks that come before the calendar's own (issue 8): `/khoaky <period>` locks a whole period now,
 * one row per period (who and when: the audit), and `/khoaky <period> <unit>` ends one unit's
 * reopening now, recorded on the reopening itself so its reason and planned end stay readable.
 * One column per statement (SQLite).
 */
export const earlyLocks: Migration = {
  async up(db: MigrationDb) {
    await withActor(
      db.schema
        .createTable('early_locks')
        .addColumn('bloc_id', 'text', (c) => c.notNull().references('blocs.id'))
        .addColumn('period_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('early_locks_pk', ['bloc_id', 'period_id']),
      'by',
    ).execute();
    for (const column of ['ended_at', 'ended_by_channel', 'ended_by_user_id', 'ended_by_name']) {
      await db.schema.alterTable('reopenings').addColumn(column, 'text').execute();
    }
  },
};
