import type { Migration } from 'kysely';
import type { MigrationDb } from './helpers.ts';

/**
 * A value confirmed outside its indicator's valid range is a flag on the value (and on each side of
 * its audit entries), not words in its note. One column per statement: SQLite's ALTER TABLE adds one.
 */
export const confirmedOutOfRange: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .alterTable('submission_values')
      .addColumn('confirmed_out_of_range', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Null where the side is absent (a value added or removed), as the other old_/new_ columns.
    for (const side of ['old', 'new']) {
      await db.schema.alterTable('submission_audit').addColumn(`${side}_confirmed_out_of_range`, 'integer').execute();
    }
  },
};
