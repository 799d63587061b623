import { expect, it } from 'vitest';
import { runAutomaticPosts } from '../../src/jobs/automatic-posts.ts';
import { createReportRendering } from '../../src/reports/rendering.ts';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { exampleBloc } from '../e2e/support/report-script.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { local } from '../support/submission-fixtures.ts';

/** June 2023 locks at the end of 9 July; its standings go out from 08:30 on 10 July (by hand). */
const LOCK_POST_AT = local('2023-07-10T08:30');

describeEachDatabase('automatic posts from two processes', (getDb) => {
  it('two runs on two connections post once: one claim wins, the other queues nothing', async () => {
    const db = getDb();
    const other = db.concurrentWriter();
    try {
      const bloc = await exampleBloc();
      const mine = createRepositories(db);
      const theirs = createRepositories(other);
      await mine.blocs.upsert({ id: bloc.id, name: bloc.name });
      await mine.groups.register({
        blocId: bloc.id,
        channel: 'telegram',
        chatId: '-100123',
        title: 'Lãnh đạo khối',
        by: { channel: 'telegram', userId: '1' },
        at: LOCK_POST_AT,
      });
      const rendering = createReportRendering();
      const reports = await Promise.all(
        [mine, theirs].map((repos) => runAutomaticPosts({ blocs: [bloc], repos, rendering }, LOCK_POST_AT)),
      );
      expect(reports.map((r) => r.standings).sort()).toEqual([0, 1]);
      const rows = await db.db.selectFrom('outbox').select(['chat_id', 'channel']).execute();
      expect(rows).toEqual([{ chat_id: '-100123', channel: 'telegram' }]);
      const claims = await db.db.selectFrom('reminder_claims').selectAll().execute();
      expect(claims.map((c) => [c.kind, c.period_id, c.unit_id, c.day])).toEqual([
        ['standings-post', '2023-06', '*', '2023-07-10'],
      ]);
    } finally {
      await other.close();
    }
  });
});
