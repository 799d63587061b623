import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/storage/migrations/index.ts';
import { describeEachDatabase } from '../support/databases.ts';

const TABLES = [
  'blocs',
  'people',
  'processed_updates',
  'sessions',
  'invites',
  'registrations',
  'group_chats',
  'submissions',
  'submission_values',
  'submission_audit',
  'reopenings',
  'extensions',
  'early_locks',
  'nominations',
  'reminder_claims',
  'outbox',
  'files',
];

describeEachDatabase('migrations', (getDb) => {
  it('are idempotent: a second run applies nothing and keeps the data', async () => {
    const { db } = getDb();
    await db.insertInto('blocs').values({ id: 'b', name: 'B', updated_at: '2024-01-01T00:00:00.000Z' }).execute();
    expect(await migrate(db)).toEqual([]);
    expect(await migrate(db)).toEqual([]);
    expect(await db.selectFrom('blocs').select('id').execute()).toEqual([{ id: 'b' }]);
  });

  it('create every table and record every migration', async () => {
    const { db } = getDb();
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(TABLES));
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
  });
});

describe('migration names', () => {
  it('sort in the order they run', () => {
    const names = Object.keys(MIGRATIONS);
    expect([...names].sort()).toEqual(names);
  });
});
