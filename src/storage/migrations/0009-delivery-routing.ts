import type { Migration } from 'kysely';
import type { MigrationDb } from './helpers.ts';

/**
 * What the send queue and the reminder jobs need (issue 8): each outbox row's priority (a reply to
 * someone chatting goes ahead of a broadcast), the reminder it carries (dropped if the unit submits
 * before it goes), the platform's id of the message once sent (a later reply may edit it); a
 * registration's "unreachable" flag (the person blocked the bot; their role and rights stay); and a
 * small index of open report drafts, since keyv stores cannot list sessions (the lock job closes
 * the drafts of a period that locks). One column per statement: SQLite's ALTER TABLE adds one.
 */
export const deliveryRouting: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .alterTable('outbox')
      .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    for (const column of ['reminder_bloc', 'reminder_period', 'reminder_unit', 'platform_message_id']) {
      await db.schema.alterTable('outbox').addColumn(column, 'text').execute();
    }
    await db.schema.alterTable('registrations').addColumn('unreachable_at', 'text').execute();
    await db.schema.alterTable('registrations').addColumn('unreachable_reason', 'text').execute();
    await db.schema
      .createTable('open_drafts')
      .addColumn('session_key', 'text', (c) => c.notNull())
      .addColumn('command', 'text', (c) => c.notNull())
      .addColumn('bloc_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('period_id', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('open_drafts_pk', ['session_key', 'command'])
      .execute();
    await db.schema.createIndex('open_drafts_period').on('open_drafts').columns(['bloc_id', 'period_id']).execute();
  },
};
