import type { Cell, Workbook, Worksheet } from 'exceljs';

/** A cell's content: text, a number with its Excel format, a date, a formula with its result, or nothing. */
export type CellValue =
  | string
  | number
  | undefined
  | { number: number; format: string }
  | { date: Date }
  | { formula: string; result: number; format: string };

const DATE_FORMAT = 'dd/mm/yyyy hh:mm';
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** Excel dates have no zone: write the wall clock of the bloc's zone, as people there read it. */
export function wallClock(instant: Date, timezone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second')));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "08:30 01/07/2023" in the bloc's zone, as the chat writes instants. */
export function displayInstant(instant: Date, timezone: string): string {
  const w = wallClock(instant, timezone);
  return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())} ${pad(w.getUTCDate())}/${pad(w.getUTCMonth() + 1)}/${w.getUTCFullYear()}`;
}

/** An Excel number format showing `decimals` decimals with grouped thousands ("#,##0.0"). */
export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

export const PERCENT_FORMAT = '0.0%';
export const POINTS_FORMAT = '0.00';

function put(cell: Cell, value: CellValue): void {
  if (value === undefined) return;
  if (typeof value === 'string' || typeof value === 'number') {
    cell.value = value;
  } else if ('date' in value) {
    cell.value = value.date;
    cell.numFmt = DATE_FORMAT;
  } else if ('formula' in value) {
    cell.value = { formula: value.formula, result: value.result };
    cell.numFmt = value.format;
  } else {
    cell.value = value.number;
    cell.numFmt = value.format;
  }
}

/** How wide a cell's content reads, in characters (numbers as about as wide as they print). */
function textWidth(value: CellValue): number {
  if (value === undefined) return 0;
  if (typeof value === 'string') return Math.max(...value.split('\n').map((line) => line.length));
  if (typeof value === 'number') return String(value).length;
  if ('date' in value) return DATE_FORMAT.length;
  const n = 'formula' in value ? value.result : value.number;
  return Math.round(n).toString().length + 4;
}

/**
 * A sheet in the house layout: the title lines (bloc and period, the provisional label…) above a
 * bold header row that stays frozen while scrolling, then the rows, each column as wide as its
 * widest cell (title lines excepted: they may run across).
 */
export function addTable(
  workbook: Workbook,
  name: string,
  titles: readonly string[],
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
): Worksheet {
  const headerRow = titles.length + 1;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow }] });
  titles.forEach((title, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = title;
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  const header = sheet.getRow(headerRow);
  headers.forEach((h, i) => (header.getCell(i + 1).value = h));
  header.font = { bold: true };
  rows.forEach((values, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    values.forEach((value, c) => put(row.getCell(c + 1), value));
  });
  headers.forEach((h, c) => {
    const widest = Math.max(h.length, ...rows.map((values) => textWidth(values[c])));
    const column = sheet.getColumn(c + 1);
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
    if (widest > MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
  });
  return sheet;
}
