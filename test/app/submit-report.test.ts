import { sql } from 'kysely';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { submitReport, type SubmitReportResult } from '../../src/app/use-cases/submit-report.ts';
import { EXAMPLE_BLOC_FILE } from '../../src/cli/bloc-source.ts';
import { loadBlocs } from '../../src/config/bloc-loader.ts';
import type { Bloc } from '../../src/domain/bloc.ts';
import type { ReportedValue } from '../../src/domain/submission.ts';
import type { Database } from '../../src/storage/database.ts';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { SEED_ANSWERS, SEED_VALUES } from '../flows/report/helpers.ts';
import { saveSubmission } from '../support/submission-fixtures.ts';

/** 10:00 local on 12 June 2023 (June due on the 16th): on time. 10:00 on 20 June: late. */
const ON_TIME = new Date('2023-06-12T03:00:00Z');
const LATE = new Date('2023-06-20T03:00:00Z');

let bloc: Bloc;
beforeAll(async () => {
  const { blocs } = await loadBlocs(EXAMPLE_BLOC_FILE);
  if (!blocs[0]) throw new Error('the example bloc does not load');
  bloc = blocs[0];
});

/** The seed's figures; with `budget`, the first indicator typed as that instead. */
function values(budget?: { raw: string; value: number }): ReportedValue[] {
  return bloc.indicators.map((indicator, i) => {
    if (i === 0 && budget)
      return {
        indicatorCode: indicator.code,
        raw: budget.raw,
        value: { type: 'scalar', value: budget.value },
        estimate: false,
      };
    return {
      indicatorCode: indicator.code,
      raw: SEED_ANSWERS[i] ?? '',
      value: SEED_VALUES[indicator.code] as ReportedValue['value'],
      estimate: false,
    };
  });
}

describeEachDatabase('submitReport: two focal points of one unit send at the same moment', (getDb, dialect) => {
  beforeEach(async () => {
    await createRepositories(getDb()).blocs.upsert({ id: bloc.id, name: bloc.name });
  });

  /** One update's transaction: sends, then holds the transaction open until `release` resolves. */
  function send(
    database: Pick<Database, 'db' | 'dialect'>,
    userId: string,
    now: Date,
    budget: { raw: string; value: number } | undefined,
    release: Promise<void>,
  ) {
    const repos = createRepositories(database);
    let sent!: () => void;
    const done = new Promise<void>((resolve) => (sent = resolve));
    const result = repos.unitOfWork.run(async (): Promise<SubmitReportResult> => {
      const r = await submitReport(repos, {
        bloc,
        unitId: 'si-ma-cai',
        periodId: '2023-06',
        values: values(budget),
        actor: { channel: 'telegram', userId },
        now,
      });
      sent();
      await release;
      return r;
    });
    return { result, sent: done };
  }

  /** Until a PostgreSQL backend waits for a lock (the second sender queued behind the first). */
  async function someoneWaits(database: Database): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const waiting = await sql<{ n: string }>`select count(*) as n from pg_locks where not granted`.execute(
        database.db,
      );
      if (Number(waiting.rows[0]?.n) > 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the second sender never waited for the first');
  }

  it('the first sender fixes the time and on-time flag; the second is told it revised, with what it changed', async () => {
    const other = getDb().concurrentWriter();
    try {
      let commitFirst!: () => void;
      const first = send(getDb(), 'hoa', ON_TIME, undefined, new Promise((r) => (commitFirst = r)));
      await first.sent;
      // On PostgreSQL the second sends while the first's transaction is still open; SQLite has one
      // writer, so there the second starts once the first has committed.
      if (dialect === 'sqlite') commitFirst();
      const second = send(other, 'lan', LATE, { raw: '46 tỷ', value: 46 }, Promise.resolve());
      if (dialect === 'postgres') {
        await someoneWaits(getDb());
        commitFirst();
      }
      const [a, b] = await Promise.all([first.result, second.result]);

      expect(a).toMatchObject({ status: 'submitted', revision: false, submission: { onTime: true, revision: 1 } });
      expect(b.status).toBe('submitted');
      if (b.status !== 'submitted') return;
      expect(b.revision).toBe(true);
      expect(b.submission).toMatchObject({
        onTime: true,
        firstSubmittedAt: ON_TIME,
        lastSubmittedAt: LATE,
        revision: 2,
      });
      expect(b.changes.map((c) => [c.indicatorCode, c.before?.raw, c.after?.raw])).toEqual([
        ['thu-ngan-sach', '45,2 tỷ', '46 tỷ'],
      ]);

      const repos = createRepositories(getDb());
      expect(await repos.submissions.find(bloc.id, '2023-06', 'si-ma-cai')).toMatchObject({
        onTime: true,
        firstSubmittedAt: ON_TIME,
        revision: 2,
      });
      // The audit agrees with the second receipt: eleven values added, then one changed.
      const trail = await repos.submissions.auditTrail(bloc.id, '2023-06', 'si-ma-cai');
      expect(trail.filter((e) => e.revision === 1)).toHaveLength(11);
      expect(trail.filter((e) => e.revision === 2).map((e) => [e.indicatorCode, e.before?.raw, e.after?.raw])).toEqual([
        ['thu-ngan-sach', '45,2 tỷ', '46 tỷ'],
      ]);
    } finally {
      await other.close();
    }
  });

  it('a revision after a return, past the date given, makes the report late; before it, keeps it on time', async () => {
    const repos = createRepositories(getDb());
    const sendNow = (now: Date, budget?: { raw: string; value: number }) =>
      repos.unitOfWork.run(() =>
        submitReport(repos, {
          bloc,
          unitId: 'si-ma-cai',
          periodId: '2023-06',
          values: values(budget),
          actor: { channel: 'telegram', userId: 'hoa' },
          now,
        }),
      );
    await sendNow(ON_TIME);
    const stored = await repos.submissions.find(bloc.id, '2023-06', 'si-ma-cai');
    const returnBy = (reviseBy: Date) =>
      saveSubmission(
        repos,
        { ...stored!, status: 'returned', returnReason: 'kiểm tra', reviseBy },
        { actor: { channel: 'telegram', userId: 'thuky' }, at: ON_TIME },
      );

    await returnBy(new Date('2023-06-25T17:00:00Z'));
    expect(await sendNow(LATE, { raw: '46 tỷ', value: 46 })).toMatchObject({
      submission: { onTime: true, firstSubmittedAt: ON_TIME },
    });
    await returnBy(new Date('2023-06-18T17:00:00Z'));
    expect(await sendNow(LATE, { raw: '47 tỷ', value: 47 })).toMatchObject({
      submission: { onTime: false, firstSubmittedAt: ON_TIME },
    });
  });
});

describeEachDatabase(
  'submitReport: membership',
  (getDb) => {
    it("refuses, at the moment of sending, a unit that is not a member of the bloc in the period's year", async () => {
      const repos = createRepositories(getDb());
      await repos.blocs.upsert({ id: bloc.id, name: bloc.name });
      const result = await repos.unitOfWork.run(() =>
        submitReport(repos, {
          bloc,
          unitId: 'xa-moi',
          periodId: '2023-06',
          values: values(),
          actor: { channel: 'telegram', userId: 'x' },
          now: ON_TIME,
        }),
      );
      expect(result).toEqual({ status: 'notMember', year: 2023 });
      expect(await repos.submissions.find(bloc.id, '2023-06', 'xa-moi')).toBeUndefined();
    });
  },
  { dialects: ['sqlite'] },
);
