import { type Migration, sql } from 'kysely';
import { type MigrationDb, withId } from './helpers.ts';

/** Reminder claims and the outbox. */
export const delivery: Migration = {
  async up(db: MigrationDb) {
    // The primary key makes a reminder go out once per (bloc, period, unit, kind, day), whoever runs.
    await db.schema
      .createTable('reminder_claims')
      .addColumn('bloc_id', 'text', (c) => c.notNull())
      .addColumn('period_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reminder_claims_pk', ['bloc_id', 'period_id', 'unit_id', 'kind', 'day'])
      .execute();

    await withId(db, db.schema.createTable('outbox'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('chat_id', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('failed_at', 'text')
      .addColumn('dropped_at', 'text')
      .addColumn('last_error', 'text')
      .execute();
    // The claim scans only the open rows, in id order.
    await db.schema
      .createIndex('outbox_open')
      .on('outbox')
      .columns(['next_attempt_at', 'id'])
      .where(sql.ref('sent_at'), 'is', null)
      .execute();
    // Per-chat order: a claim looks for an older open row of the same chat that is not due yet.
    await db.schema
      .createIndex('outbox_open_by_chat')
      .on('outbox')
      .columns(['channel', 'chat_id', 'id'])
      .where(sql.ref('sent_at'), 'is', null)
      .execute();
  },
};
