import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { find, JUNE_12, last, nested, reportAll, SEED_VALUES } from './helpers.ts';

const PASTE = [
  '1: 45,2 tỷ',
  '2: 51,6%',
  '3 = 20.207 tỷ',
  'viec-lam-moi: 1.100',
  '6: 13/13',
  '7: 1.234',
  '8: 6/12',
  '9: 10,61 ; ước',
  '10: 1502',
  '11: 9.224',
  '12: 5',
  'tổng cộng xong',
  '5: 1.200',
].join('\n');

describe('/baocao: bulk paste and the summary', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: JUNE_12 });
  });
  afterEach(async () => {
    await h.close();
  });

  const stored = () => h.program.repos.submissions.find(h.bloc.id, '2023-06', 'si-ma-cai');

  it('takes the valid lines, lists the bad ones with reasons, asks the ambiguous one, then shows the summary', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await chat.say('/baocao');
    const pasted = await chat.say(PASTE);
    expect(keys(pasted)).toEqual([
      'report.bulk.taken',
      'report.bulk.problems',
      'report.bulk.queued',
      'report.ambiguous',
    ]);
    expect(pasted[0]?.reply.params).toMatchObject({ count: 9 });
    const problems = pasted[1]!.reply.params?.lines;
    expect(Array.isArray(problems) && problems.map((m) => [m.key, m.params?.line])).toEqual([
      ['report.bulk.unknownIndicator', 11],
      ['report.bulk.unreadable', 12],
      ['report.bulk.duplicate', 13],
    ]);
    expect(last(pasted).reply.params).toMatchObject({ number: 7, raw: '1.234' });

    const summary = await chat.say('1,234%');
    // The typed reading is taken as a new answer for the same indicator, then the summary: the
    // optional indicator 4 was not in the paste and is shown as not reported.
    expect(keys(summary)).toEqual(['report.echo', 'report.summary.title']);
    expect(last(summary).reply.params).toMatchObject({ count: 10 });
    expect(find(last(summary).reply, 'report.summary.missing')?.params).toMatchObject({ number: 4 });

    await chat.say('Gửi');
    const saved = await stored();
    expect(saved?.values).toHaveLength(10);
    const byCode = new Map(saved!.values.map((v) => [v.indicatorCode, v]));
    expect(byCode.get('viec-lam-moi')?.value).toEqual(SEED_VALUES['viec-lam-moi']);
    expect(byCode.get('huy-dong-hoc-sinh')?.value).toEqual({ type: 'scalar', value: 1.234 });
    expect(byCode.get('tieu-chi-ntm')).toMatchObject({ raw: '10,61', estimate: true });
  });

  it('after a paste missing a required indicator, asks that one first', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await chat.say('/baocao');
    const pasted = await chat.say('1: 45,2 tỷ\n2: 51,6%');
    expect(keys(pasted)).toEqual(['report.bulk.taken', 'report.ask.question']);
    expect(last(pasted).reply.params).toMatchObject({ number: 3 });
    const next = await chat.say('20.207 tỷ');
    // Only the required ones still missing: the optional indicator 4 is not asked.
    expect(last(next).reply.params).toMatchObject({ number: 5 });
  });

  it('a paste of nothing valid keeps the question and the draft', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await chat.say('/baocao');
    await chat.say('45,2 tỷ');
    const bad = await chat.say('15: 3\n2: abc');
    expect(keys(bad)).toEqual(['report.bulk.problems', 'report.again']);
    const reason = find(bad[0]!.reply, 'report.bulk.badFigure');
    expect(reason?.params).toMatchObject({ line: 2, number: 2, reason: { key: 'figures.errors.notANumber' } });
    expect(last(bad).reply.params).toMatchObject({ number: 2 });
    const ok = await chat.say('51,6%');
    expect(last(ok).reply.params).toMatchObject({ number: 3 });
  });

  it('changes one indicator from the summary and comes back to it', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await reportAll(chat);
    const which = await chat.say('2');
    expect(keys(which)).toEqual(['report.pickIndicator']);
    const options = last(which).reply.choices!.flat();
    expect(options).toHaveLength(12);
    const question = await chat.say('3');
    expect(last(question).reply.params).toMatchObject({ number: 3 });
    expect(find(last(question).reply, 'report.ask.hint.requiredToSummary')).toBeDefined();
    const back = await chat.say('20.300 tỷ');
    expect(keys(back)).toEqual(['report.echo', 'report.summary.title']);
    const line3 = nested(last(back).reply).find((m) => m.key === 'report.summary.line' && m.params?.number === 3);
    expect(find(line3!, 'report.value.unit')?.params).toMatchObject({ number: '20.300' });
    // A stale number on the summary is refused and changes nothing.
    expect(keys(await chat.say('7'))).toEqual(['engine.pickNumber']);
    expect(keys(await chat.say('gì vậy'))).toEqual(['report.summaryUnclear', 'report.summary.title']);
    await chat.say('1');
    const saved = await stored();
    expect(saved?.values.find((v) => v.indicatorCode === 'gia-tri-cong-nghiep')?.value).toEqual({
      type: 'scalar',
      value: 20300,
    });
  });

  it('a paste on the summary changes those figures and shows the summary again', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await reportAll(chat);
    const out = await chat.say('1: 50 tỷ\n4: bỏ qua');
    expect(keys(out)).toEqual(['report.bulk.taken', 'report.bulk.problems', 'report.summary.title']);
    expect(find(last(out).reply, 'report.detail.ofPlan')?.params).toMatchObject({ percent: '83,3' });
  });

  it('cancels from the summary without storing anything', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'si-ma-cai' });
    await reportAll(chat);
    // Eleven figures typed: discarding them is confirmed first; "không" keeps them, then "có" goes.
    expect(keys(await chat.say('3'))).toEqual(['engine.discardConfirm']);
    expect(keys(await chat.say('không'))).toEqual(['engine.draftNotDiscarded', 'report.summary.title']);
    expect(keys(await chat.say('3'))).toEqual(['engine.discardConfirm']);
    expect(keys(await chat.say('1'))).toEqual(['engine.cancelled']);
    expect(await stored()).toBeUndefined();
  });
});
