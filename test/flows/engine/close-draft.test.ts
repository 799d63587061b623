import { afterEach, describe, expect, it } from 'vitest';
import { reply } from '../../../src/app/messages.ts';
import { runPeriodLocks } from '../../../src/jobs/period-locks.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { local } from '../../support/submission-fixtures.ts';

const KEY = 'console:chat-lan:lan';

describe('engine.closeDraft', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  async function drafting() {
    // 5 July 2023: June is late; it locks at 00:00 on 10 July.
    h = await createHarness({ now: local('2023-07-05T10:00') });
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan', chatId: 'chat-lan' });
    await lan.say('/baocao 6/2023');
    await lan.say('45,2 tỷ');
    const [row] = await h.program.repos.openDrafts.forPeriod(h.bloc.id, '2023-06');
    if (!row) throw new Error('the draft was not indexed');
    return { lan, row };
  }

  it('changes nothing when the caller’s check says no inside the turn (a /moky came in between)', async () => {
    const { lan, row } = await drafting();
    const before = lan.transcript.length;
    const outcome = await h.program.engine.closeDraft({
      draft: row,
      stillWanted: () => Promise.resolve(false),
      notice: () => reply('periodLock.draftClosedUnread', { period: 'x', at: 'y', reopen: 'z' }),
    });
    expect(outcome).toBe('kept');
    await h.program.dispatcher.flush();
    expect(lan.transcript.length).toBe(before);
    expect(await h.program.repos.openDrafts.forPeriod(h.bloc.id, '2023-06')).toEqual([row]);
    expect(keys(await lan.say('51,6%'))).toEqual(['report.echo', 'report.ask.question']);
  });

  it('a draft its flow cannot read is still closed, with the notice that names no figures', async () => {
    const { lan } = await drafting();
    const stored = (await h.program.services.sessions.get(KEY)) as { drafts: { baocao: { draft: object } } };
    stored.drafts.baocao.draft = { ...stored.drafts.baocao.draft, cursor: -1 };
    await h.program.services.sessions.set(KEY, stored);
    h.clock.now = local('2023-07-10T00:05');
    const report = await runPeriodLocks(
      { blocs: [h.bloc], repos: h.program.repos, engine: h.program.engine },
      h.clock.now,
    );
    expect(report).toEqual({ closed: 1, stale: 0, failed: 0 });
    await h.program.dispatcher.flush();
    expect(lan.transcript.at(-1)?.reply).toEqual({
      key: 'periodLock.draftClosedUnread',
      params: {
        period: { key: 'common.period', params: { month: 6, year: 2023 } },
        at: '00:00 10/07/2023',
        reopen: { key: 'period.reopen.command' },
      },
    });
  });
});
