import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseSchema } from './schema.ts';
import { ImmediateSqliteDialect, rememberSqliteConnection, withStatementCache } from './sqlite-dialect.ts';

export type Dialect = 'sqlite' | 'postgres';

/** An open database: the kysely handle, which dialect it speaks, and how to close it. */
export interface Database {
  db: Kysely<DatabaseSchema>;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Where the embedded SQLite database lives when no URL is given. */
  sqlitePath?: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** Told when an idle PostgreSQL connection fails (the composition root logs it). */
  onIdleError?: (error: Error) => void;
}

export function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

/**
 * Opens `url` (`postgres://…` or `postgresql://…`) with a pg pool, or, when `url` is empty, the
 * embedded SQLite file at `sqlitePath` (its folder is created). Anything else is refused with an error
 * naming what is accepted; the URL's password is never echoed.
 */
export function openDatabase(url: string | undefined, options: OpenDatabaseOptions = {}): Database {
  if (url === undefined || url.trim() === '') {
    // The default path belongs to the configuration (SQLITE_PATH in src/config/env.ts), not here.
    if (!options.sqlitePath) throw new Error('openDatabase: no DATABASE_URL and no SQLite path');
    return openSqlite(options.sqlitePath);
  }
  if (isPostgresUrl(url)) return openPostgres(url, options.poolSize ?? 10, options.onIdleError);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1] ?? '(none)';
  throw new Error(
    `DATABASE_URL must start with postgres:// or postgresql:// (or be unset for the embedded SQLite file); got scheme ${scheme}`,
  );
}

function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  // WAL lets readers (the CLI, an export) work while the bot writes; NORMAL is durable enough in WAL
  // (a power cut may lose the last commits, never corrupt); busy_timeout makes a second process wait
  // for the write lock instead of failing at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const connection = withStatementCache(sqlite);
  // No plugins on this Kysely: compiledQuery runs its statements on `connection` directly.
  const db = new Kysely<DatabaseSchema>({ dialect: new ImmediateSqliteDialect({ database: connection }) });
  rememberSqliteConnection(db, connection);
  // kysely closes the driver only if it was ever used; close the file ourselves in any case.
  const close = async () => {
    await db.destroy();
    if (sqlite.open) sqlite.close();
  };
  return { db, dialect: 'sqlite', close };
}

function openPostgres(url: string, max: number, onIdleError?: (error: Error) => void): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client losing its server emits 'error' on the pool; unhandled, that would kill the
  // process. It is reported, and the next query fails visibly.
  pool.on('error', (error) => onIdleError?.(error));
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  // kysely ends the pool only if it was ever used; end it ourselves in any case.
  const close = async () => {
    await db.destroy();
    if (!pool.ending && !pool.ended) await pool.end();
  };
  return { db, dialect: 'postgres', close };
}
