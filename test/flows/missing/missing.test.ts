import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/app/messages.ts';
import type { SentMessage } from '../../../src/channels/console/console-chat.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { local, saveReport } from '../../support/submission-fixtures.ts';

function units(message: SentMessage | undefined): Message[] {
  return (message?.reply.params?.units ?? []) as Message[];
}

/** Unit name → the key of its state, from the groups of a missing.period reply (one state per group). */
function states(message: SentMessage | undefined): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const group of units(message).filter((m) => m.key === 'missing.group')) {
    for (const name of String(group.params?.units).split(', '))
      out.set(name, (group.params?.state as Message | undefined)?.key);
  }
  return out;
}

const UNIT_IDS = [
  'thanh-pho-lao-cai',
  'thi-xa-sa-pa',
  'bat-xat',
  'bao-thang',
  'bao-yen',
  'bac-ha',
  'muong-khuong',
  'si-ma-cai',
  'van-ban',
];
const june = { key: 'common.period', params: { month: 6, year: 2023 } };

describe('/chuanop', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: local('2023-06-20T10:00') });
  });
  afterEach(async () => {
    await h.close();
  });

  it('lists the units not in, with their state and the rates', async () => {
    await saveReport(h, 'bac-ha', '2023-06', local('2023-06-14T08:00'), { onTime: true });
    await saveReport(h, 'van-ban', '2023-06', local('2023-06-18T08:00'), { onTime: false });
    await saveReport(h, 'bat-xat', '2023-06', local('2023-06-19T08:00'), { status: 'draft' });
    await saveReport(h, 'bao-yen', '2023-06', local('2023-06-15T08:00'), { onTime: true });
    await saveReport(h, 'bao-yen', '2023-06', local('2023-06-19T08:00'), {
      status: 'returned',
      returnReason: 'Thiếu chỉ tiêu 3',
      reviseBy: local('2023-06-23T00:00'),
    });

    const replies = await (await h.person({ role: 'secretariat' })).say('/chuanop');
    expect(keys(replies)).toEqual(['missing.period']);
    const [answer] = replies;
    expect(answer?.reply.params?.period).toEqual(june);
    expect(answer?.reply.params?.count).toBe(7);
    expect(answer?.reply.params?.rate).toEqual({
      key: 'common.rate',
      params: { submitted: 2, onTime: 1, expected: 9 },
    });
    const byUnit = states(answer);
    expect(byUnit.size).toBe(7);
    expect(byUnit.has('Huyện Bắc Hà')).toBe(false);
    expect(byUnit.has('Huyện Văn Bàn')).toBe(false);
    expect(byUnit.get('Huyện Si Ma Cai')).toBe('common.reportState.late');
    expect(byUnit.get('Huyện Bát Xát')).toBe('common.reportState.draft');
    // One line per state, over the units it is true of: the long clause is not repeated per unit.
    expect(units(answer)).toEqual([
      {
        key: 'missing.group',
        params: {
          state: { key: 'common.reportState.late', params: { since: '17/06/2023', lock: '09/07/2023' } },
          count: 5,
          units: 'Thành phố Lào Cai, Thị xã Sa Pa, Huyện Bảo Thắng, Huyện Mường Khương, Huyện Si Ma Cai',
        },
      },
      {
        key: 'missing.group',
        params: {
          state: {
            key: 'common.reportState.draft',
            params: {
              state: { key: 'common.reportState.late', params: { since: '17/06/2023', lock: '09/07/2023' } },
            },
          },
          count: 1,
          units: 'Huyện Bát Xát',
        },
      },
      {
        key: 'missing.group',
        params: {
          state: { key: 'common.reportState.returned', params: { reason: 'Thiếu chỉ tiêu 3', until: '22/06/2023' } },
          count: 1,
          units: 'Huyện Bảo Yên',
        },
      },
    ]);
  });

  it('before the due date shows when each is due', async () => {
    h.clock.now = local('2023-06-12T10:00');
    const [answer] = await (await h.person({ role: 'secretariat' })).say('/missing');
    expect(answer?.reply.params?.count).toBe(9);
    // Nine units, one state: one line for all of them.
    expect(units(answer)).toEqual([
      {
        key: 'missing.group',
        params: {
          state: { key: 'common.reportState.due', params: { due: '16/06/2023' } },
          count: 9,
          units:
            'Thành phố Lào Cai, Thị xã Sa Pa, Huyện Bát Xát, Huyện Bảo Thắng, Huyện Bảo Yên, Huyện Bắc Hà, Huyện Mường Khương, Huyện Si Ma Cai, Huyện Văn Bàn',
        },
      },
    ]);
  });

  it('says so when every unit is in', async () => {
    for (const unitId of UNIT_IDS) await saveReport(h, unitId, '2023-06', local('2023-06-15T08:00'), { onTime: true });
    const [answer] = await (await h.person({ role: 'secretariat' })).say('/chuanop');
    expect(answer?.reply).toEqual({
      key: 'missing.allIn',
      params: { period: june, rate: { key: 'common.rate', params: { submitted: 9, onTime: 9, expected: 9 } } },
    });
  });

  it('lists a period reopened for one unit beside the current one, naming the units it locked for on one line', async () => {
    h.clock.now = local('2023-07-12T09:00');
    for (const unitId of UNIT_IDS.slice(0, 6))
      await saveReport(h, unitId, '2023-06', local('2023-06-15T08:00'), { onTime: true });
    await h.program.repos.calendar.addReopening({
      blocId: h.bloc.id,
      periodId: '2023-06',
      unitId: 'si-ma-cai',
      until: local('2023-07-15T00:00'),
      reason: 'Bổ sung',
      by: { channel: 'console', userId: 'sec' },
      at: h.clock.now,
    });
    const replies = await (await h.person({ role: 'secretariat' })).say('/chuanop');
    expect(replies.map((r) => r.reply.params?.period)).toEqual([
      june,
      { key: 'common.period', params: { month: 7, year: 2023 } },
    ]);
    const [juneReply] = replies;
    expect(juneReply?.reply.params?.count).toBe(3);
    expect(units(juneReply)).toEqual([
      {
        key: 'missing.group',
        params: {
          state: { key: 'common.reportState.reopened', params: { until: '14/07/2023' } },
          count: 1,
          units: 'Huyện Si Ma Cai',
        },
      },
      { key: 'missing.lockedOut', params: { count: 2, units: 'Huyện Mường Khương, Huyện Văn Bàn' } },
    ]);
  });

  it('is refused to a focal point and a leader by the engine', async () => {
    const [focal] = await (await h.person({ role: 'focal', unitId: 'si-ma-cai' })).say('/chuanop');
    expect(focal?.reply).toEqual({ key: 'engine.notAllowed', params: { command: 'chuanop' } });
    expect(keys(await (await h.person({ role: 'leader' })).say('/chuanop'))).toEqual(['engine.notAllowed']);
  });
});
