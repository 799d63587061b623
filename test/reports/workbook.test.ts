import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/app/ports.ts';
import type { PeriodProgress } from '../../src/app/use-cases/progress.ts';
import { periodScope, scoreStandings, yearToDateScope } from '../../src/domain/scoring/index.ts';
import { buildWorkbook, scopeLabel } from '../../src/reports/workbook.ts';
import { AN_BINH, BAC_SON, bloc, indicator, linear, report, scalar, vn, year } from '../domain/scoring/fixtures.ts';

const budget = { ...indicator('thu', 'amount', 'cumulative', linear(20)), name: { vi: 'Thu ngân sách', en: 'Budget' } };
const crop = {
  ...indicator('cay', 'percent_of_plan', 'cumulative', linear(10)),
  name: { vi: 'Sản lượng', en: 'Crop' },
};
const b = {
  ...bloc([budget, crop], [year(2023, [AN_BINH, BAC_SON], { 'an-binh': { thu: 200 } })]),
  name: 'Khối thi đua các xã',
  movements: [{ id: 'chuyen-doi-so', number: 1, name: 'Chuyển đổi số' }],
};
const june = report(
  'an-binh',
  '2023-06',
  [{ ...scalar('thu', 45.2), raw: '45,2 tỷ', note: 'số liệu Chi cục Thuế' }, scalar('cay', 51.6, { estimate: true })],
  { at: vn('2023-06-12', '09:15') },
);
const standings = scoreStandings(b, periodScope('2023-06'), [june]);
const audit: AuditEntry[] = [
  {
    id: 1,
    blocId: b.id,
    periodId: '2023-06',
    unitId: 'an-binh',
    indicatorCode: 'thu',
    revision: 2,
    before: { raw: '40', value: { type: 'scalar', value: 40 }, estimate: false },
    after: { raw: '45,2 tỷ', value: { type: 'scalar', value: 45.2 }, estimate: false },
    actor: { channel: 'telegram', userId: '100', name: 'Nguyễn Thị Hoa' },
    at: vn('2023-06-14', '10:30'),
    reason: 'Chi cục Thuế điều chỉnh',
  },
];
const progress = {
  periodId: '2023-06',
  reporting: { periodId: '2023-06', units: [], expected: 2, submitted: 1, onTime: 1 },
  onTime: [],
  late: [],
  returned: [],
  draft: [],
  none: [],
  reportingRate: 50,
  onTimeRate: 50,
} satisfies PeriodProgress;

let workbook: ExcelJS.Workbook;
beforeAll(async () => {
  const bytes = await buildWorkbook({
    bloc: b,
    standings: { ...standings, rows: standings.rows },
    submissions: [june],
    progress,
    nominations: [
      {
        blocId: b.id,
        unitId: 'an-binh',
        year: 2023,
        kind: 'individual',
        name: 'Lò Văn Thắng',
        position: 'Chủ tịch UBND xã',
        movementId: 'chuyen-doi-so',
        achievements: 'Đưa 100% thủ tục lên mạng.',
        createdAt: vn('2023-06-20', '08:00'),
      },
    ],
    audit,
    generatedAt: vn('2023-07-01', '08:30'),
  });
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});

const sheet = (name: string) => {
  const s = workbook.getWorksheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const rowValues = (s: ExcelJS.Worksheet, r: number) => (s.getRow(r).values as unknown[]).slice(1);

describe('buildWorkbook, read back with exceljs', () => {
  it('has the six sheets with Vietnamese names, each titled with the bloc, the period and the provisional label', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Xếp hạng',
      'Chi tiết chấm điểm',
      'Số liệu',
      'Tiến độ',
      'Đề xuất ĐHTT',
      'Lịch sử sửa',
    ]);
    const s = sheet('Xếp hạng');
    expect(s.getCell('A1').value).toBe('Khối thi đua các xã — tháng 6/2023');
    expect(s.getCell('A2').value).toBe('Kết quả tạm tính. Lập lúc 08:30 01/07/2023.');
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('lists the standings with a breakdown whose total is a formula that adds it up', () => {
    const s = sheet('Xếp hạng');
    expect(rowValues(s, 3)).toEqual([
      'Hạng',
      'Đơn vị',
      'Thu ngân sách (20)',
      'Sản lượng (10)',
      'Điểm cộng',
      'Điểm trừ',
      'Trừ nộp muộn',
      'Trừ không nộp',
      'Tổng điểm',
      'Thay đổi hạng',
      'Lưu ý',
    ]);
    // 45,2 of 200 = 22,6 % × 20 = 4,52; 51,6 % × 10 = 5,16; total 9,68.
    expect(s.getCell('B4').value).toBe('Xã An Bình');
    expect([s.getCell('C4').value, s.getCell('D4').value]).toEqual([4.52, 5.16]);
    expect(s.getCell('C4').numFmt).toBe('0.00');
    expect(s.getCell('I4').value).toEqual({ formula: 'SUM(C4:D4)+E4-F4-G4-H4', result: 9.68 });
    expect(s.getCell('K4').value).toBe('có số ước');
    expect([s.getCell('B5').value, s.getCell('H5').value, s.getCell('K5').value]).toEqual([
      'Phường Bắc Sơn',
      2,
      'không nộp 1 kỳ',
    ]);
    expect(s.getColumn(2).width).toBeGreaterThanOrEqual('Phường Bắc Sơn'.length);
  });

  it('writes the figures with number formats, % of plan, the text typed, marks and notes', () => {
    const s = sheet('Số liệu');
    const budgetRow = rowValues(s, 4);
    expect(budgetRow.slice(0, 3)).toEqual(['2023-06', 'Xã An Bình', 'Thu ngân sách']);
    expect(s.getCell('D4').value).toBe(45.2);
    expect(s.getCell('D4').numFmt).toBe('#,##0.0');
    expect(s.getCell('E4').value).toBe('tỷ đồng');
    expect(s.getCell('F4').value).toBeCloseTo(0.226, 9);
    expect(s.getCell('F4').numFmt).toBe('0.0%');
    expect([s.getCell('G4').value, s.getCell('J4').value, s.getCell('L4').value]).toEqual([
      '45,2 tỷ',
      'đúng hạn',
      'số liệu Chi cục Thuế',
    ]);
    expect(s.getCell('H5').value).toBe('x'); // the crop figure is an estimate
    expect(rowValues(s, 6)).toEqual(['2023-06', 'Phường Bắc Sơn', ...Array(8).fill(undefined), 'chưa có gì']);
  });

  it('explains each criterion in words on the scoring sheet', () => {
    const s = sheet('Chi tiết chấm điểm');
    expect(s.getCell('J5').value).toBe('đạt 51,6% KH × 10 điểm chuẩn = 5,16');
  });

  it('carries the rates, the nominations and the audit trail', () => {
    expect(sheet('Tiến độ').getCell('A3').value).toBe('Đã nộp 1/2 đơn vị (50,0%), đúng hạn 1/2 (50,0%)');
    const n = sheet('Đề xuất ĐHTT');
    expect(rowValues(n, 4).slice(0, 7)).toEqual([
      'Xã An Bình',
      2023,
      'Cá nhân',
      'Lò Văn Thắng',
      'Chủ tịch UBND xã',
      undefined,
      'Chuyển đổi số',
    ]);
    const a = sheet('Lịch sử sửa');
    // 10:30 local time is written as the wall clock Excel shows.
    expect(a.getCell('A4').value).toEqual(new Date('2023-06-14T10:30:00Z'));
    expect(rowValues(a, 4).slice(1)).toEqual([
      '2023-06',
      'Xã An Bình',
      'Thu ngân sách',
      'Nguyễn Thị Hoa',
      'telegram',
      '40',
      '45,2',
      'Chi cục Thuế điều chỉnh',
      2,
    ]);
  });
});

describe('scopeLabel', () => {
  it('names a period, a year to date by its last month, and a year not begun', () => {
    const label = (scope: ReturnType<typeof periodScope>) => scopeLabel({ ...standings, scope, rows: [] }, 'vi');
    expect(label(periodScope('2023-06'))).toBe('tháng 6/2023');
    expect(label(yearToDateScope(2023, 6))).toBe('năm 2023, lũy kế đến tháng 6');
    expect(label(yearToDateScope(2024, 0))).toBe('năm 2024');
  });
});
