import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  SqliteDialect,
  type SqliteDatabase,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/**
 * kysely's SQLite driver opens transactions with a plain (deferred) BEGIN. A deferred transaction that
 * reads and then writes fails at once with SQLITE_BUSY when another process (the CLI beside the bot)
 * wrote in between: SQLite cannot upgrade its stale snapshot, and busy_timeout does not apply. BEGIN
 * IMMEDIATE takes the write lock up front, so a second process waits its turn (busy_timeout) instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

const connections = new WeakMap<object, SqliteDatabase>();

/**
 * Remembers the SQLite connection behind `db`, so that compiledQuery can run its statements on it
 * directly inside a transaction (see there). `db` must have no kysely plugins: they would be skipped.
 */
export function rememberSqliteConnection<DB>(db: Kysely<DB>, connection: SqliteDatabase): void {
  connections.set(db, connection);
}

/** The SQLite connection behind `db`, if it is a SQLite database opened by `openDatabase`. */
export function sqliteConnectionOf<DB>(db: Kysely<DB>): SqliteDatabase | undefined {
  return connections.get(db);
}

/** Distinct SQL texts kept prepared; the bot's repositories use far fewer than this. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * kysely's SQLite driver prepares every query anew (`db.prepare(sql)` on each call); for the bot's
 * short statements preparing costs as much as running them (npm run bench: a tenth of the CPU of an
 * update). Statements are kept by SQL text, the least recently used dropped past `size`. A statement
 * still iterating (a streamed select) is busy: a fresh one is prepared for that call instead.
 * SQLite re-prepares a kept statement by itself when the schema changes (migrations).
 */
export function withStatementCache(database: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Re-inserted so that the Map's order stays least recently used first.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        const oldest = cache.keys().next();
        if (cache.size > size && !oldest.done) cache.delete(oldest.value);
      }
      return statement;
    },
  };
}
