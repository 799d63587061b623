import { CompiledQuery, type DatabaseConnection, type Driver, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from 'kysely';

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
