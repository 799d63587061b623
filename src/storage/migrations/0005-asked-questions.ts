import type { Migration } from 'kysely';
import type { MigrationDb } from './helpers.ts';

/**
 * An outbox row that asks a question knows which (the session and its change count), so a row sent
 * again after a crash is dropped when the person has already moved past it (issue 7, item 4).
 */
export const askedQuestions: Migration = {
  async up(db: MigrationDb) {
    await db.schema.alterTable('outbox').addColumn('session_key', 'text').execute();
    await db.schema.alterTable('outbox').addColumn('asks_seq', 'integer').execute();
    await db.schema.createIndex('outbox_question').on('outbox').columns(['session_key', 'asks_seq']).execute();
  },
};
