import { describe, expect, it } from 'vitest';
import type { RankedRow, StandingsReport } from '../../../src/app/use-cases/standings.ts';
import { periodScope } from '../../../src/domain/scoring/index.ts';
import { footerLines, shownRows, tableLines } from '../../../src/flows/standings/table.ts';

/** A line of a bloc of communes: rank = position, nothing to mark. */
function row(i: number): RankedRow {
  return {
    unit: { id: `xa-${i}`, name: `Xã ${i}`, type: 'commune' },
    rank: i,
    total: 100 - i,
    criteria: [],
    late: { periods: [], points: 0 },
    missing: { periods: [], points: 0 },
    periods: [],
    onTimePeriods: 1,
    estimate: false,
    returnedPeriods: [],
  };
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i + 1));

function report(n: number, extra: Partial<StandingsReport> = {}): StandingsReport {
  return {
    blocId: 'khoi-xa',
    scope: periodScope('2026-03'),
    blocYear: 2026,
    yearFallback: false,
    rows: rows(n),
    provisional: true,
    ...extra,
  };
}

const ranksOf = (n: number, own?: string) =>
  shownRows(rows(n), own).map((s) => ('gap' in s ? `…${s.gap}` : s.row.rank));

describe('the table on a phone screen', () => {
  it('shows every unit of a bloc of 15', () => {
    expect(ranksOf(15)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('shows a larger bloc’s top 10 and bottom 3, with the number of units left out', () => {
    expect(ranksOf(16)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '…3', 14, 15, 16]);
    expect(ranksOf(1000)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '…987', 998, 999, 1000]);
  });

  it('adds the asker’s own unit where it stands, between two gaps', () => {
    expect(ranksOf(30, 'xa-20')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '…9', 20, '…7', 28, 29, 30]);
    // Already among the shown lines: nothing added.
    expect(ranksOf(30, 'xa-2')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '…17', 28, 29, 30]);
  });

  it('the lines of a large bloc carry the gap, and the notes say the whole table is in Excel', () => {
    const big = report(40);
    expect(tableLines(big)[10]).toEqual({ key: 'standings.gap', params: { count: 27 } });
    expect(footerLines(big, 'xa-1')).toEqual([
      { key: 'standings.footer.more', params: { count: 40 } },
      { key: 'standings.footer.detail', params: { example: 'xa-1' } },
    ]);
  });

  it('says when the bloc file lacks the year and another year’s members were used', () => {
    expect(footerLines(report(3, { yearFallback: true, blocYear: 2025 }), 'xa-1')[0]).toEqual({
      key: 'standings.footer.fallbackYear',
      params: { year: 2026, used: 2025 },
    });
  });
});
