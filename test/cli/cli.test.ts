import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/i18n.ts';
import { NODE_STACK_TRACE, runThidua } from '../support/thidua-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'thidua-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `thidua` as a user would: a real process on plain Node, with a clean environment. */
const thidua = (args: string[], env: Record<string, string> = {}, input?: string) =>
  runThidua(args, { env: { SQLITE_PATH: join(dir, 'cli.sqlite'), ...env }, input });

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
    // The tie-break order is in words, not the file's codes (total, on_time, submitted_at, name).
    expect(r.stdout).not.toMatch(/on_time|submitted_at/);
  });

  it('check-config on the deploy folder checks the bloc and names compose.yaml as skipped', async () => {
    const r = await thidua(['check-config', 'deploy']);
    expect(r.stderr).not.toContain('compose.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(t('cli.blocFileSkipped', { file: 'deploy/compose.yaml' }));
    expect(r.stdout).toContain(t('cli.blocFileOk'));
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

  it('a bad environment is reported variable by variable, in Vietnamese', async () => {
    const r = await thidua(['migrate'], { DATABASE_URL: 'mysql://nope', PORT: 'abc', LOG_LEVEL: 'verbose' });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      t('cli.configInvalid'),
      `  DATABASE_URL: ${t('env.errors.databaseUrl')}`,
      `  LOG_LEVEL: ${t('env.errors.oneOf', { values: 'fatal, error, warn, info, debug, trace, silent', got: 'verbose' })}`,
      `  PORT: ${t('env.errors.port', { got: 'abc' })}`,
      '',
    ]);
    // zod's English ("expected a port number", "Invalid option") never reaches the operator.
    expect(r.stderr).not.toMatch(/expected|Invalid/);
  });

  it('console --as takes a value that begins with a dash, written either way', async () => {
    for (const args of [
      ['console', '--as', '-:thuky'],
      ['console', '--as=-:thuky'],
    ]) {
      const r = await thidua(args, {}, '/toilaai\n');
      expect(r.stderr).not.toMatch(NODE_STACK_TRACE);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('secretariat:-');
    }
  });
});

describe('the console menus (npm start on a terminal, thidua console without --as)', () => {
  it('asks again after a wrong answer, takes the role and the unit by their words', async () => {
    const r = await thidua(['console'], {}, '9\nthư ký\n/toilaai\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(t('console.pickRoleAgain', { text: '9', count: 3 }));
    expect(r.stdout).toContain('secretariat:-');
    expect(r.stderr).not.toContain('--as');

    const focal = await thidua(['console'], {}, 'dau moi\nha noi\nsi ma cai\n/toilaai\n');
    expect(focal.code).toBe(0);
    expect(focal.stdout).toContain(t('console.pickUnitAgain', { text: 'ha noi', count: 9 }));
    expect(focal.stdout).toContain('focal:si-ma-cai');
  }, 60_000);

  it('leaves only when the input ends, quietly, saying nothing about --as', async () => {
    const r = await thidua(['console'], {}, '9\n0\n');
    expect(r.code).toBe(0);
    expect(r.stdout.split(t('console.pickRoleAgain', { text: '0', count: 3 })).length).toBe(2);
    expect(r.stderr).not.toContain('--as');
    expect(r.stderr).not.toMatch(NODE_STACK_TRACE);
  });
});

describe('thidua arguments', () => {
  const usage = {
    start: t('cli.usageOf.start'),
    console: t('cli.usageOf.console'),
    'check-config': t('cli.usageOf.checkConfig'),
    invite: t('cli.usageOf.invite'),
    migrate: t('cli.usageOf.migrate'),
  };

  it('a mistake is one line saying what, then the usage of that command, exit 2', async () => {
    const cases: Array<[string[], string]> = [
      [['invite', '--role'], t('cli.args.missingValue', { command: 'invite', word: '--role' })],
      [
        ['invite', '--role', 'focal', '--colour', 'red'],
        t('cli.args.unknownOption', { command: 'invite', word: '--colour' }),
      ],
      [['invite', '--role', 'focal', 'si-ma-cai'], t('cli.args.extraWord', { command: 'invite', word: 'si-ma-cai' })],
      [['migrate', 'now'], t('cli.args.extraWord', { command: 'migrate', word: 'now' })],
      [['console', '--as'], t('cli.args.missingValue', { command: 'console', word: '--as' })],
      [['check-config', 'a.yaml', 'b.yaml'], t('cli.args.extraWord', { command: 'check-config', word: 'b.yaml' })],
      [['start', '--verbose'], t('cli.args.unknownOption', { command: 'start', word: '--verbose' })],
    ];
    const runs = await Promise.all(cases.map(([args]) => thidua(args)));
    cases.forEach(([args, line], i) => {
      const r = runs[i]!;
      expect(r.stderr, args.join(' ')).not.toMatch(NODE_STACK_TRACE);
      expect(r.code, args.join(' ')).toBe(2);
      const command = args[0] as keyof typeof usage;
      expect(r.stderr).toBe(`${line}\n${usage[command]}\n`);
    });
  }, 60_000);

  it('--help on any command prints its usage and exits 0; thidua --help prints them all', async () => {
    const entries = Object.entries(usage);
    const runs = await Promise.all(entries.map(([command]) => thidua([command, '--help'])));
    entries.forEach(([command, text], i) => {
      const r = runs[i]!;
      expect(r.stderr, command).not.toMatch(NODE_STACK_TRACE);
      expect(r.code, command).toBe(0);
      expect(r.stdout).toBe(`${text}\n`);
    });
    const all = await thidua(['--help']);
    expect(all.code).toBe(0);
    expect(all.stdout).toBe(`${t('cli.usage')}\n`);
    const about = await thidua(['help', 'invite']);
    expect(about.stdout).toBe(`${usage.invite}\n`);
  }, 60_000);
});
