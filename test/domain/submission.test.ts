import { describe, expect, it } from 'vitest';
import { changedValues, sameReportedValue, type ReportedValue } from '../../src/domain/submission.ts';

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
