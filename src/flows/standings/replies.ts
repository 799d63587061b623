import { msg, reply, type Lang, type Message, type Reply } from '../../app/messages.ts';
import type { ReportRendering } from '../../app/ports.ts';
import type { StandingsReport } from '../../app/use-cases/standings.ts';
import { changeMessage, footerLines, marksMessage, points, scopeMessage, shownRows, tableLines } from './table.ts';

/** The table as a message: title with the provisional label, the lines, the notes under them. */
export function tableMessage(report: StandingsReport, ownUnitId?: string): Message {
  const example = report.rows[0]?.unit.id ?? '';
  return msg('standings.table', {
    scope: scopeMessage(report.scope),
    provisional: msg('standings.provisional'),
    lines: tableLines(report, ownUnitId),
    notes: footerLines(report, example),
  });
}

/** The chart of the lines the table shows (a large bloc's whole table would be metres tall). */
export function standingsChart(
  rendering: ReportRendering,
  report: StandingsReport,
  lang: Lang,
  ownUnitId?: string,
): Promise<Uint8Array> {
  const bars = shownRows(report.rows, ownUnitId).flatMap((shown) =>
    'row' in shown
      ? [
          {
            label: `${shown.row.rank}. ${shown.row.unit.name}`,
            value: shown.row.total,
            highlight: shown.row.unit.id === ownUnitId,
          },
        ]
      : [],
  );
  return rendering.standingsChart({
    title: msg('standings.chartTitle', { scope: scopeMessage(report.scope) }),
    subtitle: msg('standings.provisional'),
    bars,
    lang,
  });
}

/** /bangxephang for those who see the table: the lines, with the chart as the reply's image. */
export async function tableReply(
  rendering: ReportRendering,
  report: StandingsReport,
  lang: Lang,
  ownUnitId?: string,
): Promise<Reply> {
  const png = await standingsChart(rendering, report, lang, ownUnitId);
  const table = tableMessage(report, ownUnitId);
  return { ...table, image: { png } };
}

/**
 * A focal point's own line (permissions: `ownRank`): rank among how many, total and move, with
 * the marks; never another unit's name or score.
 */
export function ownRankReply(report: StandingsReport, unitId: string, unitName: string): Reply {
  const row = report.rows.find((r) => r.unit.id === unitId);
  const scope = scopeMessage(report.scope);
  if (!row) return reply('standings.ownNotMember', { unit: unitName, scope });
  const params = {
    unit: row.unit.name,
    scope,
    provisional: msg('standings.provisional'),
    rank: row.rank,
    count: report.rows.length,
    total: points(row.total),
    change: changeMessage(row, report.previousScope !== undefined),
  };
  const marks = marksMessage(row, report.scope, false);
  return marks ? reply('standings.ownMarked', { ...params, marks }) : reply('standings.own', params);
}
