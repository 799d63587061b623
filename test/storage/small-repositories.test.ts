import { beforeEach, expect, it } from 'vitest';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { at, BLOC, OTHER_BLOC, secretary } from '../support/storage-fixtures.ts';

describeEachDatabase('processed updates and reminder claims', (getDb) => {
  const repos = () => createRepositories(getDb());

  it('records an update id once per channel: a duplicate is false', async () => {
    const p = repos().processedUpdates;
    expect(await p.markProcessed('telegram', '1001', at('2024-06-10T00:00:00.000Z'))).toBe(true);
    expect(await p.markProcessed('telegram', '1001', at('2024-06-10T00:00:01.000Z'))).toBe(false);
    expect(await p.markProcessed('zalo', '1001', at('2024-06-10T00:00:01.000Z'))).toBe(true);
    // Exact ids, never "greater than": an older id not seen yet is new.
    expect(await p.markProcessed('telegram', '999', at('2024-06-10T00:00:02.000Z'))).toBe(true);
    expect(await p.purgeBefore(at('2024-06-10T00:00:01.500Z'))).toBe(2);
    expect(await p.markProcessed('telegram', '1001', at('2024-06-10T00:00:03.000Z'))).toBe(true);
    expect(await p.markProcessed('telegram', '999', at('2024-06-10T00:00:03.000Z'))).toBe(false);
  });

  it('lets a duplicate inside a transaction leave the transaction usable (PostgreSQL aborts on errors)', async () => {
    const r = repos();
    await r.processedUpdates.markProcessed('telegram', '7', at('2024-06-10T00:00:00.000Z'));
    const result = await r.unitOfWork.run(async () => {
      const fresh = await r.processedUpdates.markProcessed('telegram', '7', at('2024-06-10T00:00:01.000Z'));
      await r.people.touch('telegram', '42', 'Lan', at('2024-06-10T00:00:01.000Z'));
      return fresh;
    });
    expect(result).toBe(false);
    expect(await r.people.get('telegram', '42')).toMatchObject({ userId: '42', displayName: 'Lan' });
  });

  it('claims a reminder only once, even when two claim at once', async () => {
    const key = { blocId: BLOC, periodId: '2024-06', unitId: 'bao-yen', kind: 'before_due', day: '2024-06-13' };
    const results = await Promise.all(
      [1, 2, 3].map(() => repos().reminderClaims.claim(key, at('2024-06-13T01:00:00.000Z'))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await repos().reminderClaims.claim({ ...key, day: '2024-06-14' }, at('2024-06-14T01:00:00.000Z'))).toBe(
      true,
    );
    expect(await repos().reminderClaims.claim({ ...key, unitId: '*' }, at('2024-06-13T01:00:00.000Z'))).toBe(true);
  });

  it('tells when a unit was last reminded of a period, not counting the bloc’s digests or other units', async () => {
    const claims = repos().reminderClaims;
    const key = { blocId: BLOC, periodId: '2024-06', unitId: 'bao-yen', kind: 'before_due', day: '2024-06-13' };
    expect(await claims.lastClaimed(BLOC, '2024-06', 'bao-yen')).toBeUndefined();
    await claims.claim(key, at('2024-06-13T01:00:00.000Z'));
    await claims.claim({ ...key, kind: 'manual', day: '2024-06-14 09' }, at('2024-06-14T02:10:00.000Z'));
    await claims.claim({ ...key, unitId: '*', kind: 'group_digest' }, at('2024-06-15T01:00:00.000Z'));
    await claims.claim({ ...key, unitId: 'si-ma-cai' }, at('2024-06-16T01:00:00.000Z'));
    expect(await claims.lastClaimed(BLOC, '2024-06', 'bao-yen')).toEqual(at('2024-06-14T02:10:00.000Z'));
    expect(await claims.lastClaimed(BLOC, '2024-05', 'bao-yen')).toBeUndefined();
  });
});

describeEachDatabase('people, blocs, groups and calendar overrides', (getDb) => {
  const repos = () => createRepositories(getDb());

  beforeEach(async () => {
    await repos().blocs.upsert({ id: BLOC, name: 'Khối 1' });
    await repos().blocs.upsert({ id: OTHER_BLOC, name: 'Khối 2' });
  });

  it('upserts a bloc', async () => {
    await repos().blocs.upsert({ id: BLOC, name: 'Khối thi đua số 1' });
    const rows = await getDb().db.selectFrom('blocs').select(['id', 'name']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: BLOC, name: 'Khối thi đua số 1' },
      { id: OTHER_BLOC, name: 'Khối 2' },
    ]);
  });

  it('remembers a person’s name and language', async () => {
    const people = repos().people;
    expect(await people.get('zalo', 'z1')).toBeUndefined();
    await people.touch('zalo', 'z1', 'Hoa', at('2024-06-10T00:00:00.000Z'));
    expect(await people.get('zalo', 'z1')).toEqual({
      channel: 'zalo',
      userId: 'z1',
      displayName: 'Hoa',
      firstSeenAt: at('2024-06-10T00:00:00.000Z'),
      lastSeenAt: at('2024-06-10T00:00:00.000Z'),
    });
    await people.setLanguage('zalo', 'z1', 'en', at('2024-06-11T00:00:00.000Z'));
    await people.touch('zalo', 'z1', 'Nguyễn Thị Hoa', at('2024-06-12T00:00:00.000Z'));
    expect(await people.get('zalo', 'z1')).toMatchObject({
      displayName: 'Nguyễn Thị Hoa',
      language: 'en',
      firstSeenAt: at('2024-06-10T00:00:00.000Z'),
      lastSeenAt: at('2024-06-12T00:00:00.000Z'),
    });
    // Choosing a language before ever being seen still works.
    await people.setLanguage('telegram', '9', 'vi', at('2024-06-11T00:00:00.000Z'));
    expect(await people.get('telegram', '9')).toMatchObject({ language: 'vi' });
  });

  it('keeps one group per bloc and channel, and follows a supergroup upgrade with its queued messages', async () => {
    const groups = repos().groups;
    const base = {
      blocId: BLOC,
      channel: 'telegram',
      title: 'Lãnh đạo khối 1',
      by: secretary,
      at: at('2024-06-10T00:00:00.000Z'),
    };
    await groups.register({ ...base, chatId: '-100' });
    await groups.register({ ...base, chatId: '-200' });
    await groups.register({ ...base, channel: 'zalo', chatId: 'g-zalo' });
    expect((await groups.listForBloc(BLOC)).map((g) => [g.channel, g.chatId])).toEqual([
      ['telegram', '-200'],
      ['zalo', 'g-zalo'],
    ]);
    expect(await groups.findByChat('telegram', '-100')).toBeUndefined();
    expect(await groups.findByChat('telegram', '-200')).toMatchObject({
      blocId: BLOC,
      title: 'Lãnh đạo khối 1',
      registeredBy: secretary,
    });

    // A chat serves one bloc: registering it for another moves it.
    await groups.register({ ...base, blocId: OTHER_BLOC, chatId: '-200' });
    expect(await groups.findByChat('telegram', '-200')).toMatchObject({ blocId: OTHER_BLOC });
    expect((await groups.listForBloc(BLOC)).map((g) => g.channel)).toEqual(['zalo']);

    const outbox = repos().outbox;
    const [queued] = await outbox.enqueue([
      { channel: 'telegram', chatId: '-200', payload: { key: 'x' }, createdAt: at('2024-06-10T00:00:00.000Z') },
    ]);
    expect(await groups.migrateChat('telegram', '-200', '-1002003')).toBe(true);
    expect(await groups.migrateChat('telegram', '-200', '-1002003')).toBe(false);
    expect(await groups.findByChat('telegram', '-1002003')).toMatchObject({ blocId: OTHER_BLOC });
    const [row] = await outbox.claim('a', 10, 1000, at('2024-06-10T00:00:00.000Z'), ['telegram']);
    expect([row?.id, row?.chatId]).toEqual([queued, '-1002003']);
  });

  it('keeps reopenings as history and one extension per period', async () => {
    const cal = repos().calendar;
    const r1 = await cal.addReopening({
      blocId: BLOC,
      periodId: '2024-05',
      unitId: 'bao-yen',
      until: at('2024-06-13T17:00:00.000Z'),
      reason: 'Sót số liệu',
      by: secretary,
      at: at('2024-06-10T00:00:00.000Z'),
    });
    await cal.addReopening({
      blocId: BLOC,
      periodId: '2024-05',
      unitId: 'si-ma-cai',
      until: at('2024-06-13T17:00:00.000Z'),
      reason: 'Đổi cán bộ',
      by: secretary,
      at: at('2024-06-10T01:00:00.000Z'),
    });
    expect(r1).toMatchObject({
      blocId: BLOC,
      periodId: '2024-05',
      unitId: 'bao-yen',
      reason: 'Sót số liệu',
      by: secretary,
      until: at('2024-06-13T17:00:00.000Z'),
    });
    expect((await cal.reopenings(BLOC)).map((r) => r.unitId)).toEqual(['bao-yen', 'si-ma-cai']);
    expect((await cal.reopenings(BLOC, 'bao-yen')).map((r) => r.id)).toEqual([r1.id]);
    expect(await cal.reopenings(OTHER_BLOC)).toEqual([]);

    await cal.setExtension({
      blocId: BLOC,
      periodId: '2024-06',
      dueDate: '2024-06-18',
      by: secretary,
      at: at('2024-06-15T00:00:00.000Z'),
    });
    await cal.setExtension({
      blocId: BLOC,
      periodId: '2024-06',
      dueDate: '2024-06-20',
      reason: 'Nghỉ lễ',
      by: secretary,
      at: at('2024-06-16T00:00:00.000Z'),
    });
    await cal.setExtension({
      blocId: BLOC,
      periodId: '2024-05',
      dueDate: '2024-05-20',
      by: secretary,
      at: at('2024-05-16T00:00:00.000Z'),
    });
    expect(await cal.extensions(BLOC)).toEqual([
      {
        blocId: BLOC,
        periodId: '2024-05',
        dueDate: '2024-05-20',
        reason: undefined,
        by: secretary,
        at: at('2024-05-16T00:00:00.000Z'),
      },
      {
        blocId: BLOC,
        periodId: '2024-06',
        dueDate: '2024-06-20',
        reason: 'Nghỉ lễ',
        by: secretary,
        at: at('2024-06-16T00:00:00.000Z'),
      },
    ]);
  });
  it('ends a reopening once, keeping its reason and planned end, and keeps one early lock per period', async () => {
    const cal = repos().calendar;
    const chief = { channel: 'telegram', userId: '77', name: 'Chánh VP' };
    const reopened = await cal.addReopening({
      blocId: BLOC,
      periodId: '2024-05',
      unitId: 'bao-yen',
      until: at('2024-06-13T17:00:00.000Z'),
      reason: 'Sót số liệu quý',
      by: secretary,
      at: at('2024-06-10T00:00:00.000Z'),
    });
    expect(reopened.endedAt).toBeUndefined();
    expect(await cal.endReopening(reopened.id, at('2024-06-11T03:00:00.000Z'), chief)).toBe(true);
    expect(await cal.endReopening(reopened.id, at('2024-06-12T03:00:00.000Z'), secretary)).toBe(false);
    expect(await cal.reopenings(BLOC, 'bao-yen')).toEqual([
      {
        ...reopened,
        until: at('2024-06-13T17:00:00.000Z'),
        reason: 'Sót số liệu quý',
        endedAt: at('2024-06-11T03:00:00.000Z'),
        endedBy: chief,
      },
    ]);

    const lock = { blocId: BLOC, periodId: '2024-06', at: at('2024-06-20T03:00:00.000Z'), by: secretary };
    expect(await cal.setEarlyLock(lock)).toBe(true);
    expect(await cal.setEarlyLock({ ...lock, at: at('2024-06-21T03:00:00.000Z'), by: chief })).toBe(false);
    await cal.setEarlyLock({ ...lock, periodId: '2024-04', at: at('2024-05-01T03:00:00.000Z') });
    expect(await cal.earlyLocks(BLOC)).toEqual([
      { blocId: BLOC, periodId: '2024-04', at: at('2024-05-01T03:00:00.000Z'), by: secretary },
      { blocId: BLOC, periodId: '2024-06', at: at('2024-06-20T03:00:00.000Z'), by: secretary },
    ]);
    expect(await cal.earlyLocks(OTHER_BLOC)).toEqual([]);
  });
});
