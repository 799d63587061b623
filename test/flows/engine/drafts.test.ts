import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { JUNE_12, last } from '../report/helpers.ts';

/** The report question's indicator number (`report.ask.question` params). */
const asked = (m: ReturnType<typeof last>) =>
  m.reply.key === 'report.ask.question' ? m.reply.params?.number : undefined;

describe('drafts wait side by side; nothing typed is lost without asking (issue 7, item 2)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: JUNE_12 });
  });
  afterEach(async () => {
    await h.close();
  });

  it('/dexuat in the middle of a report keeps its figures; /baocao resumes at indicator 3', async () => {
    const lan = await h.person({ unitId: 'si-ma-cai' });
    await lan.say('/baocao');
    await lan.say('45,2 tỷ');
    await lan.say('51,6%');
    const interrupted = await lan.say('/dexuat');
    expect(keys(interrupted)).toEqual(['engine.draftKept', 'nominate.intro', 'nominate.ask.kind']);
    expect(interrupted[0]?.reply.params).toEqual({
      summary: {
        key: 'report.progress',
        params: { period: { key: 'common.period', params: { month: 6, year: 2023 } }, count: 2, total: 11 },
      },
      command: 'baocao',
    });
    const resumed = await lan.say('/baocao');
    // The nomination had only its first question: nothing typed, nothing to keep.
    expect(keys(resumed)).toEqual(['engine.resumed', 'report.ask.question']);
    expect(asked(last(resumed))).toBe(3);
    expect(keys(await lan.say('20.207 tỷ'))).toEqual(['report.echo', 'report.ask.question']);
  });

  it('/baocao in the middle of a nomination keeps it; /dexuat asks the same question again', async () => {
    const hoa = await h.person({ unitId: 'bao-yen' });
    await hoa.say('/dexuat');
    await hoa.say('tập thể');
    expect(keys(await hoa.say('Phòng Văn hóa và Thông tin huyện Bảo Yên'))).toEqual(['nominate.ask.movement']);
    const report = await hoa.say('/baocao');
    expect(keys(report)).toEqual(['engine.draftKept', 'report.intro', 'report.ask.question']);
    expect(report[0]?.reply.params).toMatchObject({
      summary: { key: 'nominate.progressNamed', params: { name: 'Phòng Văn hóa và Thông tin huyện Bảo Yên' } },
      command: 'dexuat',
    });
    await hoa.say('45,2 tỷ');
    const back = await hoa.say('/dexuat');
    expect(keys(back)).toEqual(['engine.draftKept', 'engine.resumed', 'nominate.ask.movement']);
    // The movement list is numbered again: "6" picks the sixth, Chuyển đổi số.
    expect(keys(await hoa.say('6'))).toEqual(['nominate.ask.achievements']);
  });

  it('/huy over typed figures asks first; "không" keeps them, "có" discards only the active draft', async () => {
    const lan = await h.person({ unitId: 'si-ma-cai' });
    await lan.say('/dexuat');
    await lan.say('tập thể');
    await lan.say('Trường Tiểu học Lử Thẩn');
    await lan.say('/baocao');
    await lan.say('45,2 tỷ');
    expect(keys(await lan.say('/huy'))).toEqual(['engine.discardConfirm']);
    const kept = await lan.say('không');
    expect(keys(kept)).toEqual(['engine.draftNotDiscarded', 'report.ask.question']);
    expect(asked(last(kept))).toBe(2);
    expect(keys(await lan.say('hủy'))).toEqual(['engine.discardConfirm']);
    // The nomination still waits, and is recalled once the report is gone.
    expect(keys(await lan.say('có'))).toEqual(['engine.cancelled', 'engine.draftWaiting']);
    const fresh = await lan.say('/baocao');
    expect(keys(fresh)).toEqual(['report.intro', 'report.ask.question']);
    expect(asked(last(fresh))).toBe(1);
  });

  it('a report draft is indexed by period while it waits, and leaves the index when it ends', async () => {
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan', chatId: 'chat-lan' });
    const index = () => h.program.repos.openDrafts.forPeriod(h.bloc.id, '2023-06');
    await lan.say('/baocao');
    expect(await index()).toEqual([
      {
        sessionKey: 'console:chat-lan:lan',
        command: 'baocao',
        blocId: h.bloc.id,
        unitId: 'si-ma-cai',
        periodId: '2023-06',
      },
    ]);
    await lan.say('45,2 tỷ');
    await lan.say('/dexuat');
    // Parked, it is still a draft of June.
    expect(await index()).toHaveLength(1);
    await lan.say('/baocao');
    await lan.say('/huy');
    await lan.say('có');
    expect(await index()).toEqual([]);
  });

  it('/huy with nothing typed yet cancels at once; /huy with no conversation says so', async () => {
    const lan = await h.person({ unitId: 'si-ma-cai' });
    await lan.say('/baocao');
    expect(keys(await lan.say('/huy'))).toEqual(['engine.cancelled']);
    expect(keys(await lan.say('/huy'))).toEqual(['engine.nothingToCancel']);
  });

  it('text outside any conversation reminds of a draft that waits', async () => {
    const lan = await h.person({ unitId: 'si-ma-cai' });
    await lan.say('/baocao');
    await lan.say('45,2 tỷ');
    expect(keys(await lan.say('/ngonngu'))).toEqual(['engine.draftKept', 'language.ask']);
    expect(keys(await lan.say('/xem'))).toEqual(['view.nothing', 'engine.stillInFlow']);
    // The language conversation ends: the report that waits is recalled, and again on any text.
    expect(keys(await lan.say('Tiếng Việt'))).toEqual(['language.set', 'engine.draftWaiting']);
    expect(keys(await lan.say('xin chào'))).toEqual(['engine.draftWaiting']);
  });

  it('a version-1 session written before the upgrade keeps its drafts (report and nomination)', async () => {
    const v1 = JSON.parse(readFileSync(new URL('../../fixtures/session-v1.json', import.meta.url), 'utf8')) as {
      report: unknown;
      nominate: unknown;
    };
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan', chatId: 'chat-lan' });
    const hoa = await h.person({ unitId: 'bao-yen', userId: 'hoa', chatId: 'chat-hoa' });
    await h.program.services.sessions.set('console:chat-lan:lan', v1.report);
    await h.program.services.sessions.set('console:chat-hoa:hoa', v1.nominate);
    // Two figures were typed before the upgrade: the next answer is indicator 3's.
    const third = await lan.say('20.207 tỷ');
    expect(keys(third)).toEqual(['report.echo', 'report.ask.question']);
    expect(third[0]?.reply.params).toMatchObject({ number: 3 });
    expect(asked(last(third))).toBe(4);
    // The nomination waited at the movement question, its numbered list still valid.
    expect(keys(await hoa.say('6'))).toEqual(['nominate.ask.achievements']);
    const stored = (await h.program.services.sessions.get('console:chat-lan:lan')) as { v: number; drafts: object };
    expect(stored.v).toBe(2);
    expect(Object.keys(stored.drafts)).toEqual(['baocao']);
  });
});
