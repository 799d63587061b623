/**
 * Runs a storage suite on every database the tests can reach: a fresh SQLite file in a temp folder
 * always, and PostgreSQL when TEST_DATABASE_URL is set (a database of its own per suite, created
 * through that URL and dropped after, so test files running in parallel never collide). Under CI a
 * missing TEST_DATABASE_URL fails; locally it skips with a visible message. Every test starts with
 * empty tables.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { type Database, type Dialect, openDatabase } from '../../src/storage/database.ts';
import { migrate } from '../../src/storage/migrations/index.ts';
import { resetDatabase } from './reset-database.ts';

export interface TestDatabase extends Database {
  /** The PostgreSQL URL of this suite's database; undefined on SQLite. */
  url: string | undefined;
  /** The SQLite file; undefined on PostgreSQL. */
  sqlitePath: string | undefined;
  /** A second, independent connection to the same data: another process, as far as locks go. */
  openAnother(): Database;
  /**
   * A handle for a second writer running multi-statement transactions at the same time: on PostgreSQL
   * another pool; on SQLite this same handle (its close does nothing). Why: better-sqlite3 is
   * synchronous, so a second connection in this thread waiting for the write lock (busy_timeout)
   * blocks the very thread that holds it. Separate processes on SQLite are tested with a child process.
   */
  concurrentWriter(): Database;
}

const isCi = process.env.CI === 'true';
const warned = new Set<string>();

/** Describes `name` once per reachable service, or fails (CI) / skips visibly (locally) without it. */
export function describeWithService(envName: string, name: string, suite: (url: string) => void): void {
  const url = process.env[envName];
  if (url !== undefined && url !== '') {
    describe(name, () => suite(url));
  } else if (isCi) {
    describe(name, () => {
      it(`needs ${envName} (CI=true: PostgreSQL and Redis tests may not skip; run .ci/services.sh)`, () => {
        throw new Error(`${envName} is not set`);
      });
    });
  } else {
    if (!warned.has(envName)) {
      warned.add(envName);
      console.warn(`[tests] ${envName} is not set: skipping tests that need it (eval "$(bash .ci/services.sh start)")`);
    }
    describe.skip(`${name} (skipped: ${envName} not set)`, () => {
      it('needs the service', () => undefined);
    });
  }
}

export function describeEachDatabase(
  name: string,
  suite: (getDb: () => TestDatabase, dialect: Dialect) => void,
  { dialects = ['sqlite', 'postgres'] }: { dialects?: Dialect[] } = {},
): void {
  if (dialects.includes('sqlite')) describeOnSqlite(name, suite);
  if (dialects.includes('postgres')) describeOnPostgres(name, suite);
}

function describeOnSqlite(name: string, suite: (getDb: () => TestDatabase, dialect: Dialect) => void): void {
  describe(`${name} [sqlite]`, () => {
    let dir = '';
    let current: TestDatabase | undefined;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'thidua-test-'));
      const sqlitePath = join(dir, 'thidua.sqlite');
      const database = openDatabase(undefined, { sqlitePath });
      await migrate(database.db);
      current = {
        ...database,
        url: undefined,
        sqlitePath,
        openAnother: () => openDatabase(undefined, { sqlitePath }),
        concurrentWriter: () => ({ ...database, close: () => Promise.resolve() }),
      };
    });
    beforeEach(() => resetDatabase(required(current).db));
    afterAll(async () => {
      await current?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    suite(() => required(current), 'sqlite');
  });
}

function describeOnPostgres(name: string, suite: (getDb: () => TestDatabase, dialect: Dialect) => void): void {
  describeWithService('TEST_DATABASE_URL', `${name} [postgres]`, (adminUrl) => {
    const dbName = `thidua_t_${randomBytes(5).toString('hex')}`;
    let current: TestDatabase | undefined;
    beforeAll(async () => {
      await admin(adminUrl, `create database ${dbName}`);
      const u = new URL(adminUrl);
      u.pathname = `/${dbName}`;
      const url = u.toString();
      const database = openDatabase(url, { poolSize: 6 });
      await migrate(database.db);
      const openAnother = () => openDatabase(url, { poolSize: 6 });
      current = { ...database, url, sqlitePath: undefined, openAnother, concurrentWriter: openAnother };
    });
    beforeEach(() => resetDatabase(required(current).db));
    afterAll(async () => {
      await current?.close();
      await admin(adminUrl, `drop database if exists ${dbName} with (force)`);
    });
    suite(() => required(current), 'postgres');
  });
}

function required(db: TestDatabase | undefined): TestDatabase {
  if (db === undefined) throw new Error('the test database is not open (did beforeAll fail?)');
  return db;
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
