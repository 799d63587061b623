import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/app/messages.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { local, saveReport } from '../../support/submission-fixtures.ts';

const june = { key: 'common.period', params: { month: 6, year: 2023 } };
const may = { key: 'common.period', params: { month: 5, year: 2023 } };
const REASON = 'bổ sung số liệu thu ngân sách';
const EIGHT_MISSING =
  'Thành phố Lào Cai, Thị xã Sa Pa, Huyện Bát Xát, Huyện Bảo Thắng, Huyện Bảo Yên, Huyện Mường Khương, Huyện Si Ma Cai, Huyện Văn Bàn';

describe('/khoaky locks a whole period now', () => {
  let h: Harness;
  beforeEach(async () => {
    // 20 June 2023: June is late (due 16 June), locking by the calendar at the end of 9 July.
    h = await createHarness({ now: local('2023-06-20T10:00') });
    await saveReport(h, 'bac-ha', '2023-06', local('2023-06-15T08:00'), { onTime: true });
  });
  afterEach(async () => {
    await h.close();
  });

  it('asks first, naming the units not in; a yes locks it, audits it and tells their focal points', async () => {
    const desk = await h.person({ role: 'secretariat', userId: 'thuky', name: 'Văn phòng khối' });
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan' });
    const binh = await h.person({ unitId: 'bac-ha', userId: 'binh' });
    const [asked] = await desk.say('/khoaky 6/2023');
    expect(asked?.reply).toMatchObject({
      key: 'lock.confirm',
      params: {
        period: june,
        lockDay: '09/07/2023',
        details: [{ key: 'lock.detailMissing', params: { count: 8, units: EIGHT_MISSING } }],
      },
    });
    expect((asked?.reply.choices ?? []).flat().map((c) => c.label)).toEqual([
      { key: 'lock.choice.yes' },
      { key: 'lock.choice.no' },
    ]);
    expect(await h.program.repos.calendar.earlyLocks(h.bloc.id)).toEqual([]);

    const [locked] = await desk.say('1');
    expect(locked?.reply).toEqual({
      key: 'lock.done',
      params: {
        period: june,
        at: '10:00 20/06/2023',
        details: [
          { key: 'desk.told', params: { people: 1, units: 1 } },
          { key: 'desk.unreached', params: { count: 7, units: EIGHT_MISSING.replace(', Huyện Si Ma Cai', '') } },
        ],
      },
    });
    expect(lan.transcript.map((m) => m.reply)).toEqual([
      {
        key: 'lock.notice',
        params: { period: june, at: '10:00 20/06/2023', reopen: { key: 'period.reopen.command' } },
      },
    ]);
    // Bắc Hà had reported: nothing to tell it.
    expect(binh.transcript).toEqual([]);
    expect(await h.program.repos.calendar.earlyLocks(h.bloc.id)).toEqual([
      {
        blocId: h.bloc.id,
        periodId: '2023-06',
        at: local('2023-06-20T10:00'),
        by: { channel: 'console', userId: 'thuky', name: 'Văn phòng khối' },
      },
    ]);
    // From now on the calendar says locked, for reports and for /trangthai.
    expect((await lan.say('/baocao 6/2023'))[0]?.reply).toMatchObject({
      key: 'period.refused.locked',
      params: { period: june, lockedAt: '20/06/2023' },
    });
    const [status] = await lan.say('/trangthai');
    const periods = status?.reply.params?.periods as Message[];
    expect((periods[0]?.params?.state as Message).key).toBe('common.reportState.locked');
  });

  it('closes a draft being typed: its next answer meets the lock', async () => {
    const desk = await h.person({ role: 'secretariat' });
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan' });
    expect(keys(await lan.say('/baocao'))).toEqual(['report.intro', 'report.ask.question']);
    await lan.say('45,2 tỷ');
    await desk.say('/khoaky 6/2023');
    await desk.say('có');
    h.clock.now = local('2023-06-20T10:05');
    const closed = await lan.say('51,6%');
    expect(keys(closed)).toContain('report.lockedWhileDrafting');
    expect(await h.program.repos.submissions.find(h.bloc.id, '2023-06', 'si-ma-cai')).toBeUndefined();
  });

  it('a no keeps it open; another answer asks again', async () => {
    const desk = await h.person({ role: 'secretariat' });
    await desk.say('/lock 6/2023');
    expect((await desk.say('để xem đã')).map((m) => m.reply.key)).toEqual(['lock.confirmAgain']);
    expect((await desk.say('không')).map((m) => m.reply)).toEqual([
      { key: 'lock.cancelled', params: { period: june } },
    ]);
    expect(await h.program.repos.calendar.earlyLocks(h.bloc.id)).toEqual([]);
    expect(keys(await (await h.person({ unitId: 'si-ma-cai' })).say('/baocao 6/2023'))).toEqual([
      'report.intro',
      'report.ask.question',
    ]);
  });

  it('locks a period still on time too: closing early ends the due window', async () => {
    h.clock.now = local('2023-06-12T09:00');
    const desk = await h.person({ role: 'secretariat' });
    const hoa = await h.person({ unitId: 'bao-yen' });
    await desk.say('/khoaky 6/2023');
    expect(keys(await desk.say('có'))).toEqual(['lock.done']);
    expect(keys(hoa.transcript)).toEqual(['lock.notice']);
    expect(keys(await hoa.say('/baocao 6/2023'))).toEqual(['period.refused.locked']);
    // Nothing else is open until July opens on 10 July.
    expect(keys(await hoa.say('/baocao'))).toEqual(['report.noneOpen']);
  });

  it('refuses a period not open yet, one already locked, and locking twice', async () => {
    const desk = await h.person({ role: 'secretariat' });
    expect((await desk.say('/khoaky 7/2023'))[0]?.reply).toEqual({
      key: 'lock.notOpenYet',
      params: { period: { key: 'common.period', params: { month: 7, year: 2023 } }, openAt: '10/07/2023' },
    });
    expect((await desk.say('/khoaky 5/2023'))[0]?.reply).toEqual({
      key: 'lock.alreadyLocked',
      params: { period: may, lockedAt: '09/06/2023' },
    });
    await desk.say('/khoaky 6/2023');
    await desk.say('1');
    h.clock.now = local('2023-06-21T08:00');
    expect((await desk.say('/khoaky 6/2023'))[0]?.reply).toEqual({
      key: 'lock.alreadyLocked',
      params: { period: june, lockedAt: '20/06/2023' },
    });
    expect(keys(await desk.say('/khoaky'))).toEqual(['lock.noArgs']);
    expect(keys(await desk.say('/khoaky si ma cai'))).toEqual(['lock.noPeriod']);
    expect(keys(await desk.say('/khoaky 13/2023'))).toEqual(['period.errors.badMonth']);
  });

  it('ends the reopenings running for the period too: it locks for every unit', async () => {
    const desk = await h.person({ role: 'secretariat' });
    h.clock.now = local('2023-06-20T09:00');
    await desk.say(`/moky si ma cai 6/2023 ${REASON}`);
    h.clock.now = local('2023-06-20T10:00');
    const [asked] = await desk.say('/khoaky 6/2023');
    expect((asked?.reply.params?.details as Message[])[1]).toEqual({
      key: 'lock.detailReopenings',
      params: { count: 1, units: 'Huyện Si Ma Cai' },
    });
    const [locked] = await desk.say('có');
    expect((locked?.reply.params?.details as Message[]).at(-1)).toEqual({
      key: 'lock.ended',
      params: { count: 1, units: 'Huyện Si Ma Cai' },
    });
    const [reopening] = await h.program.repos.calendar.reopenings(h.bloc.id, 'si-ma-cai');
    expect(reopening?.endedAt).toEqual(local('2023-06-20T10:00'));
    expect(keys(await (await h.person({ unitId: 'si-ma-cai' })).say('/baocao 6/2023'))).toEqual([
      'period.refused.locked',
    ]);
  });

  it('is refused to a focal point and a leader by the rights table, in both names', async () => {
    for (const role of ['focal', 'leader'] as const) {
      const chat = await h.person({ role, unitId: role === 'focal' ? 'si-ma-cai' : undefined });
      for (const command of ['/khoaky', '/lock']) {
        expect((await chat.say(`${command} 6/2023`)).map((m) => m.reply)).toEqual([
          { key: 'engine.notAllowed', params: { command: 'khoaky' } },
        ]);
      }
    }
    expect(await h.program.repos.calendar.earlyLocks(h.bloc.id)).toEqual([]);
  });
});

describe('/khoaky <period> <unit> ends one unit’s reopening now', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: local('2023-06-20T10:00') });
  });
  afterEach(async () => {
    await h.close();
  });

  it('of a locked period: locked again for the unit, which is told; the reopening keeps its record', async () => {
    const desk = await h.person({ role: 'secretariat', userId: 'thuky' });
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan' });
    await desk.say(`/moky si ma cai 5/2023 ${REASON}`);
    expect((await desk.say('/khoaky 5/2023'))[0]?.reply).toEqual({
      key: 'lock.alreadyLockedReopened',
      params: {
        period: may,
        lockedAt: '09/06/2023',
        count: 1,
        units: 'Huyện Si Ma Cai',
        example: '/khoaky 5/2023 si-ma-cai',
      },
    });
    h.clock.now = local('2023-06-21T08:00');
    const [ended] = await desk.say('/khoaky 5/2023 si ma cai');
    const state = { key: 'lock.unitNowLocked' };
    expect(ended?.reply).toEqual({
      key: 'lock.unitDone',
      params: {
        unit: 'Huyện Si Ma Cai',
        period: may,
        until: '23/06/2023',
        state,
        told: [{ key: 'desk.told', params: { people: 1, units: 1 } }],
      },
    });
    expect(lan.transcript.at(-1)?.reply).toEqual({
      key: 'lock.unitNotice',
      params: { unit: 'Huyện Si Ma Cai', period: may, state },
    });
    const [reopening] = await h.program.repos.calendar.reopenings(h.bloc.id, 'si-ma-cai');
    expect(reopening).toMatchObject({
      reason: REASON,
      until: local('2023-06-24T00:00'),
      endedAt: local('2023-06-21T08:00'),
      endedBy: { channel: 'console', userId: 'thuky' },
    });
    expect(keys(await lan.say('/baocao 5/2023'))).toEqual(['period.refused.locked']);
    expect(keys(await desk.say('/khoaky 5/2023 si ma cai'))).toEqual(['lock.noReopening']);
  });

  it('of a late period: the unit is back to late, still taken until the lock', async () => {
    const desk = await h.person({ role: 'secretariat' });
    await desk.say(`/moky bao yen 6/2023 ${REASON}`);
    const [ended] = await desk.say('/khoaky 6/2023 bao yen');
    expect(ended?.reply.params?.state).toEqual({ key: 'lock.unitNowLate', params: { lock: '09/07/2023' } });
  });

  it('a unit with no reopening: nothing to end, and how to lock the period instead', async () => {
    const desk = await h.person({ role: 'secretariat' });
    expect((await desk.say('/khoaky 6/2023 bao yen'))[0]?.reply).toEqual({
      key: 'lock.noReopening',
      params: { unit: 'Huyện Bảo Yên', period: june, example: '/khoaky 6/2023' },
    });
  });
});
