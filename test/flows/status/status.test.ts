import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/app/messages.ts';
import type { SentMessage } from '../../../src/channels/console/console-chat.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { local, saveReport } from '../../support/submission-fixtures.ts';

/** The list a reply carries under `name`. */
function list(message: SentMessage | undefined, name: string): Message[] {
  return (message?.reply.params?.[name] ?? []) as Message[];
}

const june = { key: 'common.period', params: { month: 6, year: 2023 } };

describe('/trangthai for a focal point', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: local('2023-06-12T10:00') });
  });
  afterEach(async () => {
    await h.close();
  });

  it('before submitting: the due date, nothing in, earlier periods missed, and the next deadline', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    const [answer] = await chat.say('/trangthai');
    expect(answer?.reply.key).toBe('status.unit');
    expect(answer?.reply.params?.unit).toBe('Huyện Si Ma Cai');
    const periods = list(answer, 'periods');
    // June is open; March–May are past (locked), newest first.
    expect(periods.map((p) => (p.params?.label as Message).params?.month)).toEqual([6, 5, 4, 3]);
    expect(periods[0]).toEqual({
      key: 'common.item',
      params: { label: june, state: { key: 'common.reportState.due', params: { due: '16/06/2023' } } },
    });
    expect((periods[1]?.params?.state as Message).key).toBe('common.reportState.locked');
    expect(answer?.reply.params?.next).toEqual({ key: 'status.next', params: { period: june, due: '16/06/2023' } });
  });

  it('after an on-time submission: on time, revision and time, and the next period as next deadline', async () => {
    await saveReport(h, 'si-ma-cai', '2023-06', local('2023-06-14T08:30'), { onTime: true });
    const [answer] = await (await h.person({ role: 'focal', unitId: 'si-ma-cai' })).say('/status');
    const state = list(answer, 'periods')[0]?.params?.state;
    expect(state).toEqual({
      key: 'common.reportState.submitted',
      params: { timeliness: { key: 'common.timeliness.onTime' }, revision: 1, at: '08:30 14/06/2023' },
    });
    expect(answer?.reply.params?.next).toEqual({
      key: 'status.nextNotOpen',
      params: {
        period: { key: 'common.period', params: { month: 7, year: 2023 } },
        due: '16/07/2023',
        openAt: '10/07/2023',
      },
    });
  });

  it('late: says since when and until when it is still taken, then shows a late submission as late', async () => {
    h.clock.now = local('2023-06-20T09:00');
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    const [before] = await chat.say('/trangthai');
    expect(list(before, 'periods')[0]?.params?.state).toEqual({
      key: 'common.reportState.late',
      params: { since: '17/06/2023', lock: '09/07/2023' },
    });
    // Stored without the flag: the reader judges it by the first submission, after the deadline.
    await saveReport(h, 'si-ma-cai', '2023-06', local('2023-06-20T09:30'));
    h.clock.now = local('2023-06-20T10:00');
    const [after] = await chat.say('/trangthai');
    const state = list(after, 'periods')[0]?.params?.state as Message;
    expect(state.key).toBe('common.reportState.submitted');
    expect(state.params?.timeliness).toEqual({ key: 'common.timeliness.late' });
  });

  it('a period reopened by the secretariat shows until when, and is the nearest deadline', async () => {
    h.clock.now = local('2023-07-12T09:00');
    await h.program.repos.calendar.addReopening({
      blocId: h.bloc.id,
      periodId: '2023-06',
      unitId: 'si-ma-cai',
      until: local('2023-07-15T00:00'),
      reason: 'Bổ sung số liệu',
      by: { channel: 'console', userId: 'sec' },
      at: h.clock.now,
    });
    const [answer] = await (await h.person({ role: 'focal', unitId: 'si-ma-cai' })).say('/trangthai');
    const periods = list(answer, 'periods');
    expect(periods[0]?.params?.label).toEqual({ key: 'common.period', params: { month: 7, year: 2023 } });
    expect(periods[1]).toEqual({
      key: 'common.item',
      params: { label: june, state: { key: 'common.reportState.reopened', params: { until: '14/07/2023' } } },
    });
    expect(answer?.reply.params?.next).toEqual({ key: 'status.next', params: { period: june, due: '14/07/2023' } });
  });

  it('a focal point may name their own unit but not another', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    expect(keys(await chat.say('/trangthai si ma'))).toEqual(['status.unit']);
    const [refused] = await chat.say('/trangthai bac ha');
    expect(refused?.reply).toEqual({
      key: 'common.unitArgument.ownOnly',
      params: { unit: 'Huyện Si Ma Cai', command: 'trangthai' },
    });
  });
});

describe('/trangthai for leaders and the secretariat', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: local('2023-06-15T10:00') });
  });
  afterEach(async () => {
    await h.close();
  });

  it('without a unit: one line per unit for the current period, with the rates', async () => {
    await saveReport(h, 'bac-ha', '2023-06', local('2023-06-14T08:00'), { onTime: true });
    const [answer] = await (await h.person({ role: 'leader' })).say('/trangthai');
    expect(answer?.reply.key).toBe('status.overview');
    expect(answer?.reply.params?.period).toEqual(june);
    expect(answer?.reply.params?.rate).toEqual({
      key: 'common.rate',
      params: { submitted: 1, onTime: 1, expected: 9 },
    });
    const lines = list(answer, 'units');
    expect(lines).toHaveLength(9);
    const byUnit = new Map(lines.map((l) => [l.params?.label, (l.params?.state as Message).key]));
    expect(byUnit.get('Huyện Bắc Hà')).toBe('common.reportState.submitted');
    expect(byUnit.get('Huyện Si Ma Cai')).toBe('common.reportState.due');
  });

  it('names a unit by a beginning of its name', async () => {
    const [answer] = await (await h.person({ role: 'secretariat' })).say('/trangthai si ma');
    expect(answer?.reply.key).toBe('status.unit');
    expect(answer?.reply.params?.unit).toBe('Huyện Si Ma Cai');
  });

  it('offers the units an ambiguous name fits, and shows the one picked', async () => {
    const chat = await h.person({ role: 'leader' });
    const [asked] = await chat.say('/trangthai bao');
    expect(asked?.reply.key).toBe('common.unitArgument.ambiguous');
    expect(asked?.reply.params).toEqual({ text: 'bao', count: 2 });
    const labels = (asked?.reply.choices ?? []).flat().map((c) => ('text' in c.label ? c.label.text : c.label.key));
    expect(labels).toEqual(['Huyện Bảo Thắng', 'Huyện Bảo Yên']);
    const [picked] = await chat.say('2');
    expect(picked?.reply.key).toBe('status.unit');
    expect(picked?.reply.params?.unit).toBe('Huyện Bảo Yên');
  });

  it('lists the units when the name matches none', async () => {
    const [answer] = await (await h.person({ role: 'secretariat' })).say('/trangthai xyz');
    expect(answer?.reply.key).toBe('common.unitArgument.unknown');
    expect(answer?.reply.params?.text).toBe('xyz');
    const units = list(answer, 'units');
    expect(units).toHaveLength(9);
    expect(units).toContainEqual({
      key: 'common.unitArgument.unitLine',
      params: { name: 'Huyện Si Ma Cai', id: 'si-ma-cai' },
    });
  });
});
