import type { Workbook } from 'exceljs';
import type { AuditedValue } from '../app/ports.ts';
import { formatFigure, formatPercent } from '../domain/figures/format-figure.ts';
import { t } from '../i18n/i18n.ts';
import { addTable, POINTS_FORMAT, wallClock, type CellValue } from './sheet-layout.ts';
import { headers, type SheetContext } from './workbook-context.ts';

const pts = (n: number): CellValue => ({ number: n, format: POINTS_FORMAT });

/**
 * Rank, unit, the points of each scored criterion, bonus, minus, penalties and the total as a formula
 * over the row (with its value cached), so the breakdown adds up as shown; then the rank change and
 * remarks (estimates, a returned report, late and missing periods).
 */
export function standingsSheet(workbook: Workbook, c: SheetContext): void {
  const { bloc, standings } = c.input;
  const scored = bloc.indicators.filter((i) => i.scoring);
  const titles = c.titles.length;
  const firstCriterion = 3;
  const column = columnLetter;
  const bonusCol = firstCriterion + scored.length;
  const rows = standings.rows.map((row, r): CellValue[] => {
    const excelRow = titles + 2 + r;
    const byCode = new Map(row.criteria.map((k) => [k.indicatorCode, k]));
    const bonus = row.criteria.reduce((sum, k) => sum + k.bonus, 0);
    const minus = row.criteria.reduce((sum, k) => sum + k.minus, 0);
    const at = (offset: number) => `${column(bonusCol + offset)}${excelRow}`;
    const sum =
      scored.length > 0 ? `SUM(${column(firstCriterion)}${excelRow}:${column(bonusCol - 1)}${excelRow})+` : '';
    const marks = [
      row.estimate ? t('workbook.marks.estimate', {}, c.lang) : undefined,
      row.returnedPeriods.length > 0 ? t('workbook.marks.returned', {}, c.lang) : undefined,
      row.late.periods.length > 0 ? t('workbook.marks.late', { count: row.late.periods.length }, c.lang) : undefined,
      row.missing.periods.length > 0
        ? t('workbook.marks.missing', { count: row.missing.periods.length }, c.lang)
        : undefined,
    ].filter((m) => m !== undefined);
    return [
      row.rank,
      row.unit.name,
      ...scored.map((i) => pts(byCode.get(i.code)?.earned ?? 0)),
      pts(bonus),
      pts(minus),
      pts(row.late.points),
      pts(row.missing.points),
      { formula: `${sum}${at(0)}-${at(1)}-${at(2)}-${at(3)}`, result: row.total, format: POINTS_FORMAT },
      row.rankChange,
      marks.join('; '),
    ];
  });
  addTable(
    workbook,
    t('workbook.sheets.standings', {}, c.lang),
    c.titles,
    [
      ...headers(c, 'rank', 'unit'),
      ...scored.map((i) => `${i.name[c.lang]} (${i.scoring?.benchmark ?? 0})`),
      ...headers(c, 'bonus', 'minus', 'latePenalty', 'missingPenalty', 'total', 'rankChange', 'marks'),
    ],
    rows,
  );
}

/** "A", "B", … "AA": the letter of a 1-based column. */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Who is in (on time, late), returned, drafting or silent, with the rates above the table. */
export function progressSheet(workbook: Workbook, c: SheetContext): void {
  const progress = c.input.progress;
  const titles = [...c.titles];
  const rows: CellValue[][] = [];
  if (progress) {
    const { submitted, onTime, expected } = progress.reporting;
    const rate = (r: number | undefined) => formatPercent(r ?? 0);
    titles.push(
      t(
        'workbook.rates',
        {
          submitted,
          onTime,
          expected,
          reportingRate: rate(progress.reportingRate),
          onTimeRate: rate(progress.onTimeRate),
        },
        c.lang,
      ),
    );
    for (const group of ['onTime', 'late', 'returned', 'draft', 'none'] as const) {
      for (const line of progress[group]) {
        const s = line.status;
        const timeliness = s.onTime === undefined ? undefined : s.onTime ? 'onTime' : 'late';
        const first = s.submission?.firstSubmittedAt;
        rows.push([
          progress.periodId,
          line.unit.name,
          t(`standings.status.${s.status}`, {}, c.lang),
          timeliness ? t(`standings.timeliness.${timeliness}`, {}, c.lang) : undefined,
          first ? { date: wallClock(first, c.timezone) } : undefined,
          s.submission && s.status !== 'draft' ? s.submission.revision : undefined,
        ]);
      }
    }
  }
  addTable(
    workbook,
    t('workbook.sheets.progress', {}, c.lang),
    titles,
    headers(c, 'period', 'unit', 'status', 'timeliness', 'submittedAt', 'revision'),
    rows,
  );
}

/** The year's nominations of the member units. */
export function nominationsSheet(workbook: Workbook, c: SheetContext): void {
  const movements = new Map(c.input.bloc.movements.map((m) => [m.id, m.name]));
  const rows = c.input.nominations.map((n): CellValue[] => [
    c.unitName(n.unitId),
    n.year,
    t(`nominate.kind.${n.kind}`, {}, c.lang),
    n.name,
    n.position,
    n.workplace,
    movements.get(n.movementId) ?? n.movementId,
    n.achievements,
    n.createdAt ? { date: wallClock(n.createdAt, c.timezone) } : undefined,
  ]);
  addTable(
    workbook,
    t('workbook.sheets.nominations', {}, c.lang),
    c.titles,
    headers(c, 'unit', 'year', 'kind', 'name', 'position', 'workplace', 'movement', 'achievements', 'at'),
    rows,
  );
}

/** Every change to a value in the scope's periods, oldest first: who, when, channel, old → new, why. */
export function auditSheet(workbook: Workbook, c: SheetContext): void {
  const shown = (code: string, v: AuditedValue | undefined): string | undefined => {
    if (!v) return undefined;
    const indicator = c.indicator(code);
    return indicator ? formatFigure(v.value, indicator) : v.raw;
  };
  const entries = [...c.input.audit].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
  const rows = entries.map((e): CellValue[] => [
    { date: wallClock(e.at, c.timezone) },
    e.periodId,
    c.unitName(e.unitId),
    c.indicator(e.indicatorCode)?.name[c.lang] ?? e.indicatorCode,
    e.actor.name ?? e.actor.userId,
    e.actor.channel,
    shown(e.indicatorCode, e.before),
    shown(e.indicatorCode, e.after),
    e.reason,
    e.revision,
  ]);
  addTable(
    workbook,
    t('workbook.sheets.audit', {}, c.lang),
    c.titles,
    headers(c, 'at', 'period', 'unit', 'indicator', 'who', 'channel', 'before', 'after', 'reason', 'revision'),
    rows,
  );
}
