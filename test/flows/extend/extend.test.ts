import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/app/messages.ts';
import { createHarness, type Harness } from '../../support/flow-harness.ts';
import { local, saveReport } from '../../support/submission-fixtures.ts';
import { last, SEED_ANSWERS } from '../report/helpers.ts';

const june = { key: 'common.period', params: { month: 6, year: 2023 } };
const REASON = 'nhiều xã mất điện, chưa tổng hợp kịp';

describe('/giahan moves the due date for everyone', () => {
  let h: Harness;
  beforeEach(async () => {
    // 14 June 2023: June is open, due by the end of 16 June, locking after 9 July.
    h = await createHarness({ now: local('2023-06-14T10:00') });
  });
  afterEach(async () => {
    await h.close();
  });

  it('stores it with who, when and why, and tells the focal points of the units not in', async () => {
    await saveReport(h, 'bac-ha', '2023-06', local('2023-06-13T08:00'), { onTime: true });
    const desk = await h.person({ role: 'secretariat', userId: 'thuky', name: 'Văn phòng khối' });
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan' });
    const hoa = await h.person({ unitId: 'bao-yen', userId: 'hoa' });
    const binh = await h.person({ unitId: 'bac-ha', userId: 'binh' });
    const answer = await desk.say(`/giahan 6/2023 20/6/2023 ${REASON}`);
    expect(answer.map((m) => m.reply)).toEqual([
      {
        key: 'extend.done',
        params: {
          period: june,
          due: '20/06/2023',
          oldDue: '16/06/2023',
          reason: REASON,
          details: [
            { key: 'extend.lockSame', params: { lock: '09/07/2023' } },
            { key: 'desk.told', params: { people: 2, units: 2 } },
            {
              key: 'desk.unreached',
              params: {
                count: 6,
                units:
                  'Thành phố Lào Cai, Thị xã Sa Pa, Huyện Bát Xát, Huyện Bảo Thắng, Huyện Mường Khương, Huyện Văn Bàn',
              },
            },
          ],
        },
      },
    ]);
    const notice = { key: 'extend.notice', params: { period: june, due: '20/06/2023', reason: REASON } };
    expect(lan.transcript.map((m) => m.reply)).toEqual([notice]);
    expect(hoa.transcript.map((m) => m.reply)).toEqual([notice]);
    expect(binh.transcript).toEqual([]);
    expect(await h.program.repos.calendar.extensions(h.bloc.id)).toEqual([
      {
        blocId: h.bloc.id,
        periodId: '2023-06',
        dueDate: '2023-06-20',
        reason: REASON,
        by: { channel: 'console', userId: 'thuky', name: 'Văn phòng khối' },
        at: local('2023-06-14T10:00'),
      },
    ]);
  });

  it('is seen in /trangthai: the unit’s deadline is the new date', async () => {
    const desk = await h.person({ role: 'secretariat' });
    const lan = await h.person({ unitId: 'si-ma-cai' });
    await desk.say(`/extend T6/2023 2023-06-20 ${REASON}`);
    const [status] = await lan.say('/trangthai');
    const periods = status?.reply.params?.periods as Message[];
    expect(periods[0]?.params?.state).toEqual({ key: 'common.reportState.due', params: { due: '20/06/2023' } });
    expect(status?.reply.params?.next).toEqual({ key: 'status.next', params: { period: june, due: '20/06/2023' } });
    const [overview] = await desk.say('/trangthai');
    const line = (overview?.reply.params?.units as Message[]).find((l) => l.params?.label === 'Huyện Si Ma Cai');
    expect(line?.params?.state).toEqual({ key: 'common.reportState.due', params: { due: '20/06/2023' } });
  });

  it('a report sent after the old due day but before the new one is on time, in the receipt and in storage', async () => {
    const desk = await h.person({ role: 'secretariat' });
    await desk.say(`/giahan 6/2023 20/6/2023 ${REASON}`);
    h.clock.now = local('2023-06-18T09:00');
    const lan = await h.person({ unitId: 'si-ma-cai' });
    const intro = await lan.say('/baocao');
    expect(intro[0]?.reply.params?.state).toEqual({ key: 'report.state.onTime', params: { date: '20/06/2023' } });
    for (const answer of SEED_ANSWERS) await lan.say(answer);
    expect(last(await lan.say('1')).reply).toMatchObject({
      key: 'report.receipt',
      params: { timeliness: { key: 'report.timeliness.onTime' } },
    });
    expect(await h.program.repos.submissions.find(h.bloc.id, '2023-06', 'si-ma-cai')).toMatchObject({
      onTime: true,
      firstSubmittedAt: local('2023-06-18T09:00'),
    });
    // After the new due day the period is late for those still out.
    h.clock.now = local('2023-06-21T09:00');
    const [status] = await (await h.person({ unitId: 'bao-yen' })).say('/trangthai');
    expect((status?.reply.params?.periods as Message[])[0]?.params?.state).toEqual({
      key: 'common.reportState.late',
      params: { since: '21/06/2023', lock: '09/07/2023' },
    });
  });

  it('says that reports already in late stay late', async () => {
    h.clock.now = local('2023-06-19T10:00');
    await saveReport(h, 'bat-xat', '2023-06', local('2023-06-18T08:00'));
    await saveReport(h, 'bac-ha', '2023-06', local('2023-06-15T08:00'));
    const desk = await h.person({ role: 'secretariat' });
    const [answer] = await desk.say(`/giahan 6/2023 25/6/2023 ${REASON}`);
    expect((answer?.reply.params?.details as Message[]).at(-1)).toEqual({
      key: 'extend.lateStay',
      params: { count: 1, units: 'Huyện Bát Xát' },
    });
  });
});

describe('/giahan refuses, with an example', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: local('2023-06-14T10:00') });
  });
  afterEach(async () => {
    await h.close();
  });

  const say = async (text: string) => {
    const desk = await h.person({ role: 'secretariat' });
    return (await desk.say(text))[0]?.reply;
  };

  it('a day in the past', async () => {
    expect(await say(`/giahan 6/2023 13/6/2023 ${REASON}`)).toEqual({
      key: 'desk.pastDate',
      params: { date: '13/06/2023', today: '14/06/2023' },
    });
  });

  it('a day not later than the due day in force', async () => {
    expect(await say(`/giahan 6/2023 16/6/2023 ${REASON}`)).toEqual({
      key: 'extend.notLater',
      params: { period: june, due: '16/06/2023', example: '19/06/2023' },
    });
    await say(`/giahan 6/2023 20/6/2023 ${REASON}`);
    expect(await say(`/giahan 6/2023 18/6/2023 ${REASON}`)).toMatchObject({
      key: 'extend.notLater',
      params: { due: '20/06/2023' },
    });
  });

  it('a day after the lock day, saying what would happen', async () => {
    expect(await say(`/giahan 6/2023 10/7/2023 ${REASON}`)).toEqual({
      key: 'extend.afterLock',
      params: { period: june, lockDay: '09/07/2023' },
    });
    expect(await say(`/giahan 6/2023 9/7/2023 ${REASON}`)).toMatchObject({ key: 'extend.done' });
  });

  it('a locked period: a unit is reopened instead', async () => {
    expect(await say(`/giahan 5/2023 20/6/2023 ${REASON}`)).toEqual({
      key: 'extend.locked',
      params: {
        period: { key: 'common.period', params: { month: 5, year: 2023 } },
        lockedAt: '09/06/2023',
        periodArg: '5/2023',
      },
    });
  });

  it('no date, a wrong date, a short reason, nothing at all', async () => {
    expect(await say(`/giahan 6/2023 ${REASON}`)).toMatchObject({ key: 'extend.noDate' });
    expect(await say(`/giahan 6/2023 32/6/2023 ${REASON}`)).toEqual({
      key: 'desk.badDate',
      params: { text: '32/6/2023' },
    });
    expect(await say('/giahan 6/2023 20/6/2023 mất điện')).toEqual({
      key: 'desk.reasonShort',
      params: { reason: 'mất điện', min: 3, count: 2 },
    });
    expect(await say('/giahan')).toMatchObject({
      key: 'extend.noArgs',
      params: { usage: { key: 'extend.usage', params: { period: '6/2023', date: '19/06/2023' } } },
    });
    expect(await h.program.repos.calendar.extensions(h.bloc.id)).toEqual([]);
  });

  it('is refused to a focal point and a leader by the rights table, in both names', async () => {
    for (const role of ['focal', 'leader'] as const) {
      const chat = await h.person({ role, unitId: role === 'focal' ? 'si-ma-cai' : undefined });
      for (const command of ['/giahan', '/extend']) {
        expect((await chat.say(`${command} 6/2023 20/6/2023 ${REASON}`)).map((m) => m.reply)).toEqual([
          { key: 'engine.notAllowed', params: { command: 'giahan' } },
        ]);
      }
    }
    expect(await h.program.repos.calendar.extensions(h.bloc.id)).toEqual([]);
  });
});
