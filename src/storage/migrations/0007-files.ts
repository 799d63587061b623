import type { Migration } from 'kysely';
import { isPostgres, type MigrationDb } from './helpers.ts';

/**
 * Files the bot keeps in the database, so any replica can serve them (issue 10): images Zalo fetches
 * by URL, nominations' photos, one-time export links. The id is random (the only key to a served
 * file); `max_downloads` 1 makes a link single-use; `bloc_id` says whose personal data an export
 * may hold, so erasing a nomination can revoke it.
 */
export const files: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .createTable('files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('bytes', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('file_name', 'text')
      .addColumn('bloc_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('max_downloads', 'integer')
      .addColumn('downloads', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // The nightly purge looks for expired files only.
    await db.schema.createIndex('files_expiry').on('files').column('expires_at').execute();
  },
};
