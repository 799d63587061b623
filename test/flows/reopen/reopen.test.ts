import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/app/messages.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { local, saveReport } from '../../support/submission-fixtures.ts';
import { last, SEED_ANSWERS } from '../report/helpers.ts';

const june = { key: 'common.period', params: { month: 6, year: 2023 } };
const REASON = 'bổ sung số liệu thu ngân sách';

describe('/moky reopens one unit’s period', () => {
  let h: Harness;
  beforeEach(async () => {
    // 12 July 2023: June locked at the end of 9 July; July is open.
    h = await createHarness({ now: local('2023-07-12T10:00') });
  });
  afterEach(async () => {
    await h.close();
  });

  it('reopens a locked period for the default 3 days, audits it, and tells that unit’s focal points only', async () => {
    const desk = await h.person({ role: 'secretariat', userId: 'thuky', name: 'Văn phòng khối' });
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan' });
    const hung = await h.person({ unitId: 'si-ma-cai', userId: 'hung' });
    const hoa = await h.person({ unitId: 'bao-yen', userId: 'hoa' });
    const answer = await desk.say(`/moky si ma cai 6/2023 ${REASON}`);
    expect(answer.map((m) => m.reply)).toEqual([
      {
        key: 'reopen.done',
        params: {
          unit: 'Huyện Si Ma Cai',
          period: june,
          until: '15/07/2023',
          reason: REASON,
          told: [{ key: 'desk.told', params: { people: 2, units: 1 } }],
        },
      },
    ]);
    const notice = {
      key: 'reopen.notice',
      params: { unit: 'Huyện Si Ma Cai', period: june, until: '15/07/2023', reason: REASON },
    };
    expect(lan.transcript.map((m) => m.reply)).toEqual([notice]);
    expect(hung.transcript.map((m) => m.reply)).toEqual([notice]);
    expect(hoa.transcript).toEqual([]);
    expect(await h.program.repos.calendar.reopenings(h.bloc.id)).toEqual([
      expect.objectContaining({
        periodId: '2023-06',
        unitId: 'si-ma-cai',
        until: local('2023-07-16T00:00'),
        reason: REASON,
        by: { channel: 'console', userId: 'thuky', name: 'Văn phòng khối' },
        at: local('2023-07-12T10:00'),
      }),
    ]);
  });

  it('then a late report is taken, marked late in the receipt and in storage, as the calendar says', async () => {
    const desk = await h.person({ role: 'secretariat' });
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan' });
    expect(keys(await lan.say('/baocao 6/2023'))).toEqual(['period.refused.locked']);
    await desk.say(`/moky si ma cai 6/2023 ${REASON}`);
    // June (reopened) and July (open) are both offered, oldest first.
    expect(keys(await lan.say('/baocao'))).toEqual(['report.whichPeriod']);
    expect(keys(await lan.say('1'))).toEqual(['report.intro', 'report.ask.question']);
    for (const answer of SEED_ANSWERS) await lan.say(answer);
    const receipt = last(await lan.say('1'));
    expect(receipt.reply).toMatchObject({
      key: 'report.receipt',
      params: { period: june, timeliness: { key: 'report.timeliness.late' } },
    });
    expect(await h.program.repos.submissions.find(h.bloc.id, '2023-06', 'si-ma-cai')).toMatchObject({
      status: 'submitted',
      onTime: false,
      firstSubmittedAt: local('2023-07-12T10:00'),
    });
    // After the reopening ends, the period is locked for the unit again.
    h.clock.now = local('2023-07-16T00:00');
    expect(keys(await lan.say('/baocao 6/2023'))).toEqual(['period.refused.locked']);
  });

  it.each([
    ['20/7/2023', '20/07/2023'],
    ['20/07/2023', '20/07/2023'],
    ['2023-07-20', '20/07/2023'],
    ['12/7/2023', '12/07/2023'],
  ])('takes an end date typed %s: open until the end of %s', async (typed, shown) => {
    const desk = await h.person({ role: 'secretariat' });
    const [answer] = await desk.say(`/reopen bao yen T6/2023 ${typed} đổi cán bộ đầu mối mới`);
    expect(answer?.reply).toMatchObject({ key: 'reopen.done', params: { unit: 'Huyện Bảo Yên', until: shown } });
    const [stored] = await h.program.repos.calendar.reopenings(h.bloc.id, 'bao-yen');
    const [d, m, y] = shown.split('/');
    expect(stored?.until.getTime()).toBe(local(`${y}-${m}-${d}T00:00`).getTime() + 86_400_000);
  });

  it('offers the units an ambiguous name fits, and reopens the one picked', async () => {
    const desk = await h.person({ role: 'secretariat' });
    const [asked] = await desk.say(`/moky bao 6/2023 ${REASON}`);
    expect(asked?.reply).toMatchObject({ key: 'desk.ambiguousUnit', params: { text: 'bao', count: 2 } });
    const labels = (asked?.reply.choices ?? []).flat().map((c) => ('text' in c.label ? c.label.text : ''));
    expect(labels).toEqual(['Huyện Bảo Thắng', 'Huyện Bảo Yên']);
    const [picked] = await desk.say('2');
    expect(picked?.reply).toMatchObject({ key: 'reopen.done', params: { unit: 'Huyện Bảo Yên', reason: REASON } });
    expect((await h.program.repos.calendar.reopenings(h.bloc.id)).map((r) => r.unitId)).toEqual(['bao-yen']);
  });

  it('says when the unit has no focal point registered, so the secretariat tells it another way', async () => {
    const desk = await h.person({ role: 'secretariat' });
    const [answer] = await desk.say(`/moky van ban 6/2023 ${REASON}`);
    expect(answer?.reply.params?.told).toEqual([
      { key: 'desk.unreached', params: { count: 1, units: 'Huyện Văn Bàn' } },
    ]);
  });

  it('gives a usage whose example works as typed', async () => {
    const desk = await h.person({ role: 'secretariat' });
    const [usage] = await desk.say('/moky');
    expect(usage?.reply.key).toBe('reopen.noArgs');
    const example = usage?.reply.params?.usage as Message;
    expect(example).toEqual({
      key: 'reopen.usage',
      params: { unit: 'thanh-pho-lao-cai', period: '6/2023', date: '15/07/2023', days: 3 },
    });
    const [ran] = await desk.say(`/moky thanh-pho-lao-cai 6/2023 15/07/2023 ${REASON}`);
    expect(ran?.reply.key).toBe('reopen.done');
  });
});

describe('/moky refuses what makes no sense, with an example', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: local('2023-07-12T10:00') });
  });
  afterEach(async () => {
    await h.close();
  });

  const say = async (text: string) => {
    const desk = await h.person({ role: 'secretariat' });
    const [answer] = await desk.say(text);
    return answer?.reply;
  };

  it('a period still open for the unit: reopening it is pointless, and the deadline is named', async () => {
    expect(await say(`/moky si ma cai 7/2023 ${REASON}`)).toEqual({
      key: 'reopen.stillOpen',
      params: {
        unit: 'Huyện Si Ma Cai',
        period: { key: 'common.period', params: { month: 7, year: 2023 } },
        due: '16/07/2023',
      },
    });
  });

  it('a period too old for /baocao to offer', async () => {
    expect(await say(`/moky si ma cai 6/2022 ${REASON}`)).toEqual({
      key: 'reopen.tooOld',
      params: { period: { key: 'common.period', params: { month: 6, year: 2022 } }, months: 12 },
    });
  });

  it('a period not open yet', async () => {
    expect(await say(`/moky si ma cai 8/2023 ${REASON}`)).toMatchObject({
      key: 'reopen.notOpenYet',
      params: { openAt: '10/08/2023' },
    });
  });

  it('an end date in the past, and one that is not a date', async () => {
    expect(await say(`/moky si ma cai 6/2023 11/7/2023 ${REASON}`)).toEqual({
      key: 'desk.pastDate',
      params: { date: '11/07/2023', today: '12/07/2023' },
    });
    expect(await say(`/moky si ma cai 6/2023 31/6/2023 ${REASON}`)).toEqual({
      key: 'desk.badDate',
      params: { text: '31/6/2023' },
    });
    expect(await say(`/moky si ma cai 6/2023 20/7/23 ${REASON}`)).toEqual({
      key: 'desk.badDate',
      params: { text: '20/7/23' },
    });
  });

  it('a reason of fewer than 3 words, or none', async () => {
    expect(await say('/moky si ma cai 6/2023 bổ sung')).toEqual({
      key: 'desk.reasonShort',
      params: { reason: 'bổ sung', min: 3, count: 2 },
    });
    expect(await say('/moky si ma cai 6/2023 20/7/2023')).toMatchObject({
      key: 'desk.reasonMissing',
      params: { min: 3, usage: { key: 'reopen.usage' } },
    });
  });

  it('a missing or unreadable period, a missing or unknown unit', async () => {
    expect(await say(`/moky si ma cai ${REASON}`)).toMatchObject({ key: 'reopen.noPeriod' });
    expect(await say(`/moky si ma cai 13/2023 ${REASON}`)).toEqual({
      key: 'period.errors.badMonth',
      params: { text: '13/2023', month: '13' },
    });
    expect(await say(`/moky 6/2023 ${REASON}`)).toMatchObject({ key: 'reopen.noUnit' });
    const unknown = await say(`/moky xyz 6/2023 ${REASON}`);
    expect(unknown).toMatchObject({ key: 'desk.unknownUnit', params: { text: 'xyz' } });
    expect(unknown?.params?.units).toHaveLength(9);
  });

  it('an accepted report (accepting locks it for the unit)', async () => {
    await saveReport(h, 'si-ma-cai', '2023-06', local('2023-06-14T08:00'), { status: 'accepted', onTime: true });
    expect(await say(`/moky si ma cai 6/2023 ${REASON}`)).toMatchObject({ key: 'reopen.accepted' });
  });

  it('stores nothing when it refuses', async () => {
    await say(`/moky si ma cai 7/2023 ${REASON}`);
    await say('/moky si ma cai 6/2023 bổ sung');
    expect(await h.program.repos.calendar.reopenings(h.bloc.id)).toEqual([]);
  });

  it('is refused to a focal point and a leader by the rights table, in both names', async () => {
    for (const role of ['focal', 'leader'] as const) {
      const chat = await h.person({ role, unitId: role === 'focal' ? 'si-ma-cai' : undefined });
      for (const command of ['/moky', '/reopen']) {
        expect((await chat.say(`${command} si ma cai 6/2023 ${REASON}`)).map((m) => m.reply)).toEqual([
          { key: 'engine.notAllowed', params: { command: 'moky' } },
        ]);
      }
    }
    expect(await h.program.repos.calendar.reopenings(h.bloc.id)).toEqual([]);
  });
});
