import type { Migration } from 'kysely';
import { type MigrationDb, withActor, withId } from './helpers.ts';

const submissionKey = ['bloc_id', 'period_id', 'unit_id'] as const;

/** Submissions, their values and audit trail, calendar overrides, nominations. */
export const reports: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .createTable('submissions')
      .addColumn('bloc_id', 'text', (c) => c.notNull().references('blocs.id'))
      .addColumn('period_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('first_submitted_at', 'text')
      .addColumn('last_submitted_at', 'text')
      .addColumn('on_time', 'integer')
      .addColumn('return_reason', 'text')
      .addColumn('revise_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('submissions_pk', [...submissionKey])
      .execute();

    await db.schema
      .createTable('submission_values')
      .addColumn('bloc_id', 'text', (c) => c.notNull())
      .addColumn('period_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('indicator_code', 'text', (c) => c.notNull())
      .addColumn('raw', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('numerator', 'integer')
      .addColumn('denominator', 'integer')
      .addColumn('note', 'text')
      .addColumn('estimate', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('submission_values_pk', [...submissionKey, 'indicator_code'])
      .addForeignKeyConstraint(
        'submission_values_submission',
        [...submissionKey],
        'submissions',
        [...submissionKey],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();

    // No foreign key: the audit trail outlives anything it describes.
    let audit = withId(db, db.schema.createTable('submission_audit'))
      .addColumn('bloc_id', 'text', (c) => c.notNull())
      .addColumn('period_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('indicator_code', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull());
    for (const side of ['old', 'new']) {
      audit = audit
        .addColumn(`${side}_raw`, 'text')
        .addColumn(`${side}_value`, 'double precision')
        .addColumn(`${side}_numerator`, 'integer')
        .addColumn(`${side}_denominator`, 'integer')
        .addColumn(`${side}_note`, 'text')
        .addColumn(`${side}_estimate`, 'integer');
    }
    await withActor(audit, 'actor')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .execute();
    await db.schema
      .createIndex('submission_audit_key')
      .on('submission_audit')
      .columns([...submissionKey])
      .execute();

    await withActor(
      withId(db, db.schema.createTable('reopenings'))
        .addColumn('bloc_id', 'text', (c) => c.notNull().references('blocs.id'))
        .addColumn('period_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('until', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull()),
      'by',
    ).execute();
    await db.schema.createIndex('reopenings_bloc').on('reopenings').columns(['bloc_id', 'unit_id']).execute();

    await withActor(
      db.schema
        .createTable('extensions')
        .addColumn('bloc_id', 'text', (c) => c.notNull().references('blocs.id'))
        .addColumn('period_id', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('extensions_pk', ['bloc_id', 'period_id']),
      'by',
    ).execute();

    await withActor(
      withId(db, db.schema.createTable('nominations'))
        .addColumn('bloc_id', 'text', (c) => c.notNull().references('blocs.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('movement_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('position', 'text')
        .addColumn('workplace', 'text')
        .addColumn('achievements', 'text')
        .addColumn('photo_ref', 'text')
        .addColumn('nominee_key', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('removed_at', 'text')
        .addColumn('removal_reason', 'text'),
      'removed_by',
      false,
    ).execute();
    await db.schema.createIndex('nominations_unit').on('nominations').columns(['bloc_id', 'unit_id', 'year']).execute();
    await db.schema.createIndex('nominations_key').on('nominations').columns(['bloc_id', 'nominee_key']).execute();
  },
};
