import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/i18n.ts';
import { botEnv, REPO, runCli, tempDir } from './support/bot-process.ts';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  dir.remove();
});

const BLOC = 'Khối thi đua các huyện, thị xã, thành phố tỉnh Lào Cai';

async function sheetRows(path: string, sheet: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: unknown[][] = [];
  workbook.getWorksheet(sheet)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const cellNumber = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);

describe('thidua demo, then thidua export (real processes)', { timeout: 120_000 }, () => {
  it('fills the half year once, refuses to fill it again, and exports the workbook /xuatexcel sends', async () => {
    const env = botEnv({ dataDir: dir.path });
    const demo = await runCli(['demo'], env);
    expect(demo.code, demo.stderr).toBe(0);
    // 9 units × 6 months, but Mường Khương's June; Si Ma Cai late in June.
    expect(demo.stdout.split('\n')[0]).toBe(
      t('cli.demoDone', { bloc: BLOC, reports: 53, units: 9, late: 1, missing: 1 }),
    );
    expect(demo.stdout).toContain('/bangxephang 6/2023');

    const again = await runCli(['demo'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(t('cli.demoRefusedData', { registrations: 0, submissions: 53 }));

    const out = join(dir.path, 'thang-6.xlsx');
    const exported = await runCli(['export', '--period', '2023-06', '--out', out], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(out);
    const figures = await sheetRows(out, 'Số liệu');
    const crop = figures.find((r) => r[1] === 'Huyện Bảo Yên' && r[2] === 'Tổng sản lượng cây trồng');
    expect(crop?.slice(0, 4)).toEqual(['2023-06', 'Huyện Bảo Yên', 'Tổng sản lượng cây trồng', 51.6]);
    const audit = await sheetRows(out, 'Lịch sử sửa');
    expect(audit.some((r) => r.includes('Chi cục Thuế điều chỉnh số liệu thu'))).toBe(true);

    // The year to date: each unit's latest industrial value (Mường Khương's from May) adds up to the seed's 20.207 tỷ.
    const year = join(dir.path, 'nam.xlsx');
    expect((await runCli(['export', '--period', '2023', '--out', year], env)).code).toBe(0);
    const scoring = await sheetRows(year, 'Chi tiết chấm điểm');
    const industry = scoring.filter((r) => r[1] === 'Giá trị sản xuất công nghiệp').map((r) => cellNumber(r[2]));
    expect(industry).toHaveLength(9);
    expect(Math.round(industry.reduce((a, b) => a + b, 0) * 10) / 10).toBe(20207);
  });

  it('refuses a database with registrations, and any DATABASE_URL, unless --force', async () => {
    const env = botEnv({ dataDir: dir.path });
    // The console binds the person it plays: one registration.
    const played = spawnSync(process.execPath, [join(REPO, 'bin/thidua.mjs'), 'console', '--as=-:lanhdao'], {
      cwd: dir.path,
      env,
      input: '',
      encoding: 'utf8',
    });
    expect(played.status, played.stderr).toBe(0);
    const refused = await runCli(['demo'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(t('cli.demoRefusedData', { registrations: 1, submissions: 0 }));
    expect((await runCli(['demo', '--force'], env)).code).toBe(0);

    const remote = await runCli(['demo'], { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(remote.code).toBe(1);
    expect(remote.stderr).toContain(t('cli.demoRefusedDatabaseUrl'));
  });
});
