import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { find, JUNE_12, JUNE_20, last, param, reportAndSend, SEED_ANSWERS } from './helpers.ts';
import { saveSubmission } from '../../support/submission-fixtures.ts';

describe('/baocao: revisions and timeliness', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: JUNE_12 });
  });
  afterEach(async () => {
    await h.close();
  });

  const repos = () => h.program.repos;
  const stored = () => repos().submissions.find(h.bloc.id, '2023-06', 'si-ma-cai');

  it('a second report is a revision: the sent figures can be kept, the receipt lists what changed, the audit has old → new', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await reportAndSend(chat);
    h.clock.now = new Date('2023-06-13T03:00:00Z');

    const opening = await chat.say('/baocao');
    expect(keys(opening)).toEqual(['report.intro', 'report.revising', 'report.ask.question']);
    expect(find(last(opening).reply, 'report.ask.sent')?.params?.figure).toMatchObject({ params: { number: '45,2' } });
    expect(keys(await chat.say('giữ'))).toEqual(['report.kept', 'report.ask.question']);
    expect(keys(await chat.say('52,1%'))).toEqual(['report.echo', 'report.ask.question']);
    const pasted = await chat.say('3: 20.300 tỷ\n11: 9.224');
    expect(keys(pasted)).toEqual(['report.bulk.taken', 'report.summary.revision']);

    const receipt = await chat.say('1');
    expect(keys(receipt)).toEqual(['report.receiptRevision']);
    const params = receipt[0]!.reply.params!;
    expect(params).toMatchObject({ revision: 2, count: 11, timeliness: { key: 'report.timeliness.onTime' } });
    const changes = params.changes;
    expect(
      Array.isArray(changes) &&
        changes.map((c) => [c.params?.number, param(c, 'before').params?.number, param(c, 'after').params?.number]),
    ).toEqual([
      [2, '51,6', '52,1'],
      [3, '20.207', '20.300'],
    ]);

    const saved = await stored();
    expect(saved).toMatchObject({ revision: 2, onTime: true, firstSubmittedAt: JUNE_12 });
    const trail = await repos().submissions.auditTrail(h.bloc.id, '2023-06', 'si-ma-cai');
    const second = trail.filter((e) => e.revision === 2);
    expect(second.map((e) => [e.indicatorCode, e.before?.value, e.after?.value])).toEqual([
      ['san-luong-cay-trong', { type: 'scalar', value: 51.6 }, { type: 'scalar', value: 52.1 }],
      ['gia-tri-cong-nghiep', { type: 'scalar', value: 20207 }, { type: 'scalar', value: 20300 }],
    ]);
    expect(second[0]?.actor).toMatchObject({ channel: 'console' });
  });

  it('a revision with nothing changed says so', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await reportAndSend(chat);
    await chat.say('/baocao');
    const summary = await chat.say('1: 45,2 tỷ');
    expect(keys(summary)).toEqual(['report.bulk.taken', 'report.summary.revision']);
    const receipt = await chat.say('1');
    expect(keys(receipt)).toEqual(['report.receiptUnchanged']);
    expect((await stored())?.revision).toBe(1);
  });

  it('a figure only typed another way is a revision storage audits; the receipt counts it instead of listing it', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await reportAndSend(chat);
    await chat.say('/baocao');
    await chat.say('1: 45.2 tỷ');
    const receipt = await chat.say('1');
    expect(keys(receipt)).toEqual(['report.receiptRetyped']);
    const params = receipt[0]!.reply.params!;
    const saved = await stored();
    expect(saved?.revision).toBe(2);
    expect(params).toMatchObject({ revision: 2, retyped: 1, count: 11 });
    const trail = (await repos().submissions.auditTrail(h.bloc.id, '2023-06', 'si-ma-cai')).filter(
      (e) => e.revision === 2,
    );
    expect(trail.map((e) => [e.indicatorCode, e.before?.raw, e.after?.raw])).toEqual([
      ['thu-ngan-sach', '45,2 tỷ', '45.2 tỷ'],
    ]);
  });

  it('a revision receipt lists the values that changed, then one line for the figures only retyped', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await reportAndSend(chat);
    await chat.say('/baocao');
    await chat.say('1: 45.2 tỷ\n10: 1.502\n11: 9300');
    const receipt = await chat.say('1');
    expect(keys(receipt)).toEqual(['report.receiptRevision']);
    const changes = receipt[0]!.reply.params!.changes;
    expect(Array.isArray(changes) && changes.map((c) => c.key)).toEqual(['report.change', 'report.retypedAlso']);
    expect(Array.isArray(changes) && changes[0]?.params?.number).toBe(11);
    expect(Array.isArray(changes) && changes[1]).toEqual({ key: 'report.retypedAlso', params: { count: 2 } });
    const trail = (await repos().submissions.auditTrail(h.bloc.id, '2023-06', 'si-ma-cai')).filter(
      (e) => e.revision === 2,
    );
    expect(trail.map((e) => e.indicatorCode)).toEqual(['thu-ngan-sach', 'khen-thuong-tap-the', 'khen-thuong-ca-nhan']);
  });

  it('a report after the due day is late; a later revision keeps that', async () => {
    h.clock.now = JUNE_20;
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    const opening = await chat.say('/baocao');
    expect(opening[0]?.reply.params?.state).toMatchObject({ key: 'report.state.late', params: { date: '09/07/2023' } });
    for (const answer of SEED_ANSWERS) await chat.say(answer);
    const receipt = await chat.say('1');
    expect(param(receipt[0]!.reply, 'timeliness').key).toBe('report.timeliness.late');
    expect((await stored())?.onTime).toBe(false);

    await chat.say('/baocao');
    await chat.say('1: 46 tỷ');
    const revised = await chat.say('1');
    expect(param(revised[0]!.reply, 'timeliness').key).toBe('report.timeliness.late');
    expect(await stored()).toMatchObject({ onTime: false, revision: 2 });
  });

  it('an on-time report revised after the due day stays on time', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await reportAndSend(chat);
    h.clock.now = JUNE_20;
    await chat.say('/baocao');
    await chat.say('1: 46 tỷ');
    const revised = await chat.say('1');
    expect(keys(revised)).toEqual(['report.receiptRevision']);
    expect(param(revised[0]!.reply, 'timeliness').key).toBe('report.timeliness.onTime');
    expect(await stored()).toMatchObject({
      onTime: true,
      revision: 2,
      lastSubmittedAt: JUNE_20,
      firstSubmittedAt: JUNE_12,
    });
  });

  it('a returned report shows the reason; revised after the date given, it becomes late', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await reportAndSend(chat);
    const sent = (await stored())!;
    await saveSubmission(
      repos(),
      {
        ...sent,
        status: 'returned',
        returnReason: 'Kiểm tra lại chỉ tiêu 3',
        reviseBy: new Date('2023-06-14T17:00:00Z'),
      },
      { actor: { channel: 'console', userId: 'thuky' }, at: new Date('2023-06-13T03:00:00Z') },
    );
    h.clock.now = new Date('2023-06-15T03:00:00Z');
    const opening = await chat.say('/baocao');
    expect(keys(opening)).toEqual(['report.intro', 'report.returned', 'report.ask.question']);
    expect(opening[1]?.reply.params).toEqual({ reason: 'Kiểm tra lại chỉ tiêu 3', reviseBy: '00:00 15/06/2023' });
    await chat.say('3: 20.300 tỷ');
    const receipt = await chat.say('1');
    expect(keys(receipt)).toEqual(['report.receiptRevision']);
    expect(param(receipt[0]!.reply, 'timeliness').key).toBe('report.timeliness.late');
    expect(await stored()).toMatchObject({ status: 'submitted', onTime: false, revision: 2 });
  });

  it("shows the previous period's figure beside each question", async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await saveSubmission(
      repos(),
      {
        blocId: h.bloc.id,
        periodId: '2023-05',
        unitId: 'si-ma-cai',
        status: 'submitted',
        revision: 0,
        values: [{ indicatorCode: 'thu-ngan-sach', raw: '38', value: { type: 'scalar', value: 38 }, estimate: false }],
      },
      { actor: { channel: 'console', userId: 'x' }, at: new Date('2023-05-14T03:00:00Z') },
    );
    const opening = await chat.say('/baocao');
    const previous = find(last(opening).reply, 'report.ask.previous');
    expect(previous?.params).toMatchObject({ period: { params: { month: 5 } }, figure: { params: { number: '38' } } });
  });
});
