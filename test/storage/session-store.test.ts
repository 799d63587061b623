import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { SessionStore } from '../../src/app/ports.ts';
import { openDatabase } from '../../src/storage/database.ts';
import {
  createSessionKeyv,
  KEYV_POSTGRES_TABLE,
  SqlSessionStore,
  type SessionKeyv,
} from '../../src/storage/session-store.ts';
import { describeEachDatabase, describeWithService } from '../support/databases.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The behaviour every session store must have, whatever is behind keyv. `time: 'fake'` moves the
 * clock instead of sleeping (keyv and our own table read `Date`); Redis expires keys on its own
 * clock, so its test waits for real.
 */
function sessionContract(open: () => SessionKeyv, { time = 'fake' }: { time?: 'fake' | 'real' } = {}) {
  const key = (name: string) => `telegram:${randomBytes(4).toString('hex')}:${name}`;

  it('sets, gets and deletes a session value', async () => {
    const { keyv } = open();
    const k = key('a');
    const value = { v: 1, flow: 'report', step: 'figures', draft: { 'thu-ngan-sach': '51,6%', note: 'ước tính' } };
    expect(await keyv.get(k)).toBeUndefined();
    expect(await keyv.set(k, value)).toBe(true);
    expect(await keyv.get(k)).toEqual(value);
    expect(await keyv.has(k)).toBe(true);
    expect(await keyv.set(k, { ...value, step: 'confirm' })).toBe(true);
    expect(await keyv.get(k)).toMatchObject({ step: 'confirm' });
    expect(await keyv.delete(k)).toBe(true);
    expect(await keyv.get(k)).toBeUndefined();
    expect(await keyv.has(k)).toBe(false);
  });

  it('expires a value after its TTL', async () => {
    const { keyv, purgeExpired } = open();
    const short = key('short');
    const long = key('long');
    if (time === 'fake') {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2024-06-12T03:00:00Z'));
    }
    try {
      await keyv.set(short, { v: 1 }, 150);
      await keyv.set(long, { v: 2 }, 60_000);
      expect(await keyv.get(short)).toEqual({ v: 1 });
      if (time === 'fake') vi.setSystemTime(new Date('2024-06-12T03:00:00.300Z'));
      else await sleep(300);
      expect(await keyv.get(short)).toBeUndefined();
      expect(await keyv.get(long)).toEqual({ v: 2 });
      await purgeExpired(new Date());
      expect(await keyv.get(long)).toEqual({ v: 2 });
    } finally {
      vi.useRealTimers();
    }
  });
}

describeEachDatabase('SQL session store', (getDb) => {
  const open = () => createSessionKeyv({ database: getDb() });
  sessionContract(open);

  it('is the default, joins transactions, serves as the app’s SessionStore, and reads many keys at once', async () => {
    const s = open();
    expect([s.kind, s.transactional]).toEqual(['sql', true]);
    const port: SessionStore = s.keyv; // compile-time: a Keyv satisfies the port
    expect(await port.set('k0', { v: 1 }, 1000)).toBe(true);
    await s.keyv.set('k1', 1);
    await s.keyv.set('k2', 2);
    expect(await s.keyv.get(['k1', 'missing', 'k2'])).toEqual([1, undefined, 2]);
  });

  it('purges expired rows, and clears only its namespace', async () => {
    const s = open();
    const { db } = getDb();
    await s.keyv.set('old', 1, 10);
    await s.keyv.set('kept', 2);
    await db.insertInto('sessions').values({ key: 'other-namespace:x', value: '{}', expires_at: null }).execute();
    expect(await s.purgeExpired(new Date(Date.now() + 1000))).toBe(1);
    await s.keyv.clear();
    expect(await db.selectFrom('sessions').select('key').execute()).toEqual([{ key: 'other-namespace:x' }]);
  });

  it('moves a row’s expiry only when the new one falls outside the slack it was written with', async () => {
    const { db } = getDb();
    const t0 = Date.parse('2024-06-10T00:00:00.000Z');
    let now = t0;
    const store = new SqlSessionStore(db, () => new Date(now));
    const minute = 60_000;
    // A TTL of 64 minutes: a row is written to expire a minute (1/64) after its value.
    const ttl = 64 * minute;
    const row = () =>
      db.selectFrom('sessions').select(['value', 'expires_at']).where('key', '=', 'k').executeTakeFirstOrThrow();
    await store.set('k', 'one', ttl);
    expect(await row()).toEqual({ value: 'one', expires_at: new Date(t0 + 65 * minute).toISOString() });
    now = t0 + 30_000;
    await store.set('k', 'two', ttl);
    expect(await row()).toEqual({ value: 'two', expires_at: new Date(t0 + 65 * minute).toISOString() });
    now = t0 + 61_000;
    await store.set('k', 'three', ttl);
    expect(await row()).toEqual({ value: 'three', expires_at: new Date(now + 65 * minute).toISOString() });
    // A shorter TTL is never left with the longer expiry.
    await store.set('k', 'four', minute);
    expect(await row()).toEqual({
      value: 'four',
      expires_at: new Date(now + minute + Math.floor(minute / 64)).toISOString(),
    });
    await store.set('k', 'five');
    expect(await row()).toEqual({ value: 'five', expires_at: null });
  });

  it('throws when the store fails: a lost session write never passes silently', async () => {
    const broken = getDb().openAnother();
    await broken.close();
    const { keyv } = createSessionKeyv({ database: broken });
    await expect(keyv.set('k', { v: 1 })).rejects.toThrow();
    await expect(keyv.get('k')).rejects.toThrow();
    await expect(keyv.delete('k')).rejects.toThrow();
  });
});

describeWithService('TEST_REDIS_URL', 'Redis session store', (url) => {
  // The SQL database is not used by the Redis store; an in-memory one satisfies the signature.
  const unused = openDatabase(undefined, { sqlitePath: ':memory:' });
  let store: SessionKeyv | undefined;
  beforeAll(() => {
    store = createSessionKeyv({ url, database: unused });
  });
  afterAll(async () => {
    await store?.close();
    await unused.close();
  });
  const open = () => {
    if (store === undefined) throw new Error('not open');
    return store;
  };
  sessionContract(open, { time: 'real' });

  it('is the weaker, non-transactional mode', () => {
    expect([open().kind, open().transactional]).toEqual(['redis', false]);
  });
});

describeEachDatabase(
  '@keyv/postgres session store',
  (getDb) => {
    // @keyv/postgres 2.2 keeps one pool per process, replaced when another URL is opened: so one store
    // at a time here, and the unreachable-server test comes last, after this store is closed.
    let store: SessionKeyv | undefined;
    beforeAll(() => {
      store = createSessionKeyv({ url: getDb().url, database: getDb() });
    });
    afterAll(async () => store?.close());
    const open = () => {
      if (store === undefined) throw new Error('not open');
      return store;
    };
    sessionContract(open);

    it('keeps sessions in a table of its own and purges the expired ones', async () => {
      const s = open();
      expect([s.kind, s.transactional]).toEqual(['postgres', false]);
      await s.keyv.set('gone', 1, 10);
      await s.keyv.set('stays', 2);
      // keyv dates the value's expiry by Date.now(); the purge takes any expiry before the instant given.
      expect(await s.purgeExpired(new Date(Date.now() + 1000))).toBeGreaterThanOrEqual(1);
      expect(await s.keyv.get('stays')).toBe(2);
      const rows = await sql<{
        key: string;
      }>`select key from ${sql.table(KEYV_POSTGRES_TABLE)} where key in ('thidua-session:gone', 'thidua-session:stays')`.execute(
        getDb().db,
      );
      expect(rows.rows).toEqual([{ key: 'thidua-session:stays' }]);
      // Our own sessions table is not involved.
      expect(await getDb().db.selectFrom('sessions').select('key').execute()).toEqual([]);
    });

    it('throws when PostgreSQL is unreachable', async () => {
      await open().close();
      store = undefined;
      const u = new URL(getDb().url ?? '');
      u.port = '1';
      const broken = createSessionKeyv({ url: u.toString(), database: getDb() });
      try {
        await expect(broken.keyv.set('k', 1)).rejects.toThrow();
        await expect(broken.keyv.get('k')).rejects.toThrow();
      } finally {
        await broken.close();
      }
    });
  },
  { dialects: ['postgres'] },
);
