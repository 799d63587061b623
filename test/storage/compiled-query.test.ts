import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { compiledQuery } from '../../src/storage/compiled-query.ts';
import { createUnitOfWork } from '../../src/storage/unit-of-work.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('queries compiled once', (getDb) => {
  const person = (channel: string, userId: string, name: string | null) => ({
    channel,
    user_id: userId,
    display_name: name ?? userId,
    language: null,
    first_seen_at: '2024-06-10T00:00:00.000Z',
    last_seen_at: '2024-06-10T00:00:00.000Z',
  });

  it('builds once and binds each call its own values, constants of the shape included', async () => {
    const { db } = getDb();
    await db
      .insertInto('people')
      .values([person('telegram', '1', 'Lan'), person('telegram', '2', 'Hoa'), person('zalo', '1', 'Mai')])
      .execute();
    let builds = 0;
    const find = compiledQuery(db, (db, a: { userId: string }) => {
      builds += 1;
      return db
        .selectFrom('people')
        .select('display_name')
        .where('channel', '=', 'telegram')
        .where('user_id', '=', a.userId);
    });
    expect(await find({ userId: '1' })).toEqual([{ display_name: 'Lan' }]);
    expect(await find({ userId: '2' })).toEqual([{ display_name: 'Hoa' }]);
    expect(await find({ userId: '3' })).toEqual([]);
    expect(builds).toBe(1);
  });

  it('binds an argument used twice, and null', async () => {
    const { db } = getDb();
    const upsert = compiledQuery(db, (db, a: { key: string; value: string; expiresAt: string | null }) =>
      db
        .insertInto('sessions')
        .values({ key: a.key, value: a.value, expires_at: a.expiresAt })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: a.value, expires_at: a.expiresAt })),
    );
    await upsert({ key: 'k', value: 'one', expiresAt: '2024-06-10T00:00:00.000Z' });
    await upsert({ key: 'k', value: 'two', expiresAt: null });
    expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([
      { key: 'k', value: 'two', expires_at: null },
    ]);
  });

  it('runs in the current transaction, and rolls back with it', async () => {
    const { db } = getDb();
    const insert = compiledQuery(db, (db, a: { userId: string }) =>
      db.insertInto('people').values({ ...person('console', 'x', null), user_id: a.userId, display_name: a.userId }),
    );
    const unitOfWork = createUnitOfWork(db);
    await expect(
      unitOfWork.run(async () => {
        await insert({ userId: 'rolled-back' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await unitOfWork.run(() => insert({ userId: 'kept' }));
    expect(await db.selectFrom('people').select('user_id').execute()).toEqual([{ user_id: 'kept' }]);
  });

  it('never runs a call made after its transaction ended outside of it: it is refused', async () => {
    const { db } = getDb();
    const insert = compiledQuery(db, (db, a: { userId: string }) =>
      db.insertInto('people').values({ ...person('console', 'x', null), user_id: a.userId, display_name: a.userId }),
    );
    let stray: Promise<unknown> | undefined;
    await createUnitOfWork(db).run(async () => {
      await insert({ userId: 'inside' });
      stray = new Promise((resolve) => setTimeout(resolve, 20)).then(() => insert({ userId: 'stray' }));
    });
    await expect(stray).rejects.toThrow(/already committed/);
    expect(await db.selectFrom('people').select('user_id').execute()).toEqual([{ user_id: 'inside' }]);
  });

  it('refuses an argument written into the SQL text instead of bound', async () => {
    const { db } = getDb();
    const find = compiledQuery(db, (db, a: { userId: string }) =>
      db.selectFrom('people').selectAll().where('user_id', '=', sql.lit(a.userId)),
    );
    await expect(find({ userId: '1' })).rejects.toThrow(/inlined into the SQL/);
  });
});
