import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/i18n.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'thidua-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `thidua` as a user would: a real process on plain Node, with a clean environment. */
async function thidua(args: string[], env: Record<string, string> = {}, input?: string) {
  const child = run(process.execPath, ['bin/thidua.mjs', ...args], {
    env: { PATH: process.env.PATH ?? '', SQLITE_PATH: join(dir, 'cli.sqlite'), ...env },
    timeout: 60_000,
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('thidua CLI', () => {
  it('check-config accepts the shipped example and summarises it', async () => {
    const r = await thidua(['check-config', 'deploy/bloc.example.yaml']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('khoi-huyen-lao-cai: Khối thi đua các huyện, thị xã, thành phố tỉnh Lào Cai');
    // Vietnamese, from the locale: the summary's lines, then the verdict.
    expect(lines).toContain(`  ${t('blocFile.summary.movements', { count: 12 })}`);
    expect(lines).toContain(
      `  ${t('blocFile.summary.year', { year: 2023, units: 9, head: 'bac-ha', deputy: 'bao-yen' })}`,
    );
    expect(lines).toContain(t('cli.blocFileOk'));
  });

  it('check-config reports every planted mistake with its path, and exits 1', async () => {
    const r = await thidua(['check-config', 'test/config/fixtures/three-mistakes.yaml']);
    expect(r.code).toBe(1);
    const file = 'test/config/fixtures/three-mistakes.yaml';
    const errorLines = r.stderr.split('\n').filter((l) => l.includes('three-mistakes.yaml'));
    expect(errorLines).toEqual([
      `  ${file}:12: years.2023.plans.bac-ha.thu-ngan-sach: ${t('blocFile.errors.expected.number', { got: '"nhiều lắm"' })}`,
      `  ${file}:13: years.2023.plans.bao-yenn: ${t('blocFile.errors.notMemberSuggest', { id: 'bao-yenn', year: 2023, suggestion: 'bao-yen' })}`,
      `  ${file}:25: calendar.due.day: ${t('blocFile.errors.atMost', { maximum: 31, got: 40 })}`,
    ]);
    expect(r.stderr.split('\n')[0]).toBe(t('cli.blocFileInvalid'));
  });

  it('check-config gives a broken YAML file a line number', async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'id: x\nname: "unclosed\nyears: {}\n');
    const r = await thidua(['check-config', broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${broken}:2: ${t('blocFile.errors.yamlUnclosedQuote')}`);
  });

  it('invite without a Telegram token prints /start <code> as its last line', async () => {
    const r = await thidua(['invite', '--role', 'focal', '--unit', 'si-ma-cai']);
    expect(r.code).toBe(0);
    const last = r.stdout.trim().split('\n').at(-1) ?? '';
    expect(last).toMatch(/^\/start [ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
  });

  it('invite refuses a focal point without a unit, and an unknown unit, naming the units', async () => {
    const noUnit = await thidua(['invite', '--role', 'focal']);
    expect(noUnit.code).toBe(1);
    expect(noUnit.stderr).toContain('si-ma-cai');
    const unknown = await thidua(['invite', '--role', 'focal', '--unit', 'ha-noi']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('ha-noi');
  });

  it('start without a token and without a terminal names the variables to set', async () => {
    const r = await thidua(['start'], {}, '');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TELEGRAM_BOT_TOKEN');
    expect(r.stderr).toContain('BLOC_FILE');
  });

  it('console --as works with piped input', async () => {
    const r = await thidua(['console', '--as', 'si-ma-cai:daumoi'], {}, '/toilaai\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('console');
    expect(r.stdout).toContain('Si Ma Cai');
  });

  it('a bad environment is reported variable by variable', async () => {
    const r = await thidua(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL: /);
  });
});
