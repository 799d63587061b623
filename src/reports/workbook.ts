import ExcelJS from 'exceljs';
import { contextOf, type WorkbookInput } from './workbook-context.ts';
import { figuresSheet, scoringSheet } from './workbook-figures.ts';
import { auditSheet, nominationsSheet, progressSheet, standingsSheet } from './workbook-tables.ts';

export { scopeLabel, type WorkbookInput } from './workbook-context.ts';

/** The .xlsx bytes: standings, scoring details, figures, progress, nominations and audit trail. */
export async function buildWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const context = contextOf(input);
  const workbook = new ExcelJS.Workbook();
  workbook.created = input.generatedAt;
  standingsSheet(workbook, context);
  scoringSheet(workbook, context);
  figuresSheet(workbook, context);
  progressSheet(workbook, context);
  nominationsSheet(workbook, context);
  auditSheet(workbook, context);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
