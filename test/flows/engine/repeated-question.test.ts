import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { JUNE_12, SEED_ANSWERS } from '../report/helpers.ts';

describe('an answer to a question sent twice after a crash never lands on the next one (issue 7, item 4)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: JUNE_12 });
  });
  afterEach(async () => {
    await h.close();
  });

  /** The outbox rows that asked this person's questions were sent again by a run after a crash. */
  async function questionsResent(userId: string) {
    await h.program.database.db
      .updateTable('outbox')
      .set({ attempts: 2 })
      .where('session_key', '=', `console:${userId}:${userId}`)
      .where('asks_seq', 'is not', null)
      .execute();
  }

  it('the same answer again within seconds is asked back: "không" drops it, the next answer goes on', async () => {
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan' });
    await lan.say('/baocao');
    for (const answer of SEED_ANSWERS.slice(0, 9)) await lan.say(answer);
    await questionsResent('lan');
    const tenth = await lan.say('224');
    expect(tenth[0]?.reply).toMatchObject({ key: 'report.echo', params: { number: 10 } });
    expect(keys(await lan.say('224'))).toEqual(['engine.repeatConfirm']);
    const ignored = await lan.say('không');
    expect(keys(ignored)).toEqual(['engine.repeatIgnored', 'report.ask.question']);
    expect(ignored[1]?.reply.params).toMatchObject({ number: 11 });
    const eleventh = await lan.say('9.224');
    expect(eleventh[0]?.reply).toMatchObject({ key: 'report.echo', params: { number: 11 } });
  });

  it('"có" takes the held answer for the current question', async () => {
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan' });
    await lan.say('/baocao');
    for (const answer of SEED_ANSWERS.slice(0, 9)) await lan.say(answer);
    await questionsResent('lan');
    await lan.say('224');
    await lan.say('224');
    const taken = await lan.say('có');
    expect(taken[0]?.reply).toMatchObject({ key: 'report.echo', params: { number: 11 } });
    expect(keys(taken)).toEqual(['report.echo', 'report.summary.title']);
  });

  it('two equal answers in a row with no question sent twice are both taken, without asking', async () => {
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan' });
    await lan.say('/baocao');
    for (const answer of SEED_ANSWERS.slice(0, 9)) await lan.say(answer);
    expect((await lan.say('224'))[0]?.reply).toMatchObject({ key: 'report.echo', params: { number: 10 } });
    expect((await lan.say('224'))[0]?.reply).toMatchObject({ key: 'report.echo', params: { number: 11 } });
  });
});
