import { describe, expect, it } from 'vitest';
import {
  changedValues,
  reviseSubmission,
  sameReportedValue,
  type ReportedValue,
  type Submission,
} from '../../src/domain/submission.ts';

const budget: ReportedValue = {
  indicatorCode: 'thu-ngan-sach',
  raw: '45,2 tỷ',
  value: { type: 'scalar', value: 45.2 },
  estimate: false,
};
const communes: ReportedValue = {
  indicatorCode: 'xa-nong-thon-moi',
  raw: '62/127',
  value: { type: 'ratio', numerator: 62, denominator: 127 },
  estimate: false,
};

describe('sameReportedValue', () => {
  it('is true for the same record, and for no note and an empty one', () => {
    expect(sameReportedValue(budget, { ...budget })).toBe(true);
    expect(sameReportedValue(budget, { ...budget, note: '' })).toBe(true);
    expect(sameReportedValue(budget, { ...budget, confirmedOutOfRange: false })).toBe(true);
    expect(sameReportedValue(budget, { ...budget, confirmedValidation: false })).toBe(true);
    expect(
      sameReportedValue(communes, { ...communes, value: { type: 'ratio', numerator: 62, denominator: 127 } }),
    ).toBe(true);
  });

  it('tells apart every part of the record: the text as typed, the figure, note, estimate, confirmation', () => {
    // The same number typed another way is a change: raw is the record of what was typed.
    expect(sameReportedValue(budget, { ...budget, raw: '45.2 tỷ' })).toBe(false);
    expect(sameReportedValue(budget, { ...budget, value: { type: 'scalar', value: 45.3 } })).toBe(false);
    expect(sameReportedValue(budget, { ...budget, note: 'ước' })).toBe(false);
    expect(sameReportedValue(budget, { ...budget, estimate: true })).toBe(false);
    expect(sameReportedValue(budget, { ...budget, confirmedOutOfRange: true })).toBe(false);
    expect(sameReportedValue(budget, { ...budget, confirmedValidation: true })).toBe(false);
    // Each confirmation is its own: one is not the other.
    expect(sameReportedValue({ ...budget, confirmedOutOfRange: true }, { ...budget, confirmedValidation: true })).toBe(
      false,
    );
    expect(
      sameReportedValue(communes, { ...communes, value: { type: 'ratio', numerator: 62, denominator: 126 } }),
    ).toBe(false);
    expect(sameReportedValue(communes, { ...communes, value: { type: 'scalar', value: 62 / 127 } })).toBe(false);
  });
});

describe('changedValues', () => {
  it('lists added, changed and removed values, and nothing for values kept', () => {
    const typedAgain = { ...budget, raw: '45.2 tỷ' };
    const added = {
      ...budget,
      indicatorCode: 'viec-lam-moi',
      raw: '1.100',
      value: { type: 'scalar' as const, value: 1100 },
    };
    expect(changedValues([budget, communes], [typedAgain, communes, added])).toEqual([
      { indicatorCode: 'thu-ngan-sach', before: budget, after: typedAgain },
      { indicatorCode: 'viec-lam-moi', before: undefined, after: added },
    ]);
    expect(changedValues([budget, communes], [communes])).toEqual([{ indicatorCode: 'thu-ngan-sach', before: budget }]);
    expect(changedValues([budget, communes], [communes, budget])).toEqual([]);
  });
});

describe('reviseSubmission', () => {
  const base: Submission = {
    blocId: 'khoi-1',
    periodId: '2023-06',
    unitId: 'bao-yen',
    status: 'submitted',
    values: [budget, communes],
    firstSubmittedAt: new Date('2023-06-14T02:00:00Z'),
    lastSubmittedAt: new Date('2023-06-14T02:00:00Z'),
    onTime: true,
    revision: 0,
  };
  const later = new Date('2023-06-20T02:00:00Z');

  it('a first submission is revision 1 and audits every value as added', () => {
    const { submission, changes } = reviseSubmission(undefined, base, base.firstSubmittedAt!);
    expect(submission.revision).toBe(1);
    expect(changes.map((c) => [c.indicatorCode, c.before, c.after?.raw])).toEqual([
      ['thu-ngan-sach', undefined, '45,2 tỷ'],
      ['xa-nong-thon-moi', undefined, '62/127'],
    ]);
  });

  it('a revision with a changed value is the next revision; the first instant and on-time flag stand', () => {
    const stored = { ...base, revision: 1 };
    const sent = {
      ...base,
      values: [{ ...budget, raw: '46 tỷ', value: { type: 'scalar' as const, value: 46 } }, communes],
    };
    const { submission, changes } = reviseSubmission(
      stored,
      { ...sent, firstSubmittedAt: later, onTime: false },
      later,
    );
    expect(submission).toMatchObject({ revision: 2, onTime: true, firstSubmittedAt: new Date('2023-06-14T02:00:00Z') });
    expect(changes.map((c) => [c.indicatorCode, c.before?.raw, c.after?.raw])).toEqual([
      ['thu-ngan-sach', '45,2 tỷ', '46 tỷ'],
    ]);
  });

  it('the same report sent again is not a new revision; a draft save never counts one', () => {
    expect(reviseSubmission({ ...base, revision: 4 }, base, later).submission.revision).toBe(4);
    expect(reviseSubmission(undefined, { ...base, status: 'draft' }, later).submission.revision).toBe(0);
  });

  it('after a return, sending again is a revision even unchanged, and late once past the revise-by date', () => {
    const returned = { ...base, revision: 2, status: 'returned' as const, reviseBy: new Date('2023-06-18T17:00:00Z') };
    expect(reviseSubmission(returned, base, new Date('2023-06-18T10:00:00Z')).submission).toMatchObject({
      revision: 3,
      onTime: true,
    });
    expect(reviseSubmission(returned, base, later).submission).toMatchObject({ revision: 3, onTime: false });
  });
});
