import type { Migration } from 'kysely';
import type { MigrationDb } from './helpers.ts';

/**
 * A value a validation rule asked back (a ratio's total against the unit's plan, a figure against the
 * unit's previous month) and the person confirmed is a flag of its own on the value and on each side
 * of its audit entries, as 0004 did for the valid range. One column per statement (SQLite).
 */
export const confirmedValidation: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .alterTable('submission_values')
      .addColumn('confirmed_validation', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Null where the side is absent (a value added or removed), as the other old_/new_ columns.
    for (const side of ['old', 'new']) {
      await db.schema.alterTable('submission_audit').addColumn(`${side}_confirmed_validation`, 'integer').execute();
    }
  },
};
