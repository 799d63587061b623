import type { ReportRendering } from '../app/ports.ts';
import { renderMessage } from '../i18n/render.ts';
import { renderStandingsChart } from './chart.ts';
import { buildWorkbook } from './workbook.ts';

/** The report-rendering port over chart.js and exceljs; the composition root passes it to the app. */
export function createReportRendering(): ReportRendering {
  return {
    async standingsChart(request) {
      const chart = await renderStandingsChart({
        title: renderMessage(request.title, request.lang),
        provisionalLabel: renderMessage(request.subtitle, request.lang),
        bars: request.bars,
      });
      return new Uint8Array(chart.png);
    },
    workbook: buildWorkbook,
  };
}
