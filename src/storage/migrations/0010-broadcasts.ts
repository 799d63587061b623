import { type Migration, sql } from 'kysely';
import { type MigrationDb, withActor, withId } from './helpers.ts';

/**
 * The secretariat's broadcasts (`/thongbao`, issue 8). A broadcast row is stored at the preview and
 * moves `preview` → `sending` (confirmed) or `cancelled`, then `sending` → `done`, each move made once
 * (a second press of "send" finds it moved). Each recipient's message is an outbox row carrying the
 * broadcast and the unit it is for: its sent/failed state and error are the per-recipient result
 * while the row is kept; at the end the counts and the failures (unit, reason) are written on the
 * broadcast, so they outlive the outbox's clean-up. `progress_*` is what the secretariat was last
 * told, so the progress survives a restart and two processes never tell it twice.
 */
export const broadcasts: Migration = {
  async up(db: MigrationDb) {
    await withActor(withId(db, db.schema.createTable('broadcasts')), 'by')
      .addColumn('bloc_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('recipients', 'integer', (c) => c.notNull())
      // The secretariat's chat, where progress and the summary go, and its language.
      .addColumn('chat_channel', 'text', (c) => c.notNull())
      .addColumn('chat_id', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('progress_outbox_id', 'integer')
      .addColumn('progress_settled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('progress_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('delivered', 'integer')
      .addColumn('failed', 'integer')
      .addColumn('failures', 'text')
      .execute();
    await db.schema.createIndex('broadcasts_status').on('broadcasts').columns(['status']).execute();
    await db.schema.alterTable('outbox').addColumn('broadcast_id', 'integer').execute();
    await db.schema.alterTable('outbox').addColumn('broadcast_unit', 'text').execute();
    await db.schema
      .createIndex('outbox_broadcast')
      .on('outbox')
      .columns(['broadcast_id'])
      .where(sql.ref('broadcast_id'), 'is not', null)
      .execute();
  },
};
