import { msg, type Message } from '../../app/messages.ts';
import type { RankedRow, StandingsReport } from '../../app/use-cases/standings.ts';
import { periodMonth, periodYear } from '../../domain/calendar/index.ts';
import { formatNumber } from '../../domain/figures/format-figure.ts';
import type { ScoringScope } from '../../domain/scoring/index.ts';

/** A large bloc shows its top 10 and bottom 3 (and the asker's unit); the whole table is in Excel. */
export const TOP_ROWS = 10;
export const BOTTOM_ROWS = 3;
/** Up to this many units, every line is shown: cutting two lines out saves nothing. */
const SHOW_ALL_UP_TO = TOP_ROWS + BOTTOM_ROWS + 2;

/** A line of the table, or the number of lines left out between two shown ones. */
export type ShownRow = { row: RankedRow } | { gap: number };

/** Points as the blocs' tables write them: "92,35", at most two decimals. */
export const points = (n: number): string => formatNumber(n, 2);

/**
 * The lines that fit a phone screen: every unit of a small bloc; for a large one the top 10, the
 * bottom 3 and the asker's own unit, with a gap line where units are left out.
 */
export function shownRows(rows: readonly RankedRow[], ownUnitId?: string): ShownRow[] {
  if (rows.length <= SHOW_ALL_UP_TO) return rows.map((row) => ({ row }));
  const keep = new Set<number>();
  for (let i = 0; i < TOP_ROWS; i++) keep.add(i);
  for (let i = rows.length - BOTTOM_ROWS; i < rows.length; i++) keep.add(i);
  const own = rows.findIndex((r) => r.unit.id === ownUnitId);
  if (own >= 0) keep.add(own);
  const shown: ShownRow[] = [];
  let skipped = 0;
  rows.forEach((row, i) => {
    if (!keep.has(i)) {
      skipped += 1;
      return;
    }
    if (skipped > 0) shown.push({ gap: skipped });
    skipped = 0;
    shown.push({ row });
  });
  return shown;
}

/** "tháng 6/2023", "năm 2023, lũy kế đến tháng 6", or "năm 2024" before its first month. */
export function scopeMessage(scope: ScoringScope): Message {
  const last = scope.periods.at(-1);
  if (!last) return msg('standings.scope.yearNotBegun', { year: scope.year });
  const params = { month: periodMonth(last), year: periodYear(last) };
  return scope.kind === 'period' ? msg('standings.scope.period', params) : msg('standings.scope.yearToDate', params);
}

/** The move since the previous scope: ↑2, ↓1, =, new member, or a dash when there is nothing to compare. */
export function changeMessage(row: RankedRow, comparable: boolean): Message {
  if (!comparable) return msg('standings.change.none');
  if (row.rankChange === undefined) return msg('standings.change.new');
  if (row.rankChange > 0) return msg('standings.change.up', { count: row.rankChange });
  if (row.rankChange < 0) return msg('standings.change.down', { count: -row.rankChange });
  return msg('standings.change.same');
}

/**
 * What a line must not hide (domain.md, "Standings are provisional"): an estimate scored, a returned
 * report still counted, late and missing periods; and the asker's own unit. Undefined when none.
 */
export function marksMessage(row: RankedRow, scope: ScoringScope, own: boolean): Message | undefined {
  const single = scope.kind === 'period';
  const marks: Message[] = [];
  if (own) marks.push(msg('standings.mark.own'));
  if (row.estimate) marks.push(msg('standings.mark.estimate'));
  if (row.returnedPeriods.length > 0) marks.push(msg('standings.mark.returned'));
  const late = row.late.periods.length;
  if (late > 0) marks.push(single ? msg('standings.mark.late') : msg('standings.mark.lateCount', { count: late }));
  const missing = row.missing.periods.length;
  if (missing > 0)
    marks.push(single ? msg('standings.mark.missing') : msg('standings.mark.missingCount', { count: missing }));
  // Joined from the end: "a, b, c" is join(a, join(b, c)), each comma a locale text.
  return marks.reduceRight<Message | undefined>(
    (tail, head) => (tail ? msg('standings.marks.join', { head, tail }) : head),
    undefined,
  );
}

/** One line: "1. Huyện Bắc Hà: 92,35 (↑2) — có số ước". */
export function rowLine(row: RankedRow, report: StandingsReport, ownUnitId?: string): Message {
  const params = {
    rank: row.rank,
    unit: row.unit.name,
    total: points(row.total),
    change: changeMessage(row, report.previousScope !== undefined),
  };
  const marks = marksMessage(row, report.scope, row.unit.id === ownUnitId);
  return marks ? msg('standings.lineMarked', { ...params, marks }) : msg('standings.line', params);
}

/** The table's lines, gaps included. */
export function tableLines(report: StandingsReport, ownUnitId?: string): Message[] {
  return shownRows(report.rows, ownUnitId).map((shown) =>
    'gap' in shown ? msg('standings.gap', { count: shown.gap }) : rowLine(shown.row, report, ownUnitId),
  );
}

/** The notes under the table: what the arrows compare with, the fallback year, where the rest is. */
export function footerLines(report: StandingsReport, example: string): Message[] {
  const lines: Message[] = [];
  if (report.previousScope)
    lines.push(msg('standings.footer.change', { previous: scopeMessage(report.previousScope) }));
  if (report.yearFallback) {
    lines.push(msg('standings.footer.fallbackYear', { year: report.scope.year, used: report.blocYear }));
  }
  const left = report.rows.length - shownRows(report.rows).filter((s) => 'row' in s).length;
  if (left > 0) lines.push(msg('standings.footer.more', { count: report.rows.length }));
  lines.push(msg('standings.footer.detail', { example }));
  return lines;
}
