import { beforeEach, expect, it } from 'vitest';
import type { Submission } from '../../src/domain/submission.ts';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { at, BLOC, focal, secretary } from '../support/storage-fixtures.ts';

const report: Submission = {
  blocId: BLOC,
  periodId: '2024-06',
  unitId: 'bao-yen',
  status: 'submitted',
  revision: 3,
  firstSubmittedAt: at('2024-06-14T02:00:00.000Z'),
  lastSubmittedAt: at('2024-06-15T02:00:00.000Z'),
  onTime: false,
  values: [
    { indicatorCode: 'thu-ngan-sach', raw: '51,6%', value: { type: 'scalar', value: 51.6 }, estimate: false },
    {
      indicatorCode: 'xa-nong-thon-moi',
      raw: '62/127',
      value: { type: 'ratio', numerator: 62, denominator: 127 },
      estimate: true,
      note: 'ước',
      confirmedOutOfRange: true,
    },
  ],
};

describeEachDatabase('submissions (storage keeps what it is given)', (getDb, dialect) => {
  const repos = () => createRepositories(getDb());

  beforeEach(async () => {
    await repos().blocs.upsert({ id: BLOC, name: 'Khối 1' });
  });

  it('writes a report as given, revision and timeliness included, and reads it back', async () => {
    await repos().submissions.write(report, { changes: [], actor: focal, at: at('2024-06-15T02:00:00.000Z') });
    expect(await repos().submissions.find(BLOC, '2024-06', 'bao-yen')).toEqual(report);
    expect(await repos().submissions.find(BLOC, '2024-06', 'si-ma-cai')).toBeUndefined();
    // A second write replaces the row and its values; storage counts nothing itself.
    const only = { ...report, revision: 3, values: [report.values[0]!] };
    await repos().submissions.write(only, { changes: [], actor: focal, at: at('2024-06-15T03:00:00.000Z') });
    expect(await repos().submissions.find(BLOC, '2024-06', 'bao-yen')).toEqual(only);
    expect(await repos().submissions.auditTrail(BLOC, '2024-06', 'bao-yen')).toEqual([]);
  });

  it('records exactly the audit entries it is given, with the revision written', async () => {
    const [budget, communes] = report.values;
    await repos().submissions.write(report, {
      changes: [
        {
          indicatorCode: 'thu-ngan-sach',
          before: { ...budget!, raw: '50%', value: { type: 'scalar', value: 50 } },
          after: budget,
        },
        { indicatorCode: 'xa-nong-thon-moi', after: communes },
        { indicatorCode: 'khen-thuong-tap-the', before: budget },
      ],
      actor: secretary,
      at: at('2024-06-16T02:00:00.000Z'),
      reason: 'theo công văn 12',
    });
    const trail = await repos().submissions.auditTrail(BLOC, '2024-06', 'bao-yen');
    expect(trail.map((e) => [e.indicatorCode, e.revision, e.before?.raw, e.after?.raw])).toEqual([
      ['thu-ngan-sach', 3, '50%', '51,6%'],
      ['xa-nong-thon-moi', 3, undefined, '62/127'],
      ['khen-thuong-tap-the', 3, '51,6%', undefined],
    ]);
    expect(trail[1]).toMatchObject({
      after: {
        value: { type: 'ratio', numerator: 62, denominator: 127 },
        estimate: true,
        note: 'ước',
        confirmedOutOfRange: true,
      },
      actor: secretary,
      at: at('2024-06-16T02:00:00.000Z'),
      reason: 'theo công văn 12',
    });
  });

  it('lists the submissions of a period with their own values', async () => {
    const s = repos().submissions;
    const audit = { changes: [], actor: focal, at: at('2024-06-12T02:00:00.000Z') };
    await s.write(report, audit);
    await s.write({ ...report, unitId: 'si-ma-cai', values: [] }, audit);
    await s.write({ ...report, periodId: '2024-05' }, audit);
    const list = await s.listForPeriod(BLOC, '2024-06');
    expect(list.map((x) => [x.unitId, x.values.length])).toEqual([
      ['bao-yen', 2],
      ['si-ma-cai', 0],
    ]);
  });

  it('lock makes a second writer of the same report wait for the first to commit (PostgreSQL)', async () => {
    if (dialect !== 'postgres') return expect(dialect).toBe('sqlite'); // one writer at a time by design
    const other = getDb().concurrentWriter();
    await other.db.selectFrom('blocs').select('id').execute();
    const order: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstLocked!: () => void;
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    try {
      const a = repos();
      const b = createRepositories(other);
      const first = a.unitOfWork.run(async () => {
        await a.submissions.lock(BLOC, '2024-06', 'bao-yen');
        firstLocked();
        await firstHolds;
        await a.submissions.write(report, { changes: [], actor: focal, at: at('2024-06-15T02:00:00.000Z') });
        order.push('first wrote');
      });
      await locked;
      const second = b.unitOfWork.run(async () => {
        await b.submissions.lock(BLOC, '2024-06', 'bao-yen');
        order.push(`second saw ${(await b.submissions.find(BLOC, '2024-06', 'bao-yen'))?.revision ?? 'nothing'}`);
      });
      // Another unit's report is not held up.
      await b.unitOfWork.run(() => b.submissions.lock(BLOC, '2024-06', 'si-ma-cai'));
      order.push('other unit locked');
      releaseFirst();
      await Promise.all([first, second]);
    } finally {
      await other.close();
    }
    expect(order).toEqual(['other unit locked', 'first wrote', 'second saw 3']);
  });
});
