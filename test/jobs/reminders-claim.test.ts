import { expect, it } from 'vitest';
import { runReminders } from '../../src/jobs/reminders.ts';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { exampleBloc } from '../e2e/support/report-script.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { local } from '../support/submission-fixtures.ts';

/** June 2023 is due by the end of 16 June; 13 June at 08:30 is its first before-due reminder (by hand). */
const FIRST_REMINDER_AT = local('2023-06-13T08:30');

describeEachDatabase('reminders from two processes', (getDb) => {
  it('two runs on two connections queue each unit’s reminder once', async () => {
    const db = getDb();
    const other = db.concurrentWriter();
    try {
      const bloc = await exampleBloc();
      const mine = createRepositories(db);
      const theirs = createRepositories(other);
      await mine.blocs.upsert({ id: bloc.id, name: bloc.name });
      for (const [userId, unitId] of [
        ['101', 'si-ma-cai'],
        ['102', 'si-ma-cai'],
        ['103', 'bao-yen'],
      ] as const) {
        await mine.registrations.bind({
          channel: 'telegram',
          userId,
          blocId: bloc.id,
          role: 'focal',
          unitId,
          at: FIRST_REMINDER_AT,
        });
      }
      const reports = await Promise.all(
        [mine, theirs].map((repos) => runReminders({ blocs: [bloc], repos }, FIRST_REMINDER_AT)),
      );
      expect(reports.map((r) => r.people).reduce((a, b) => a + b)).toBe(3);
      const rows = await db.db.selectFrom('outbox').select(['chat_id']).orderBy('chat_id').execute();
      expect(rows.map((r) => r.chat_id)).toEqual(['101', '102', '103']);
      const claims = await db.db
        .selectFrom('reminder_claims')
        .select(['unit_id', 'kind', 'day'])
        .orderBy('unit_id')
        .execute();
      expect(claims).toEqual([
        { unit_id: 'bao-yen', kind: 'before_due', day: '2023-06-13' },
        { unit_id: 'si-ma-cai', kind: 'before_due', day: '2023-06-13' },
      ]);
    } finally {
      await other.close();
    }
  });
});
