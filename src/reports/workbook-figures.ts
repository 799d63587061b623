import type { Workbook } from 'exceljs';
import { explainCriterion } from '../app/standings-explain.ts';
import { planOf, blocYear, type Indicator } from '../domain/bloc.ts';
import { figureNumber, type FigureValue } from '../domain/figure.ts';
import type { ReportedValue, Submission } from '../domain/submission.ts';
import { t } from '../i18n/i18n.ts';
import { renderMessage } from '../i18n/render.ts';
import { addTable, numberFormat, PERCENT_FORMAT, POINTS_FORMAT, type CellValue } from './sheet-layout.ts';
import { headers, type SheetContext } from './workbook-context.ts';

const PERCENT_KINDS = ['percent_of_plan', 'percent', 'yoy_percent'];

/** A figure as a cell: a number in the indicator's decimals, or "152/152" for a ratio. */
export function figureCell(value: FigureValue, indicator: Indicator | undefined): CellValue {
  if (value.type === 'ratio') return `${value.numerator}/${value.denominator}`;
  return { number: value.value, format: numberFormat(indicator?.kind === 'count' ? 0 : (indicator?.decimals ?? 2)) };
}

/** Completion as a fraction for a "0.0%" cell: against the plan, the percent typed, or a ÷ b. */
function percentOfPlan(value: FigureValue, indicator: Indicator, plan: number | undefined): CellValue {
  if (indicator.kind === 'percent_of_plan') return { number: figureNumber(value) / 100, format: PERCENT_FORMAT };
  if (indicator.kind === 'ratio') return { number: figureNumber(value), format: PERCENT_FORMAT };
  if ((indicator.kind === 'amount' || indicator.kind === 'count') && plan !== undefined && plan > 0)
    return { number: figureNumber(value) / plan, format: PERCENT_FORMAT };
  return undefined;
}

function measureOf(indicator: Indicator | undefined, c: SheetContext): string {
  if (!indicator) return '';
  return PERCENT_KINDS.includes(indicator.kind) ? '%' : t(`units.${indicator.unit}`, {}, c.lang);
}

/**
 * Units × indicators for every period of the scope: the value in the indicator's number format, % of
 * plan, the text as typed, estimate and out-of-range marks, timeliness, status and note. A unit
 * with no report sent (nothing, or a draft) has one line saying so.
 */
export function figuresSheet(workbook: Workbook, c: SheetContext): void {
  const { bloc, submissions, standings } = c.input;
  const year = blocYear(bloc, standings.scope.year).year;
  const byKey = new Map(submissions.map((s) => [`${s.unitId}|${s.periodId}`, s]));
  const yes = t('workbook.yes', {}, c.lang);
  const rows: CellValue[][] = [];
  for (const periodId of standings.scope.periods) {
    for (const unit of year.units) {
      const report: Submission | undefined = byKey.get(`${unit.id}|${periodId}`);
      const status = t(`standings.status.${report?.status ?? 'none'}`, {}, c.lang);
      if (!report || report.status === 'draft') {
        rows.push([periodId, unit.name, ...Array<CellValue>(8).fill(undefined), status]);
        continue;
      }
      const timeliness = t(
        `standings.timeliness.${report.onTime === undefined ? 'unknown' : report.onTime ? 'onTime' : 'late'}`,
        {},
        c.lang,
      );
      const known = new Set(bloc.indicators.map((i) => i.code));
      const values = new Map(report.values.map((v) => [v.indicatorCode, v]));
      const line = (code: string, v: ReportedValue | undefined): CellValue[] => {
        const indicator = c.indicator(code);
        return [
          periodId,
          unit.name,
          indicator?.name[c.lang] ?? code,
          v ? figureCell(v.value, indicator) : undefined,
          measureOf(indicator, c),
          v && indicator ? percentOfPlan(v.value, indicator, planOf(year, unit.id, code)) : undefined,
          v?.raw,
          v?.estimate ? yes : undefined,
          v?.confirmedOutOfRange ? yes : undefined,
          timeliness,
          status,
          v?.note,
        ];
      };
      for (const indicator of bloc.indicators) rows.push(line(indicator.code, values.get(indicator.code)));
      // A value of an indicator since removed from the bloc file is still the unit's record.
      for (const v of report.values) if (!known.has(v.indicatorCode)) rows.push(line(v.indicatorCode, v));
    }
  }
  addTable(
    workbook,
    t('workbook.sheets.figures', {}, c.lang),
    c.titles,
    headers(
      c,
      'period',
      'unit',
      'indicator',
      'value',
      'measure',
      'percentOfPlan',
      'raw',
      'estimate',
      'outOfRange',
      'timeliness',
      'status',
      'note',
    ),
    rows,
  );
}

/** Every unit's criteria, in standings order: figure, completion, benchmark, points and the rule in words. */
export function scoringSheet(workbook: Workbook, c: SheetContext): void {
  const rows: CellValue[][] = [];
  for (const row of c.input.standings.rows) {
    for (const criterion of row.criteria) {
      const indicator = c.indicator(criterion.indicatorCode);
      if (!indicator) continue;
      const e = explainCriterion(criterion, indicator);
      const words = [e.rule, e.bonus, e.minus].filter((m) => m !== undefined).map((m) => renderMessage(m, c.lang));
      const pts = (n: number): CellValue => ({ number: n, format: POINTS_FORMAT });
      rows.push([
        row.unit.name,
        indicator.name[c.lang],
        criterion.figure ? figureCell(criterion.figure.value, indicator) : undefined,
        criterion.completion === undefined ? undefined : { number: criterion.completion / 100, format: PERCENT_FORMAT },
        pts(criterion.benchmark),
        pts(criterion.earned),
        pts(criterion.bonus),
        pts(criterion.minus),
        pts(criterion.points),
        words.join('; '),
      ]);
    }
  }
  addTable(
    workbook,
    t('workbook.sheets.scoring', {}, c.lang),
    c.titles,
    headers(c, 'unit', 'indicator', 'figure', 'completion', 'benchmark', 'earned', 'bonus', 'minus', 'points', 'rule'),
    rows,
  );
}
