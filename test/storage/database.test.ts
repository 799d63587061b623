import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { createSessionKeyv } from '../../src/storage/session-store.ts';

describe('openDatabase', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('opens SQLite by default, creating the folder, with WAL, busy timeout, foreign keys and NORMAL sync', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-db-'));
    dirs.push(dir);
    const path = join(dir, 'nested', 'data', 'thidua.sqlite');
    const database = openDatabase(undefined, { sqlitePath: path });
    try {
      expect(database.dialect).toBe('sqlite');
      const pragma = async (name: string) =>
        (await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(database.db)).rows[0];
      expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
      expect(await pragma('synchronous')).toEqual({ synchronous: 1 });
      expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
      expect(existsSync(path)).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('picks PostgreSQL for postgres:// and postgresql:// without connecting yet', async () => {
    for (const url of ['postgres://u@127.0.0.1:1/x', 'postgresql://u@127.0.0.1:1/x']) {
      const database = openDatabase(url);
      expect(database.dialect).toBe('postgres');
      await database.close();
    }
  });

  it('refuses any other URL with a clear error that does not echo secrets', () => {
    expect(() => openDatabase('mysql://root:hunter2@db/thidua')).toThrow(
      /postgres:\/\/ or postgresql:\/\/.*got scheme mysql/,
    );
    expect(() => openDatabase('mysql://root:hunter2@db/thidua')).not.toThrow(/hunter2/);
    expect(() => openDatabase('data/thidua.sqlite')).toThrow(/DATABASE_URL/);
  });
});

describe('createSessionKeyv', () => {
  it('refuses an unknown session store URL', async () => {
    const database = openDatabase(undefined, { sqlitePath: ':memory:' });
    try {
      expect(() => createSessionKeyv({ url: 'memcached://secret@host', database })).toThrow(
        /SESSION_STORE_URL.*got scheme memcached/,
      );
    } finally {
      await database.close();
    }
  });
});
