import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * Migrations take an untyped `Kysely` (their shape is the schema of their own time, not today's).
 * The only dialect difference they need is the auto-increment id: `serial` on PostgreSQL, an integer
 * primary key with AUTOINCREMENT on SQLite (so a deleted id is never handed out again).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kysely's documented migration type
export type MigrationDb = Kysely<any>;

export function isPostgres(db: MigrationDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function withId<T extends string>(
  db: MigrationDb,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Who did something: three columns with a common prefix. */
export function withActor<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
  prefix: string,
  required = true,
): CreateTableBuilder<T, C> {
  return table
    .addColumn(`${prefix}_channel`, 'text', (c) => (required ? c.notNull() : c))
    .addColumn(`${prefix}_user_id`, 'text', (c) => (required ? c.notNull() : c))
    .addColumn(`${prefix}_name`, 'text');
}
