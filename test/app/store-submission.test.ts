import { beforeEach, expect, it } from 'vitest';
import type { Submission } from '../../src/domain/submission.ts';
import { storeSubmission } from '../../src/app/use-cases/store-submission.ts';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { startStorageChild } from '../support/child-process.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { saveRevisions } from '../support/storage-workloads.ts';
import { at, BLOC, focal, secretary } from '../support/storage-fixtures.ts';
import { saveSubmission } from '../support/submission-fixtures.ts';

const draft: Submission = {
  blocId: BLOC,
  periodId: '2024-06',
  unitId: 'bao-yen',
  status: 'draft',
  revision: 0,
  values: [
    { indicatorCode: 'thu-ngan-sach', raw: '51,6%', value: { type: 'scalar', value: 51.6 }, estimate: false },
    {
      indicatorCode: 'xa-nong-thon-moi',
      raw: '62/127',
      value: { type: 'ratio', numerator: 62, denominator: 127 },
      estimate: true,
      note: 'ước',
    },
  ],
};

describeEachDatabase(
  'storeSubmission: revisions, timeliness and audit settled on the report read under the lock',
  (getDb) => {
    const repos = () => createRepositories(getDb());
    const saver = (r: ReturnType<typeof repos>) => ({
      save: (x: Submission, a: Parameters<typeof saveSubmission>[2]) => saveSubmission(r, x, a),
    });

    beforeEach(async () => {
      await repos().blocs.upsert({ id: BLOC, name: 'Khối 1' });
    });

    it('stores a submission with scalar and ratio values and reads it back', async () => {
      const saved = await saver(repos()).save(draft, { actor: focal, at: at('2024-06-12T02:00:00.000Z') });
      expect(saved).toMatchObject({ ...draft, revision: 0 });
      expect(await repos().submissions.find(BLOC, '2024-06', 'bao-yen')).toEqual(saved);
      expect(await repos().submissions.find(BLOC, '2024-06', 'si-ma-cai')).toBeUndefined();
    });

    it('counts revisions on each submission and audits every changed value, old → new', async () => {
      const s = { ...repos().submissions, ...saver(repos()) };
      await s.save(draft, { actor: focal, at: at('2024-06-12T02:00:00.000Z') });
      const first = await s.save(
        {
          ...draft,
          status: 'submitted',
          firstSubmittedAt: at('2024-06-14T02:00:00.000Z'),
          lastSubmittedAt: at('2024-06-14T02:00:00.000Z'),
          onTime: true,
        },
        { actor: focal, at: at('2024-06-14T02:00:00.000Z') },
      );
      expect(first.revision).toBe(1);
      expect(first.onTime).toBe(true);

      // Saving the same submitted report again changes nothing and is not a new revision.
      expect((await s.save(first, { actor: focal, at: at('2024-06-14T03:00:00.000Z') })).revision).toBe(1);

      const returned = await s.save(
        {
          ...first,
          status: 'returned',
          returnReason: 'Kiểm tra lại chỉ tiêu 1',
          reviseBy: at('2024-06-20T17:00:00.000Z'),
        },
        { actor: secretary, at: at('2024-06-15T02:00:00.000Z') },
      );
      expect(returned).toMatchObject({ status: 'returned', revision: 1, returnReason: 'Kiểm tra lại chỉ tiêu 1' });

      const corrected = {
        ...returned,
        status: 'submitted' as const,
        returnReason: undefined,
        lastSubmittedAt: at('2024-06-16T02:00:00.000Z'),
        values: [
          {
            indicatorCode: 'thu-ngan-sach',
            raw: '52,1%',
            value: { type: 'scalar' as const, value: 52.1 },
            estimate: false,
          },
          {
            indicatorCode: 'xa-nong-thon-moi',
            raw: '62/127',
            value: { type: 'ratio' as const, numerator: 62, denominator: 127 },
            estimate: true,
            note: 'ước',
          },
        ],
      };
      const second = await s.save(corrected, {
        actor: secretary,
        at: at('2024-06-16T02:00:00.000Z'),
        reason: 'theo công văn 12',
      });
      expect(second.revision).toBe(2);
      expect(second.onTime).toBe(true);
      expect(second.firstSubmittedAt).toEqual(at('2024-06-14T02:00:00.000Z'));

      const trail = await s.auditTrail(BLOC, '2024-06', 'bao-yen');
      // The draft added two values (revision 0), then one value changed in revision 2.
      expect(trail.map((e) => [e.indicatorCode, e.revision])).toEqual([
        ['thu-ngan-sach', 0],
        ['xa-nong-thon-moi', 0],
        ['thu-ngan-sach', 2],
      ]);
      expect(trail[0]).toMatchObject({
        before: undefined,
        after: { raw: '51,6%', value: { type: 'scalar', value: 51.6 }, estimate: false },
      });
      expect(trail[1]?.after).toEqual({
        raw: '62/127',
        value: { type: 'ratio', numerator: 62, denominator: 127 },
        estimate: true,
        note: 'ước',
      });
      expect(trail[2]).toMatchObject({
        before: { raw: '51,6%', value: { type: 'scalar', value: 51.6 } },
        after: { raw: '52,1%', value: { type: 'scalar', value: 52.1 } },
        actor: secretary,
        at: at('2024-06-16T02:00:00.000Z'),
        reason: 'theo công văn 12',
      });
    });

    it('audits a removed value and a changed estimate flag', async () => {
      const s = { ...repos().submissions, ...saver(repos()) };
      await s.save({ ...draft, status: 'submitted' }, { actor: focal, at: at('2024-06-14T02:00:00.000Z') });
      const [budget, communes] = draft.values;
      if (!budget || !communes) throw new Error('fixture');
      const saved = await s.save(
        { ...draft, status: 'submitted', values: [{ ...communes, estimate: false }] },
        { actor: focal, at: at('2024-06-15T02:00:00.000Z') },
      );
      expect(saved.revision).toBe(2);
      expect(saved.values).toEqual([{ ...communes, estimate: false }]);
      const trail = (await s.auditTrail(BLOC, '2024-06', 'bao-yen')).filter((e) => e.revision === 2);
      expect(trail).toHaveLength(2);
      expect(trail.find((e) => e.indicatorCode === 'thu-ngan-sach')).toMatchObject({
        before: { raw: '51,6%' },
        after: undefined,
      });
      expect(trail.find((e) => e.indicatorCode === 'xa-nong-thon-moi')).toMatchObject({
        before: { estimate: true },
        after: { estimate: false },
      });
    });

    it('keeps a value confirmed out of range as a flag, not in its note, and audits a change of it', async () => {
      const s = { ...repos().submissions, ...saver(repos()) };
      const [budget, communes] = draft.values;
      if (!budget || !communes) throw new Error('fixture');
      const confirmed = {
        ...budget,
        raw: '250%',
        value: { type: 'scalar' as const, value: 250 },
        confirmedOutOfRange: true,
      };
      const first = await s.save(
        { ...draft, status: 'submitted', values: [confirmed, communes] },
        { actor: focal, at: at('2024-06-14T02:00:00.000Z') },
      );
      const stored = first.values.find((v) => v.indicatorCode === 'thu-ngan-sach');
      expect(stored).toMatchObject({ raw: '250%', confirmedOutOfRange: true });
      expect(stored?.note).toBeUndefined();
      // A value never confirmed reads back without the flag.
      expect(first.values.find((v) => v.indicatorCode === 'xa-nong-thon-moi')?.confirmedOutOfRange).toBeUndefined();

      // The same figure, no longer flagged, is a change: a new revision and an audit entry for it.
      const second = await s.save(
        { ...first, values: [{ ...confirmed, confirmedOutOfRange: false }, communes] },
        { actor: focal, at: at('2024-06-15T02:00:00.000Z') },
      );
      expect(second.revision).toBe(first.revision + 1);
      const trail = (await s.auditTrail(BLOC, '2024-06', 'bao-yen')).filter((e) => e.revision === second.revision);
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({
        indicatorCode: 'thu-ngan-sach',
        before: { raw: '250%', confirmedOutOfRange: true },
      });
      expect(trail[0]?.after?.confirmedOutOfRange).toBeUndefined();
    });

    it('keeps a value confirmed against a validation rule with its own flag, apart from the range one, and audits it', async () => {
      const s = { ...repos().submissions, ...saver(repos()) };
      const [budget, communes] = draft.values;
      if (!budget || !communes) throw new Error('fixture');
      const checked = {
        ...communes,
        raw: '152/152',
        value: { type: 'ratio' as const, numerator: 152, denominator: 152 },
        confirmedValidation: true,
      };
      const first = await s.save(
        { ...draft, status: 'submitted', values: [budget, checked] },
        { actor: focal, at: at('2024-06-14T02:00:00.000Z') },
      );
      const stored = first.values.find((v) => v.indicatorCode === 'xa-nong-thon-moi');
      expect(stored).toMatchObject({ raw: '152/152', confirmedValidation: true });
      expect(stored?.confirmedOutOfRange).toBeUndefined();
      expect(first.values.find((v) => v.indicatorCode === 'thu-ngan-sach')?.confirmedValidation).toBeUndefined();
      const reread = await s.find(BLOC, '2024-06', 'bao-yen');
      expect(reread?.values.find((v) => v.indicatorCode === 'xa-nong-thon-moi')?.confirmedValidation).toBe(true);

      // Retyped to the plan's total, the flag goes: a change, audited with both sides.
      const second = await s.save(
        {
          ...first,
          values: [
            budget,
            { ...communes, raw: '16/16', value: { type: 'ratio' as const, numerator: 16, denominator: 16 } },
          ],
        },
        { actor: focal, at: at('2024-06-15T02:00:00.000Z') },
      );
      expect(second.revision).toBe(first.revision + 1);
      const trail = (await s.auditTrail(BLOC, '2024-06', 'bao-yen')).filter((e) => e.revision === second.revision);
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({
        indicatorCode: 'xa-nong-thon-moi',
        before: { raw: '152/152', confirmedValidation: true },
      });
      expect(trail[0]?.after?.confirmedValidation).toBeUndefined();
      expect(trail[0]?.before?.confirmedOutOfRange).toBeUndefined();
    });

    it('lists the submissions of a period with their own values', async () => {
      const s = { ...repos().submissions, ...saver(repos()) };
      await s.save(draft, { actor: focal, at: at('2024-06-12T02:00:00.000Z') });
      await s.save({ ...draft, unitId: 'si-ma-cai', values: [] }, { actor: focal, at: at('2024-06-12T02:00:00.000Z') });
      await s.save({ ...draft, periodId: '2024-05' }, { actor: focal, at: at('2024-05-12T02:00:00.000Z') });
      const list = await s.listForPeriod(BLOC, '2024-06');
      expect(list.map((x) => [x.unitId, x.values.length])).toEqual([
        ['bao-yen', 2],
        ['si-ma-cai', 0],
      ]);
    });

    it('keeps the stored revision when two writers save at once', async () => {
      await saver(repos()).save(
        { ...draft, status: 'submitted' },
        { actor: focal, at: at('2024-06-14T02:00:00.000Z') },
      );
      const other = getDb().concurrentWriter();
      // A warm connection, so both writers really overlap instead of one waiting for a TCP handshake.
      await other.db.selectFrom('blocs').select('id').execute();
      try {
        const change = (raw: string, value: number) => ({
          ...draft,
          status: 'submitted' as const,
          values: [{ indicatorCode: 'thu-ngan-sach', raw, value: { type: 'scalar' as const, value }, estimate: false }],
        });
        await Promise.all([
          saver(repos()).save(change('60%', 60), { actor: focal, at: at('2024-06-15T02:00:00.000Z') }),
          saver(createRepositories(other)).save(change('61%', 61), {
            actor: secretary,
            at: at('2024-06-15T02:00:01.000Z'),
          }),
        ]);
      } finally {
        await other.close();
      }
      const final = await repos().submissions.find(BLOC, '2024-06', 'bao-yen');
      expect(final?.revision).toBe(3);
      const trail = await repos().submissions.auditTrail(BLOC, '2024-06', 'bao-yen');
      // Each writer audited against what the other had committed: the chain of raws is unbroken.
      const budget = trail.filter((e) => e.indicatorCode === 'thu-ngan-sach');
      for (let i = 1; i < budget.length; i++) expect(budget[i]?.before?.raw).toBe(budget[i - 1]?.after?.raw);
    });

    it('takes turns even for a report with no row yet: the second writer revises the first, never both "first"', async () => {
      const other = getDb().concurrentWriter();
      await other.db.selectFrom('blocs').select('id').execute();
      try {
        const send = (raw: string, value: number, firstSubmittedAt: Date, onTime: boolean) => ({
          ...draft,
          status: 'submitted' as const,
          firstSubmittedAt,
          lastSubmittedAt: firstSubmittedAt,
          onTime,
          values: [{ indicatorCode: 'thu-ngan-sach', raw, value: { type: 'scalar' as const, value }, estimate: false }],
        });
        const results = await Promise.all([
          storeSubmission(repos(), send('60%', 60, at('2024-06-15T02:00:00.000Z'), true), {
            actor: focal,
            at: at('2024-06-15T02:00:00.000Z'),
          }),
          storeSubmission(createRepositories(other), send('61%', 61, at('2024-06-15T02:00:01.000Z'), false), {
            actor: secretary,
            at: at('2024-06-15T02:00:01.000Z'),
          }),
        ]);
        // Exactly one found nothing before it; the other replaced what that one stored.
        expect(results.filter((r) => r.previous === undefined)).toHaveLength(1);
        const [firstWriter, secondWriter] = results[0].previous === undefined ? results : [results[1], results[0]];
        expect(secondWriter.previous?.values).toEqual(firstWriter.saved.values);
        expect(secondWriter.saved.revision).toBe(2);
        // The first submission's instant and timeliness stand.
        expect(secondWriter.saved).toMatchObject({
          firstSubmittedAt: firstWriter.saved.firstSubmittedAt,
          onTime: firstWriter.saved.onTime,
        });
      } finally {
        await other.close();
      }
    });

    it('lets two processes save the same report: each waits its turn, no revision is lost', async () => {
      await saver(repos()).save(
        { ...draft, status: 'submitted' },
        { actor: focal, at: at('2024-06-14T02:00:00.000Z') },
      );
      const child = startStorageChild<number[]>(getDb(), 'save', 'child');
      await child.ready;
      child.go();
      const [mine, theirs] = await Promise.all([saveRevisions(repos(), 'parent', 10), child.result]);
      // Revision 1 was the first submission; the 20 saves took 2..21, each exactly once.
      expect([...mine, ...theirs].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
      const trail = await repos().submissions.auditTrail(BLOC, '2024-06', 'bao-yen');
      const budget = trail.filter((e) => e.indicatorCode === 'thu-ngan-sach');
      for (let i = 1; i < budget.length; i++) expect(budget[i]?.before?.raw).toBe(budget[i - 1]?.after?.raw);
    }, 30_000);
  },
);
