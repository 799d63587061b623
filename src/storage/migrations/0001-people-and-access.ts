import { type Migration, sql } from 'kysely';
import { type MigrationDb, withActor, withId } from './helpers.ts';

/** Blocs, people, who may do what (invites, registrations, groups), update ids and sessions. */
export const peopleAndAccess: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .createTable('blocs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('people')
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('language', 'text')
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('people_pk', ['channel', 'user_id'])
      .execute();

    // The primary key is the deduplication: an update id seen twice is refused by the database itself.
    await db.schema
      .createTable('processed_updates')
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('update_id', 'text', (c) => c.notNull())
      .addColumn('processed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('processed_updates_pk', ['channel', 'update_id'])
      .execute();
    await db.schema.createIndex('processed_updates_at').on('processed_updates').column('processed_at').execute();

    await db.schema
      .createTable('sessions')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .execute();
    await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();

    await withActor(
      db.schema
        .createTable('invites')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('bloc_id', 'text', (c) => c.notNull().references('blocs.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text')
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('used_by_channel', 'text')
        .addColumn('used_by_user_id', 'text')
        .addColumn('revoked_at', 'text'),
      'created_by',
    ).execute();
    await db.schema.createIndex('invites_bloc').on('invites').column('bloc_id').execute();

    await withId(db, db.schema.createTable('registrations'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('bloc_id', 'text', (c) => c.notNull().references('blocs.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text')
      .addColumn('invite_code', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('deactivated_at', 'text')
      .addColumn('deactivation_reason', 'text')
      .execute();
    // At most one active binding per person and bloc, even if two binds race: the loser fails.
    await db.schema
      .createIndex('registrations_one_active')
      .on('registrations')
      .columns(['channel', 'user_id', 'bloc_id'])
      .unique()
      .where(sql.ref('active'), '=', 1)
      .execute();
    await db.schema.createIndex('registrations_bloc').on('registrations').columns(['bloc_id', 'active']).execute();

    await withActor(
      db.schema
        .createTable('group_chats')
        .addColumn('bloc_id', 'text', (c) => c.notNull().references('blocs.id'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('chat_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('registered_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('group_chats_pk', ['bloc_id', 'channel'])
        .addUniqueConstraint('group_chats_chat', ['channel', 'chat_id']),
      'by',
    ).execute();
  },
};
