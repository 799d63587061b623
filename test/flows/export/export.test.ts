import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../support/flow-harness.ts';
import { AFTER_JUNE, JUNE, seedJune, startsWith, ZIP_SIGNATURE } from '../standings/fixtures.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: AFTER_JUNE });
  await seedJune(h);
});
afterEach(async () => {
  await h.close();
});

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('/xuatexcel', () => {
  it('sends the period’s workbook as a document, filled from the stored reports, with the provisional label', async () => {
    const [answer] = await (await h.person({ role: 'secretariat' })).say('/xuatexcel 6/2023');
    expect(answer?.reply.key).toBe('export.ready');
    expect(answer?.reply.params).toEqual({
      bloc: 'Khối thi đua các huyện, thị xã, thành phố tỉnh Lào Cai',
      scope: JUNE,
      provisional: { key: 'standings.provisional' },
    });
    const document = answer?.reply.document;
    expect(document?.fileName).toBe('thidua-khoi-huyen-lao-cai-2023-06.xlsx');
    expect(startsWith(document?.bytes, ZIP_SIGNATURE)).toBe(true);
    const workbook = await workbookOf(document?.bytes ?? new Uint8Array());
    const standings = workbook.getWorksheet('Xếp hạng');
    // Title, provisional line, header, then the first unit.
    expect(standings?.getCell('A1').value).toBe(
      'Khối thi đua các huyện, thị xã, thành phố tỉnh Lào Cai — tháng 6/2023',
    );
    expect(String(standings?.getCell('A2').value)).toContain('Kết quả tạm tính');
    expect(standings?.getRow(4).getCell(1).value).toBe(1);
    expect(standings?.getRow(4).getCell(2).value).toBe('Huyện Bắc Hà');
    const progress = workbook.getWorksheet('Tiến độ');
    expect(String(progress?.getCell('A3').value)).toBe('Đã nộp 2/9 đơn vị (22,2%), đúng hạn 1/9 (11,1%)');
    // The console wrote the same bytes to its folder.
    const [path] = answer?.files ?? [];
    expect(readFileSync(path ?? '').equals(Buffer.from(document?.bytes ?? []))).toBe(true);
  });

  it('a bare year exports the year to date, named by the year', async () => {
    const [answer] = await (await h.person({ role: 'secretariat' })).say('/export 2023');
    expect(answer?.reply.params?.scope).toEqual({
      key: 'standings.scope.yearToDate',
      params: { month: 7, year: 2023 },
    });
    expect(answer?.reply.document?.fileName).toBe('thidua-khoi-huyen-lao-cai-2023.xlsx');
  });

  it('refuses a nonsense scope with an example', async () => {
    const [answer] = await (await h.person({ role: 'secretariat' })).say('/xuatexcel quý 2');
    expect(answer?.reply).toEqual({
      key: 'standings.args.badFormat',
      params: { text: 'quý 2', command: 'xuatexcel', example: '7/2023', year: 2023 },
    });
  });
});
