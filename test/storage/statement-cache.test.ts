import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/storage/sqlite-dialect.ts';

describe('prepared statements kept by SQL text (SQLite)', () => {
  let sqlite: SqliteDatabase.Database;
  beforeEach(() => {
    sqlite = new SqliteDatabase(':memory:');
    sqlite.exec('create table t (id integer primary key, name text)');
    sqlite.exec("insert into t (name) values ('a'), ('b'), ('c')");
  });
  afterEach(() => {
    if (sqlite.open) sqlite.close();
  });

  it('hands out the same statement for the same text, and drops the least recently used past the size', () => {
    const db = withStatementCache(sqlite, 2);
    const one = db.prepare('select 1');
    expect(db.prepare('select 1')).toBe(one);
    const two = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(one);
    db.prepare('select 3');
    // "select 2" was the least recently used of the three: it was dropped, "select 1" was kept.
    expect(db.prepare('select 1')).toBe(one);
    expect(db.prepare('select 2')).not.toBe(two);
  });

  it('prepares a fresh statement while the kept one is still iterating, and both give every row', () => {
    const db = withStatementCache(sqlite);
    const text = 'select name from t order by id';
    const names: unknown[] = [];
    for (const row of db.prepare(text).iterate([])) {
      names.push(row);
      if (names.length === 1) expect(db.prepare(text).all([])).toHaveLength(3);
    }
    expect(names).toHaveLength(3);
  });

  it('sees a column added after the statement was kept (SQLite re-prepares on a schema change)', () => {
    const db = withStatementCache(sqlite);
    expect(db.prepare('select * from t where id = ?').all([1])).toEqual([{ id: 1, name: 'a' }]);
    sqlite.exec('alter table t add column note text');
    expect(db.prepare('select * from t where id = ?').all([1])).toEqual([{ id: 1, name: 'a', note: null }]);
  });

  it('closes the database it wraps', () => {
    withStatementCache(sqlite).close();
    expect(sqlite.open).toBe(false);
  });
});
