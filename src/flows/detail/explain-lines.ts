import { msg, reply, type Lang, type Message, type Reply } from '../../app/messages.ts';
import { explainCriterion } from '../../app/standings-explain.ts';
import type { RankedRow, StandingsReport } from '../../app/use-cases/standings.ts';
import type { Bloc, Indicator } from '../../domain/bloc.ts';
import type { CriterionScore } from '../../domain/scoring/index.ts';
import { figureText } from '../shared/figure-text.ts';
import { changeMessage, points, scopeMessage } from '../standings/table.ts';

/** The figure a criterion was scored on, marked when it is an estimate; or that there was none. */
function figureOf(c: CriterionScore, indicator: Indicator): Message {
  if (!c.figure) return msg('detail.noFigure');
  const figure = figureText(c.figure.value, indicator);
  return c.figure.estimate ? msg('detail.estimate', { figure }) : figure;
}

/**
 * One indicator's lines: the figure and the points it earned, the rule in words with its numbers
 * ("đạt 51,6% KH × 10 điểm chuẩn = 5,16"), then bonus and minus; an unscored one says why.
 */
function criterionLines(c: CriterionScore, indicator: Indicator, lang: Lang): Message[] {
  const explained = explainCriterion(c, indicator);
  const base = { number: indicator.number, name: indicator.name[lang], figure: figureOf(c, indicator) };
  if (c.outcome === 'unscored') return [msg('detail.unscored', { ...base, rule: explained.rule })];
  // "không có số liệu: 0/15 điểm" says it all: no figure to show above it.
  if (c.outcome === 'noFigure')
    return [msg('detail.noFigureLine', { number: base.number, name: base.name, rule: explained.rule })];
  const lines = [msg('detail.criterion', { ...base, points: points(c.points), rule: explained.rule })];
  for (const extra of [explained.bonus, explained.minus]) if (extra) lines.push(msg('detail.adjust', { text: extra }));
  return lines;
}

/** Penalties, a returned report still counted, and the total as the criteria and penalties add up. */
function notes(row: RankedRow): Message[] {
  const lines: Message[] = [];
  if (row.returnedPeriods.length > 0) lines.push(msg('detail.returned', { count: row.returnedPeriods.length }));
  if (row.late.points > 0)
    lines.push(msg('detail.latePenalty', { points: points(row.late.points), count: row.late.periods.length }));
  if (row.missing.points > 0) {
    lines.push(msg('detail.missingPenalty', { points: points(row.missing.points), count: row.missing.periods.length }));
  }
  const criteria = row.criteria.reduce((sum, c) => sum + c.points, 0);
  const penalties = row.late.points + row.missing.points;
  lines.push(
    penalties > 0
      ? msg('detail.total', { total: points(row.total), criteria: points(criteria), penalties: points(penalties) })
      : msg('detail.totalPlain', { total: points(row.total) }),
  );
  return lines;
}

/** `/chitiet`: one unit's score explained line by line, with its rank and the provisional label. */
export function detailReply(bloc: Bloc, report: StandingsReport, unitId: string, unitName: string, lang: Lang): Reply {
  const row = report.rows.find((r) => r.unit.id === unitId);
  const scope = scopeMessage(report.scope);
  if (!row) return reply('standings.ownNotMember', { unit: unitName, scope });
  const byCode = new Map(row.criteria.map((c) => [c.indicatorCode, c]));
  const lines = bloc.indicators.flatMap((indicator) => {
    const c = byCode.get(indicator.code);
    return c ? criterionLines(c, indicator, lang) : [];
  });
  return reply('detail.unit', {
    unit: row.unit.name,
    scope,
    provisional: msg('standings.provisional'),
    rank: row.rank,
    count: report.rows.length,
    total: points(row.total),
    change: changeMessage(row, report.previousScope !== undefined),
    lines,
    notes: notes(row),
  });
}
